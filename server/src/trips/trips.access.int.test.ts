import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint, dbKinds, login } from '../../test/harness';
import { addDriver, addVehicle, nextDocument, nextPlate, OK_ACCOUNT, pay, startKit, tripBody, type Kit } from './__fixtures__/trips.testkit';

// The access-control matrix of the trips capability: every role against every route group of
// fleet, trips, payments, passes and fees. Expectations are written by hand from shared/roles.ts
// and the scope rules (own enterprise; officers at their gates, never drafts; drivers the trips
// they drive; leaders and administrators everything), never computed by the code under test.
//
// Cells: ok 200 · new 201 · anon 401 · deny 403 auth.forbidden · hide 404 <x>.not_found

const CELLS = { ok: '200', new: '201', anon: '401 auth.unauthenticated', deny: '403 auth.forbidden', hide: '404 not_found' } as const;

// Columns: vehs/drvs list the fleet, +veh/+drv register, trips lists trips, +trip creates a draft,
// trip/draft read a submitted-and-paid / draft Nông sản trip at Trà Lĩnh driven by taixe.nongsan,
// ~trip amends and x-trip cancels a fresh submitted one, tl its timeline, pays its payments,
// +pay pays a fresh submitted one, pass reads the gate pass, verify checks a pass online, keys the
// public keys, quote the public fee quote, recon the reconciliation, proc runs the simulated bank.
const MATRIX_TABLE = `
  user              vehs +veh drvs +drv trips +trip trip draft ~trip x-trip tl   pays +pay pass verify keys quote recon proc
  anonymous         anon anon anon anon anon  anon  anon anon  anon  anon   anon anon anon anon anon   ok   ok    anon  anon
  admin             ok   new  ok   new  ok    new   ok   ok    ok    ok     ok   ok   new  ok   ok     ok   ok    ok    ok
  lanhdao.caobang   deny deny deny deny ok    deny  ok   ok    deny  deny   ok   ok   deny ok   ok     ok   ok    deny  deny
  bql.tralinh       deny deny deny deny ok    deny  ok   hide  deny  deny   ok   ok   deny ok   ok     ok   ok    ok    ok
  bql.thanhthuy     deny deny deny deny ok    deny  hide hide  deny  deny   hide hide deny hide ok     ok   ok    ok    ok
  haiquan.tralinh   deny deny deny deny ok    deny  ok   hide  deny  deny   ok   ok   deny ok   ok     ok   ok    deny  deny
  bienphong.tralinh deny deny deny deny ok    deny  ok   hide  deny  deny   ok   ok   deny ok   ok     ok   ok    deny  deny
  kdtv.tralinh      deny deny deny deny ok    deny  ok   hide  deny  deny   ok   ok   deny ok   ok     ok   ok    deny  deny
  kddv.tralinh      deny deny deny deny ok    deny  ok   hide  deny  deny   ok   ok   deny ok   ok     ok   ok    deny  deny
  kdyt.tralinh      deny deny deny deny ok    deny  ok   hide  deny  deny   ok   ok   deny ok   ok     ok   ok    deny  deny
  bai.tralinh       deny deny deny deny ok    deny  ok   hide  deny  deny   ok   ok   deny ok   ok     ok   ok    deny  deny
  soct.caobang      deny deny deny deny deny  deny  deny deny  deny  deny   deny deny deny deny deny   ok   ok    deny  deny
  dn.nongsan        ok   new  ok   new  ok    new   ok   ok    ok    ok     ok   ok   new  ok   ok     ok   ok    deny  ok
  nv.nongsan        ok   new  ok   new  ok    new   ok   ok    ok    ok     ok   ok   new  ok   ok     ok   ok    deny  ok
  taixe.nongsan     deny deny deny deny ok    deny  ok   hide  deny  deny   ok   ok   deny ok   ok     ok   ok    deny  deny
  dn.thanhthuy      ok   new  ok   new  ok    new   hide hide  hide  hide   hide hide hide hide ok     ok   ok    deny  ok
  dulich.bangioc    deny deny deny deny deny  deny  deny deny  deny  deny   deny deny deny deny deny   ok   ok    deny  deny
`;

const [HEADER, ...BODY] = MATRIX_TABLE.trim().split('\n').map((line) => line.trim().split(/\s+/));
const ROUTES = HEADER.slice(1);
const MATRIX = BODY.map(([user, ...cells]) => {
  if (cells.length !== ROUTES.length) throw new Error(`row ${user} has ${cells.length} cells, not ${ROUTES.length}`);
  return { user, row: Object.fromEntries(ROUTES.map((r, i) => [r, CELLS[cells[i] as keyof typeof CELLS] ?? `bad cell ${cells[i]}`])) };
});

const EXCEPT = ['sessions', 'auth_throttle'];

