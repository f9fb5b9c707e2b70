import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databaseFingerprint, dbKinds, login, type TestApp } from '../../test/harness';

// Access to the operations routes, every role × every route, written out by hand from
// shared/roles.ts (operations:read, webhooks:write) and the scope rules (officers: their gates;
// leaders and department staff: their agency's province; enterprises: their own endpoints).
// Refused writes change nothing.

const CELLS = {
  ok: '200',
  new: '201',
  anon: '401 auth.unauthenticated',
  deny: '403 auth.forbidden',
  out: '403 auth.out_of_scope',
  pout: '403 operations.province_out_of_scope',
  need: '422 webhooks.enterprise_required',
} as const;

// Columns: board = every gate I watch; bTL / bTT = Trà Lĩnh / Thanh Thủy; pCB = the Cao Bằng
// province; hist = Trà Lĩnh's level history; hooks / +hook = list / register webhooks; feed = the
// public congestion feed.
const MATRIX_TABLE = `
  role              board bTL  bTT  pCB  hist hooks +hook feed
  anonymous         anon  anon anon anon anon anon  anon  ok
  admin             ok    ok   ok   ok   ok   ok    need  ok
  lanhdao.caobang   ok    ok   out  ok   ok   deny  deny  ok
  bql.tralinh       ok    ok   out  ok   ok   deny  deny  ok
  bql.thanhthuy     ok    out  ok   pout out  deny  deny  ok
  haiquan.tralinh   ok    ok   out  ok   ok   deny  deny  ok
  bai.tralinh       ok    ok   out  ok   ok   deny  deny  ok
  soct.caobang      ok    ok   out  ok   ok   deny  deny  ok
  dn.nongsan        deny  deny deny deny deny ok    new   ok
  nv.nongsan        deny  deny deny deny deny ok    new   ok
  taixe.nongsan     deny  deny deny deny deny deny  deny  ok
  dn.thanhthuy      deny  deny deny deny deny ok    new   ok
  dulich.bangioc    deny  deny deny deny deny deny  deny  ok
`;

const [HEADER, ...BODY] = MATRIX_TABLE.trim().split('\n').map((l) => l.trim().split(/\s+/));
const ROUTES = HEADER.slice(1);

const REQUESTS: Record<string, (user: string) => { method: 'GET' | 'POST'; url: string; payload?: unknown }> = {
  board: () => ({ method: 'GET', url: '/api/v1/operations/board' }),
  bTL: () => ({ method: 'GET', url: '/api/v1/operations/board?gateId=tra-linh' }),
  bTT: () => ({ method: 'GET', url: '/api/v1/operations/board?gateId=thanh-thuy' }),
  pCB: () => ({ method: 'GET', url: '/api/v1/operations/board?province=CB' }),
  hist: () => ({ method: 'GET', url: '/api/v1/operations/levels/history?gateId=tra-linh' }),
  hooks: () => ({ method: 'GET', url: '/api/v1/webhooks' }),
  '+hook': (user) => ({ method: 'POST', url: '/api/v1/webhooks', payload: { url: `https://hooks.example.com/${user}`, eventTypes: ['trip.crossed'] } }),
  feed: () => ({ method: 'GET', url: '/api/v1/public/congestion' }),
};

describe.each(dbKinds())('operations access matrix (%s)', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp(kind);
    for (const [user] of BODY) if (user !== 'anonymous') cookies[user] = await login(t.app, user);
  });
  afterAll(async () => t?.close());

  it.each(BODY.map(([user, ...cells]) => ({ user, cells })))('$user', async ({ user, cells }) => {
    const got: Record<string, string> = {};
    const want: Record<string, string> = {};
    for (const [i, route] of ROUTES.entries()) {
      const expected = CELLS[cells[i] as keyof typeof CELLS];
      const r = REQUESTS[route](user);
      const before = r.method === 'POST' && !expected.startsWith('20') ? await databaseFingerprint(t.db, ['sessions', 'auth_throttle']) : null;
      const res = await t.app.inject({ method: r.method, url: r.url, payload: r.payload as never, headers: cookies[user] ? { cookie: cookies[user] } : {} });
      got[route] = res.statusCode < 300 ? String(res.statusCode) : `${res.statusCode} ${res.json().code}`;
      want[route] = expected;
      if (before) expect(await databaseFingerprint(t.db, ['sessions', 'auth_throttle'])).toEqual(before);
    }
    expect(got).toEqual(want);
  });
});
