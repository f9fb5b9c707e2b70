import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds, login } from '../../test/harness';
import { checkIn, makeTrip, yardKit, type YardKit } from './__fixtures__/yards.testkit';

// Yards and their rules as the gate authority keeps them (versions, reasons, audit), what the
// offline page primes itself with, and who may read or act at which gate.

const CELLS = { ok: '200', anon: '401', deny: '403 auth.forbidden', out: '403 auth.out_of_scope' } as const;
const MATRIX = `
  user               queueTL queueTT flagsTL callTL rulesTL yards
  anonymous          anon    anon    anon    anon   anon    anon
  admin              ok      ok      ok      ok     ok      ok
  lanhdao.caobang    ok      ok      ok      deny   ok      ok
  bql.tralinh        ok      out     ok      ok     ok      ok
  bql.thanhthuy      out     ok      out     out    out     ok
  haiquan.tralinh    ok      out     ok      deny   ok      ok
  bienphong.tralinh  ok      out     ok      ok     ok      ok
  bai.tralinh        ok      out     ok      ok     ok      ok
  dn.nongsan         deny    deny    deny    deny   deny    deny
  taixe.nongsan      deny    deny    deny    deny   deny    deny
  soct.caobang       deny    deny    deny    deny   deny    deny
`;
const ROUTES: Record<string, { method: 'GET' | 'POST'; url: string; payload?: unknown }> = {
  queueTL: { method: 'GET', url: '/api/v1/yards/queue?gateId=tra-linh&direction=export' },
  queueTT: { method: 'GET', url: '/api/v1/yards/queue?gateId=thanh-thuy&direction=export' },
  flagsTL: { method: 'GET', url: '/api/v1/yards/flags?gateId=tra-linh' },
  callTL: { method: 'POST', url: '/api/v1/yards/call-next', payload: { gateId: 'tra-linh', direction: 'import' } },
  rulesTL: { method: 'GET', url: '/api/v1/gates/tra-linh/yard-rules' },
  yards: { method: 'GET', url: '/api/v1/yards' },
};