describe.each(dbKinds())('trips access-control matrix on %s', (kind) => {
  let kit: Kit;
  let vehicleId: string;
  let driverId: string;
  let paid: { id: string };
  let draft: { id: string };
  let token: string;
  const quote = { province: 'CB', gateId: 'tra-linh', date: '2027-03-03', regime: 'export', vehicle: { grossTonnageCapacity: 15 }, containers: [], cargoLines: [{ hsCode: '0810.60.00', grossWeightKg: 1000, declaredValue: 10, currency: 'USD', origin: 'VN' }] };

  beforeAll(async () => {
    kit = await startKit(kind, ['dn.nongsan']);
    for (const { user } of MATRIX) if (user !== 'anonymous' && !kit.cookies[user]) kit.cookies[user] = await login(kit.t.app, user);
    vehicleId = await addVehicle(kit);
    driverId = await addDriver(kit, 'dn.nongsan', { accountId: kit.userIds['taixe.nongsan'] });
    paid = await freshSubmitted();
    await pay(kit, paid.id);
    token = (await kit.req('GET', `/api/v1/trips/${paid.id}/pass`, 'dn.nongsan')).json().token;
    draft = (await kit.req('POST', '/api/v1/trips', 'dn.nongsan', tripBody(vehicleId, driverId))).json();
  });
  afterAll(async () => kit?.t.close());

  async function freshSubmitted(): Promise<{ id: string; version: number; fee: { outstanding: number } }> {
    const created = (await kit.req('POST', '/api/v1/trips', 'dn.nongsan', tripBody(vehicleId, driverId))).json();
    return (await kit.req('POST', `/api/v1/trips/${created.id}/submit`, 'dn.nongsan', { version: created.version })).json();
  }

  /** One request per column; bodies are valid and current, so only authorisation decides. */
  async function request(route: string): Promise<{ method: 'GET' | 'POST' | 'PATCH'; url: string; payload?: unknown; headers?: Record<string, string> }> {
    const N = kit.enterpriseIds.nongsan;
    switch (route) {
      case 'vehs': return { method: 'GET', url: '/api/v1/vehicles' };
      case '+veh': return { method: 'POST', url: '/api/v1/vehicles', payload: { plate: nextPlate(), type: 'truck', axles: 2, tonnageCapacity: 8, enterpriseId: N } };
      case 'drvs': return { method: 'GET', url: '/api/v1/drivers' };
      case '+drv': return { method: 'POST', url: '/api/v1/drivers', payload: { fullName: 'Ma Văn Ma', nationality: 'VN', documentType: 'passport', documentNumber: nextDocument(), documentExpiresOn: '2030-01-01', enterpriseId: N } };
      case 'trips': return { method: 'GET', url: '/api/v1/trips' };
      case '+trip': return { method: 'POST', url: '/api/v1/trips', payload: { gateId: 'tra-linh', enterpriseId: N } };
      case 'trip': return { method: 'GET', url: `/api/v1/trips/${paid.id}` };
      case 'draft': return { method: 'GET', url: `/api/v1/trips/${draft.id}` };
      case '~trip': {
        const t = await freshSubmitted();
        return { method: 'PATCH', url: `/api/v1/trips/${t.id}`, payload: { version: t.version, reason: 'access matrix', notes: 'sửa' } };
      }
      case 'x-trip': {
        const t = await freshSubmitted();
        return { method: 'POST', url: `/api/v1/trips/${t.id}/cancel`, payload: { version: t.version, reason: 'access matrix' } };
      }
      case 'tl': return { method: 'GET', url: `/api/v1/trips/${paid.id}/timeline` };
      case 'pays': return { method: 'GET', url: `/api/v1/trips/${paid.id}/payments` };
      case '+pay': {
        const t = await freshSubmitted();
        return { method: 'POST', url: `/api/v1/trips/${t.id}/payments`, payload: { amount: t.fee.outstanding, payerAccount: OK_ACCOUNT }, headers: { 'idempotency-key': `matrix-${t.id}` } };
      }
      case 'pass': return { method: 'GET', url: `/api/v1/trips/${paid.id}/pass` };
      case 'verify': return { method: 'POST', url: '/api/v1/passes/verify', payload: { token } };
      case 'keys': return { method: 'GET', url: '/api/v1/passes/keys' };
      case 'quote': return { method: 'POST', url: '/api/v1/fees/quote', payload: quote };
      case 'recon': return { method: 'GET', url: '/api/v1/payments/reconciliation?date=2027-03-01' };
      case 'proc': return { method: 'POST', url: '/api/v1/payments/simulated/process' };
      default: throw new Error(`no request for column ${route}`);
    }
  }

  it.each(MATRIX)('$user gets exactly its row', async ({ user, row }) => {
    const actual: Record<string, string> = {};
    for (const route of ROUTES) {
      const req = await request(route);
      const write = req.method !== 'GET';
      const before = write ? await databaseFingerprint(kit.t.db, EXCEPT) : null;
      const res = await kit.t.app.inject({ method: req.method, url: req.url, payload: req.payload as never, headers: { ...(req.headers ?? {}), ...(kit.cookies[user] ? { cookie: kit.cookies[user] } : {}) } });
      let cell = String(res.statusCode);
      if (res.statusCode >= 400) {
        const code: string = res.json().code;
        cell += ` ${res.statusCode === 404 && code.endsWith('.not_found') ? 'not_found' : code}`;
        if (before && JSON.stringify(await databaseFingerprint(kit.t.db, EXCEPT)) !== JSON.stringify(before)) cell += ' BUT WROTE';
      }
      actual[route] = cell;
    }
    expect(actual).toEqual(row);
  });

  it('shows officers only the trips at their gates and never drafts', async () => {
    const items = (await kit.req('GET', '/api/v1/trips?limit=200', 'bql.thanhthuy')).json().items as Array<{ gateId: string; status: string }>;
    expect(items.every((i) => i.gateId === 'thanh-thuy' && i.status !== 'draft')).toBe(true);
    const tralinh = (await kit.req('GET', '/api/v1/trips?limit=200', 'haiquan.tralinh')).json().items as Array<{ gateId: string; status: string }>;
    expect(tralinh.length).toBeGreaterThan(0);
    expect(tralinh.every((i) => i.gateId === 'tra-linh' && i.status !== 'draft')).toBe(true);
  });
});
