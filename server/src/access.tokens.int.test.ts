import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databaseFingerprint, dbKinds, login, type TestApp } from '../test/harness';

// API tokens act as their owner narrowed to their scopes; a provincial leader reads and never
// writes. Companion to access.int.test.ts (the role × route matrix).

const PASSWORD = 'Throwaway-pass-2026';

describe.each(dbKinds())('API tokens and read-only leaders on %s', (kind) => {
  let t: TestApp;
  const cookie: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(kind);
    for (const u of ['admin', 'bql.tralinh', 'nv.nongsan', 'lanhdao.caobang']) cookie[u] = await login(t.app, u);
  });
  afterAll(async () => t?.close());

  const gateVersion = async (id: string) =>
    (await t.db.selectFrom('gates').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
  const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
  const patchGate = async (id: string, headers: Record<string, string>) =>
    t.app.inject({ method: 'PATCH', url: `/api/v1/gates/${id}`, headers, payload: { version: await gateVersion(id), reason: 'token access check' } });
  async function createToken(user: string, scopes: string[], extra: object = {}) {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: { cookie: cookie[user] }, payload: { name: `${user} integration`, scopes, ...extra } });
    expect(res.statusCode).toBe(201);
    return res.json() as { token: { id: string; scopes: string[]; revokedAt: string | null }; secret: string };
  }

  it('lets an audit:read token of the administrator read the audit log and nothing else', async () => {
    const { token, secret } = await createToken('admin', ['audit:read']);
    expect(secret).toMatch(/^cks_/);
    expect(token.scopes).toEqual(['audit:read']);
    const stored = await t.db.selectFrom('api_tokens').select('token_hash').where('id', '=', token.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(secret);

    const audit = await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: bearer(secret) });
    expect(audit.statusCode).toBe(200);
    expect(audit.json().items.map((i: { action: string }) => i.action)).toContain('token.created');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(secret) });
    expect(me.json()).toMatchObject({ username: 'admin', role: 'admin', via: 'token', permissions: ['audit:read'] });

    const before = await databaseFingerprint(t.db, ['sessions', 'auth_throttle', 'api_tokens']);
    const patch = await patchGate('tra-linh', bearer(secret));
    expect([patch.statusCode, patch.json().code]).toEqual([403, 'auth.forbidden']);
    const accounts = await t.app.inject({ method: 'GET', url: '/api/v1/accounts', headers: bearer(secret) });
    expect([accounts.statusCode, accounts.json().code]).toEqual([403, 'auth.forbidden']);
    // A token cannot mint tokens, not even the administrator's.
    const mint = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: bearer(secret), payload: { name: 'child token', scopes: ['audit:read'] } });
    expect([mint.statusCode, mint.json().code]).toEqual([403, 'auth.forbidden']);
    expect(await databaseFingerprint(t.db, ['sessions', 'auth_throttle', 'api_tokens'])).toEqual(before);
  });

  it('refuses scopes beyond the owner, and token management as a scope', async () => {
    const ask = (user: string, scopes: string[]) =>
      t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: { cookie: cookie[user] }, payload: { name: 'too wide', scopes } });
    const before = await databaseFingerprint(t.db, ['sessions', 'auth_throttle']);
    const cases: Array<[string, string[], string[]]> = [
      ['bql.tralinh', ['accounts:read'], ['accounts:read']],
      ['bql.tralinh', ['audit:read', 'gates:write', 'enterprises:read'], ['enterprises:read']],
      ['nv.nongsan', ['accounts:write'], ['accounts:write']], // not an org admin
      ['admin', ['tokens:write'], ['tokens:write']],
      ['admin', ['audit:read', 'tokens:write'], ['tokens:write']],
    ];
    for (const [user, scopes, refused] of cases) {
      const res = await ask(user, scopes);
      expect([user, res.statusCode, res.json().code]).toEqual([user, 403, 'tokens.scope_not_allowed']);
      expect(res.json().errors.map((e: { message: string }) => e.message)).toEqual(refused);
    }
    expect(await databaseFingerprint(t.db, ['sessions', 'auth_throttle'])).toEqual(before);
  });

  it('keeps a gates:write token to its owner’s gates and names the token in the audit log', async () => {
    const { token, secret } = await createToken('bql.tralinh', ['gates:write']);
    const own = await patchGate('tra-linh', bearer(secret));
    expect(own.statusCode).toBe(200);
    const other = await patchGate('thanh-thuy', bearer(secret));
    expect([other.statusCode, other.json().code]).toEqual([403, 'auth.out_of_scope']);
    const row = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'gate.updated').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ entity_id: 'tra-linh', actor_role: 'gate_authority', actor_token_id: token.id });
    expect(row.actor_label).toContain('bql.tralinh');
    expect(row.actor_label).toContain(token.id);
  });

  it('answers 401 auth.token_invalid for a revoked token', async () => {
    const { token, secret } = await createToken('bql.tralinh', ['audit:read']);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: bearer(secret) })).statusCode).toBe(200);
    const revoke = await t.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${token.id}`, headers: { cookie: cookie['bql.tralinh'] } });
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json().revokedAt).not.toBeNull();
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: bearer(secret) });
    expect([after.statusCode, after.json().code]).toEqual([401, 'auth.token_invalid']);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: { cookie: cookie['bql.tralinh'] } });
    expect(list.json().items.find((i: { id: string }) => i.id === token.id).revokedAt).not.toBeNull();
  });

  it('stops the tokens of a disabled account', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: { cookie: cookie.admin },
      payload: { username: 'soon.disabled', displayName: 'Soon disabled', password: PASSWORD, role: 'gate_authority', agencyCode: 'cb-bqlkkt', gateIds: ['tra-linh'] },
    });
    expect(created.statusCode).toBe(201);
    cookie['soon.disabled'] = await login(t.app, 'soon.disabled', PASSWORD);
    const { secret } = await createToken('soon.disabled', ['audit:read']);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: bearer(secret) })).statusCode).toBe(200);
    const disable = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/accounts/${created.json().id}`,
      headers: { cookie: cookie.admin },
      payload: { version: created.json().version, active: false, reason: 'left the agency' },
    });
    expect(disable.statusCode).toBe(200);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: bearer(secret) });
    expect([after.statusCode, after.json().code]).toEqual([401, 'auth.token_invalid']);
  });

  it.each(['Basic YWRtaW46eA==', 'Bearer', 'Bearer a b', 'Token cks_abc', 'Bearer not-a-cks-token', 'Bearer cks_no-such-token-0000000000'])(
    'answers 401 for the Authorization header %j even with a valid session cookie beside it',
    async (authorization) => {
      const before = await databaseFingerprint(t.db, ['sessions', 'auth_throttle', 'api_tokens']);
      const res = await patchGate('tra-linh', { authorization, cookie: cookie.admin });
      expect([res.statusCode, res.json().code]).toEqual([401, 'auth.token_invalid']);
      expect(await databaseFingerprint(t.db, ['sessions', 'auth_throttle', 'api_tokens'])).toEqual(before);
    },
  );

  it('lets a provincial leader read accounts, enterprises and audit, and refuses every write', async () => {
    const leader = { cookie: cookie['lanhdao.caobang'] };
    const accounts = await t.app.inject({ method: 'GET', url: '/api/v1/accounts', headers: leader });
    expect(accounts.statusCode).toBe(200);
    expect(accounts.json().items.map((a: { username: string }) => a.username)).toEqual(expect.arrayContaining(['admin', 'dn.nongsan', 'dn.thanhthuy', 'dulich.bangioc']));
    const enterprises = await t.app.inject({ method: 'GET', url: '/api/v1/enterprises', headers: leader });
    expect(enterprises.json().items.map((e: { taxCode: string }) => e.taxCode)).toEqual(expect.arrayContaining(['4800123456', '5100234567', '4800345678']));
    const audit = await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: leader });
    expect(audit.statusCode).toBe(200);
    expect(audit.json().items.length).toBeGreaterThan(0);

    const nv = await t.db.selectFrom('users').select(['id', 'version']).where('username', '=', 'nv.nongsan').executeTakeFirstOrThrow();
    const anyToken = await t.db.selectFrom('api_tokens').select('id').limit(1).executeTakeFirstOrThrow();
    const gate = (await t.app.inject({ method: 'GET', url: '/api/v1/gates/tra-linh' })).json();
    const writes = [
      { method: 'PATCH', url: '/api/v1/gates/tra-linh', payload: { version: gate.version, reason: 'leader edit' } },
      { method: 'PUT', url: '/api/v1/gates/tra-linh/calendar', payload: { version: gate.version, reason: 'leader edit', weeklyHours: gate.weeklyHours, specialDays: gate.specialDays } },
      { method: 'POST', url: '/api/v1/accounts', payload: { username: 'leader.made', displayName: 'x', password: PASSWORD, role: 'agency_staff', agencyCode: 'cb-ubnd' } },
      { method: 'PATCH', url: `/api/v1/accounts/${nv.id}`, payload: { version: nv.version, active: false, reason: 'leader edit' } },
      { method: 'POST', url: '/api/v1/enterprises', payload: { taxCode: '4800999999', name: 'Leader Co' } },
      { method: 'POST', url: '/api/v1/tokens', payload: { name: 'leader token', scopes: ['audit:read'] } },
      { method: 'DELETE', url: `/api/v1/tokens/${anyToken.id}` },
    ] as const;
    const before = await databaseFingerprint(t.db, ['sessions', 'auth_throttle', 'api_tokens']);
    for (const w of writes) {
      const res = await t.app.inject({ ...w, headers: leader });
      expect([w.method, w.url, res.statusCode, res.json().code]).toEqual([w.method, w.url, 403, 'auth.forbidden']);
    }
    expect(await databaseFingerprint(t.db, ['sessions', 'auth_throttle', 'api_tokens'])).toEqual(before);
  });

  // Last: it moves the clock past the session lifetimes.
  it('answers 401 auth.token_invalid once a token has expired', async () => {
    const { secret } = await createToken('admin', ['audit:read'], { expiresInDays: 1 });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: bearer(secret) })).statusCode).toBe(200);
    t.clock.advance(86_400_000 + 60_000);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: bearer(secret) });
    expect([res.statusCode, res.json().code]).toEqual([401, 'auth.token_invalid']);
  });

  it('refuses a password change made with an API token, and revokes tokens on an admin reset', async () => {
    cookie.admin = await login(t.app, 'admin'); // earlier tests move the clock past the session lifetime
    const { secret } = await createToken('admin', ['audit:read']);
    const change = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: bearer(secret),
      payload: { currentPassword: 'whatever-1', newPassword: 'Token-takeover-2027' },
    });
    expect([change.statusCode, change.json().code]).toEqual([403, 'auth.forbidden']);

    const owner = await t.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: { cookie: cookie.admin },
      payload: { username: 'reset.tokens', displayName: 'Reset tokens', password: PASSWORD, role: 'gate_authority', agencyCode: 'cb-bqlkkt', gateIds: ['tra-linh'] },
    });
    const ownerCookie = await login(t.app, 'reset.tokens', PASSWORD);
    const issued = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: { cookie: ownerCookie }, payload: { name: 'before reset', scopes: ['audit:read'] } });
    const tokenSecret = issued.json().secret as string;
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: bearer(tokenSecret) })).statusCode).toBe(200);
    const reset = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/accounts/${owner.json().id}`,
      headers: { cookie: cookie.admin },
      payload: { version: owner.json().version, newPassword: 'After-reset-2027', reason: 'suspected compromise' },
    });
    expect(reset.statusCode).toBe(200);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: bearer(tokenSecret) });
    expect([after.statusCode, after.json().code]).toEqual([401, 'auth.token_invalid']);
  });

  it('throttles guesses of the current password', async () => {
    const guesser = await login(t.app, 'nv.nongsan');
    const guess = () =>
      t.app.inject({ method: 'POST', url: '/api/v1/me/password', headers: { cookie: guesser }, payload: { currentPassword: 'guess-guess-1', newPassword: 'Whatever-2027x' } });
    const codes: string[] = [];
    for (let i = 0; i < t.config.loginMaxFailures + 1; i++) codes.push((await guess()).json().code);
    expect(codes.at(-1)).toBe('auth.too_many_attempts');
    expect(codes.slice(0, t.config.loginMaxFailures)).toEqual(Array(t.config.loginMaxFailures).fill('auth.wrong_current_password'));
  });
});