describe.each(dbKinds())('yards administration on %s', (kind) => {
  let kit: YardKit;
  const [header, ...rows] = MATRIX.trim().split('\n').map((l) => l.trim().split(/\s+/));
  beforeAll(async () => {
    kit = await yardKit(kind, ['bai.tralinh', 'bql.tralinh', 'admin', 'dn.nongsan', 'lanhdao.caobang']);
    for (const [user] of rows) if (user !== 'anonymous' && !kit.cookies[user]) kit.cookies[user] = await login(kit.t.app, user);
  }, 120_000);
  afterAll(async () => kit?.t.close());

  it('lets each role read and act only where its permissions and gates allow', async () => {
    const routes = header.slice(1);
    const actual: string[] = [];
    const expected: string[] = [];
    for (const [user, ...cells] of rows) {
      for (const [i, name] of routes.entries()) {
        const r = ROUTES[name];
        const res = await kit.req(r.method, r.url, user === 'anonymous' ? undefined : user, r.payload);
        const got = res.statusCode === 200 ? '200' : res.statusCode === 401 ? '401' : `${res.statusCode} ${res.json().code}`;
        actual.push(`${user} ${name} ${got}`);
        expected.push(`${user} ${name} ${CELLS[cells[i] as keyof typeof CELLS]}`);
      }
    }
    expect(actual).toEqual(expected);
    const mineOnly = (await kit.req('GET', '/api/v1/yards', 'bai.tralinh')).json().items.map((y: { gateId: string }) => y.gateId);
    expect(new Set(mineOnly)).toEqual(new Set(['tra-linh']));
  });

  it('keeps the gate authority’s lanes and rules with a version, a reason and an audit record', async () => {
    const current = (await kit.req('GET', '/api/v1/gates/tra-linh/yard-rules', 'bai.tralinh')).json();
    expect(current).toMatchObject({ version: 1, source: 'reference', dataset: expect.stringContaining('yard-lanes') });
    const spices = { code: 'spices', priority: 3, nameVi: 'Gia vị khô', nameEn: 'Dry spices', nameZh: '干香料', match: { hsPrefixes: ['0909'] } };
    const body = { version: 1, reason: 'Mùa hồi: ưu tiên xe hồi khô sau hàng tươi', lanes: [...current.lanes, spices], rules: { ...current.rules, camera: { autoThreshold: 0.8 } } };
    expect((await kit.req('PUT', '/api/v1/gates/tra-linh/yard-rules', 'bai.tralinh', body)).json().code).toBe('auth.forbidden');
    const saved = await kit.req('PUT', '/api/v1/gates/tra-linh/yard-rules', 'bql.tralinh', body);
    expect(saved.json()).toMatchObject({ version: 2, source: 'gate_authority', updatedBy: 'bql.tralinh', rules: { camera: { autoThreshold: 0.8 } } });
    expect(saved.json().lanes.map((l: { code: string }) => l.code)).toEqual(['live_animals', 'perishable', 'spices', 'standard']);
    const stale = await kit.req('PUT', '/api/v1/gates/tra-linh/yard-rules', 'bql.tralinh', body);
    expect([stale.statusCode, stale.json().code, stale.json().currentVersion]).toEqual([409, 'yards.version_conflict', 2]);
    const broken = await kit.req('PUT', '/api/v1/gates/tra-linh/yard-rules', 'bql.tralinh', { ...body, version: 2, lanes: [spices, spices] });
    expect([broken.statusCode, broken.json().code]).toEqual([422, 'yards.invalid_rules']);
    expect(broken.json().errors.map((e: { path: string }) => e.path)).toEqual(['body/lanes/1/code', 'body/lanes']);
    const audit = await kit.t.db.selectFrom('audit_log').select(['action', 'reason', 'actor_label']).where('action', '=', 'yard.rules_updated').execute();
    expect(audit).toEqual([{ action: 'yard.rules_updated', reason: body.reason, actor_label: 'bql.tralinh' }]);
    // A truck of dry anise now goes to the new lane.
    const anise = await makeTrip(kit, { hsCode: '0909.61' });
    expect((await checkIn(kit, anise)).trip.lane).toMatchObject({ code: 'spices', nameZh: '干香料' });
  });

  it('adds and changes yards, with cameras that belong to one yard only', async () => {
    const created = await kit.req('POST', '/api/v1/gates/tra-linh/yards', 'bql.tralinh', {
      id: 'tra-linh-c', nameVi: 'Bãi C – dự phòng', nameEn: 'Yard C – overflow', nameZh: null, capacity: 60, directions: ['export'],
      cameras: [{ id: 'tl-c-entry', position: 'entry' }], reason: 'Mở bãi dự phòng mùa sầu riêng',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ id: 'tra-linh-c', capacity: 60, occupancy: 0, version: 1, cameras: [{ id: 'tl-c-entry', position: 'entry' }] });
    const again = await kit.req('POST', '/api/v1/gates/tra-linh/yards', 'bql.tralinh', { id: 'tra-linh-c', nameVi: 'x', nameEn: 'x', nameZh: null, capacity: 1, directions: ['export'], reason: 'Lặp lại' });
    expect(again.json().code).toBe('yards.duplicate_yard');
    const taken = await kit.req('PATCH', '/api/v1/yards/tra-linh-c', 'bql.tralinh', { version: 1, reason: 'Dùng camera bãi A', cameras: [{ id: 'tl-a-entry', position: 'entry' }] });
    expect([taken.statusCode, taken.json().code]).toEqual([409, 'yards.camera_in_use']);
    const closed = await kit.req('PATCH', '/api/v1/yards/tra-linh-c', 'bql.tralinh', { version: 1, reason: 'Hết mùa cao điểm', active: false });
    expect(closed.json()).toMatchObject({ active: false, version: 2 });
    const stale = await kit.req('PATCH', '/api/v1/yards/tra-linh-c', 'bql.tralinh', { version: 1, reason: 'Bản cũ', capacity: 10 });
    expect(stale.json().code).toBe('yards.version_conflict');
    const trip = await makeTrip(kit);
    const refused = await kit.req('POST', '/api/v1/yards/tra-linh-c/check-ins/manual', 'bai.tralinh', { tripReference: trip.reference, reason: 'Bãi đã đóng' });
    expect([refused.statusCode, refused.json().code]).toEqual([422, 'yards.yard_inactive']);
    expect((await kit.req('PATCH', '/api/v1/yards/tra-linh-c', 'bai.tralinh', { version: 2, reason: 'Không có quyền', capacity: 5 })).json().code).toBe('auth.forbidden');
  });

  it('gives the offline page the expected trucks, their passes, revoked passes and the keys', async () => {
    const expectedTrip = await makeTrip(kit, { perishable: true });
    const cancelled = await makeTrip(kit);
    await kit.t.db.updateTable('trips').set({ status: 'cancelled' }).where('id', '=', cancelled.id).execute();
    await kit.t.db.updateTable('gate_passes').set({ status: 'revoked', ended_at: kit.clock.now }).where('trip_id', '=', cancelled.id).execute();
    const snap = await kit.req('GET', '/api/v1/yards/tra-linh-a/snapshot', 'bai.tralinh');
    expect(snap.statusCode).toBe(200);
    const body = snap.json();
    expect(body.expected.find((t: { tripId: string }) => t.tripId === expectedTrip.id)).toMatchObject({ plate: expectedTrip.plate, passSerial: 1, passStatus: 'valid', lane: 'perishable', tripStatus: 'paid' });
    expect(body.expected.some((t: { tripId: string }) => t.tripId === cancelled.id)).toBe(false);
    expect(body.revokedPasses).toContainEqual({ tripId: cancelled.id, serial: 1, status: 'revoked' });
    const keys = (await kit.req('GET', '/api/v1/passes/keys')).json().keys;
    expect(body.passKeys).toEqual(keys);
    expect(body.rules.gateId).toBe('tra-linh');
    expect((await kit.req('GET', '/api/v1/yards/tra-linh-a/snapshot', 'dn.nongsan')).statusCode).toBe(403);
  });
});
