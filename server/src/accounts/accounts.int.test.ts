import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databaseFingerprint, dbKinds, DEMO_PASSWORD, login, type TestApp } from '../../test/harness';

const PASSWORD = 'Throwaway-pass-2026';
const EXCEPT = ['sessions', 'auth_throttle', 'api_tokens'];

describe.each(dbKinds())('accounts and enterprises on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  let orgAdmin: string; // dn.nongsan
  let NONGSAN: string;
  let THANHTHUY: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await login(t.app, 'admin');
    orgAdmin = await login(t.app, 'dn.nongsan');
    const enterprises = await t.db.selectFrom('enterprises').select(['id', 'tax_code']).execute();
    NONGSAN = enterprises.find((e) => e.tax_code === '4800123456')!.id;
    THANHTHUY = enterprises.find((e) => e.tax_code === '5100234567')!.id;
  });
  afterAll(async () => t?.close());

  const user = (username: string) => t.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
  const countUsers = async (username: string) => (await t.db.selectFrom('users').select('id').where('username', '=', username).execute()).length;
  const fingerprint = () => databaseFingerprint(t.db, EXCEPT);
  const create = (cookie: string, payload: object, key?: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/accounts', headers: { cookie, ...(key ? { 'idempotency-key': key } : {}) }, payload });
  const patch = (cookie: string, id: string, payload: object) => t.app.inject({ method: 'PATCH', url: `/api/v1/accounts/${id}`, headers: { cookie }, payload });
  const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
  const driver = (username: string, extra: object = {}) => ({ username, displayName: `Lái xe ${username}`, password: PASSWORD, role: 'driver', enterpriseId: NONGSAN, ...extra });

  it('creates an account and records the administrator as the actor', async () => {
    const res = await create(admin, {
      username: 'new.customs', displayName: 'Hải quan mới', password: PASSWORD, email: 'new.customs@example.vn',
      role: 'customs', agencyCode: 'cb-haiquan', gateIds: ['tra-linh'],
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ username: 'new.customs', role: 'customs', agencyCode: 'cb-haiquan', gateIds: ['tra-linh'], enterpriseId: null, active: true, version: 1 });
    expect(JSON.stringify(body)).not.toContain(PASSWORD);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', body.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['account.created']);
    expect(audit[0]).toMatchObject({ actor_user_id: (await user('admin')).id, actor_role: 'admin', actor_label: 'admin', entity_type: 'user' });
    expect(JSON.stringify(audit[0].after)).not.toContain(PASSWORD);
    expect((await me(await login(t.app, 'new.customs', PASSWORD))).json()).toMatchObject({ role: 'customs', gateIds: ['tra-linh'] });
  });

  it('replays a retried Idempotency-Key and refuses the key with a different body', async () => {
    const first = await create(admin, driver('idem.driver'), 'key-idem-1');
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await create(admin, driver('idem.driver'), 'key-idem-1');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await countUsers('idem.driver')).toBe(1);

    const before = await fingerprint();
    const reused = await create(admin, driver('idem.driver', { displayName: 'Someone else' }), 'key-idem-1');
    expect([reused.statusCode, reused.json().code]).toEqual([422, 'idempotency.key_reused']);
    expect(await fingerprint()).toEqual(before);
  });

  it('does not replay a retried create whose password differs', async () => {
    expect((await create(admin, driver('idem.password'), 'key-idem-pw')).statusCode).toBe(201);
    const other = await create(admin, { ...driver('idem.password'), password: 'Another-pass-2027' }, 'key-idem-pw');
    expect([other.statusCode, other.json().code]).toEqual([422, 'idempotency.key_reused']);
    expect(await countUsers('idem.password')).toBe(1);
  });

  it('creates exactly one account from five concurrent requests with the same key', async () => {
    const all = await Promise.all(Array.from({ length: 5 }, () => create(admin, driver('race.driver'), 'key-race-1')));
    expect(all.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(all.map((r) => r.json().id)).size).toBe(1);
    expect(all.filter((r) => r.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    expect(await countUsers('race.driver')).toBe(1);
    const audit = await t.db.selectFrom('audit_log').select('id').where('action', '=', 'account.created').where('entity_id', '=', all[0].json().id).execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses a username that is taken with 409 and writes nothing', async () => {
    const before = await fingerprint();
    const res = await create(admin, driver('nv.nongsan'));
    expect([res.statusCode, res.json().code]).toEqual([409, 'accounts.username_taken']);
    expect(await fingerprint()).toEqual(before);
  });

  const invalid: Array<[string, object, string[]]> = [
    ['customs without an agency', { role: 'customs', gateIds: ['tra-linh'] }, ['/agencyCode']],
    ['an enterprise role without an enterprise', { role: 'enterprise' }, ['/enterpriseId']],
    ['gates for a driver', { role: 'driver', enterpriseId: '<nongsan>', gateIds: ['tra-linh'] }, ['/gateIds']],
    ['an unknown gate', { role: 'customs', agencyCode: 'cb-haiquan', gateIds: ['tra-linh', 'no-such-gate'] }, ['/gateIds']],
    ['an unknown agency', { role: 'customs', agencyCode: 'xx-nowhere', gateIds: ['tra-linh'] }, ['/agencyCode']],
    ['an unknown enterprise', { role: 'driver', enterpriseId: '00000000-0000-4000-8000-000000000000' }, ['/enterpriseId']],
    ['an officer inside an enterprise', { role: 'customs', agencyCode: 'cb-haiquan', enterpriseId: '<nongsan>' }, ['/enterpriseId']],
    ['org admin for agency staff', { role: 'agency_staff', agencyCode: 'cb-soct', isOrgAdmin: true }, ['/isOrgAdmin']],
    ['several problems at once', { role: 'driver', agencyCode: 'cb-soct', gateIds: ['tra-linh'] }, ['/agencyCode', '/enterpriseId', '/gateIds']],
  ];
  it.each(invalid)('refuses %s with 422 accounts.invalid_assignment listing each problem', async (_name, assignment, paths) => {
    const payload = { username: 'bad.assignment', displayName: 'x', password: PASSWORD, ...assignment };
    if ((payload as { enterpriseId?: string }).enterpriseId === '<nongsan>') Object.assign(payload, { enterpriseId: NONGSAN });
    const before = await fingerprint();
    const res = await create(admin, payload);
    expect([res.statusCode, res.json().code]).toEqual([422, 'accounts.invalid_assignment']);
    expect(res.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(paths);
    if (_name === 'an unknown gate') expect(res.json().errors[0].message).toContain('no-such-gate');
    expect(await fingerprint()).toEqual(before);
  });

  it.each(['Short1abc', 'onlyletters-no-digits', '1234567890123', 'my-weak.user-2026'])('refuses the weak password %j', async (password) => {
    const res = await create(admin, driver('weak.user', { password }));
    expect([res.statusCode, res.json().code]).toEqual([422, 'auth.password_too_weak']);
    expect(await countUsers('weak.user')).toBe(0);
  });

  it('lets an enterprise administrator create users only in its own enterprise, and only enterprise-side roles', async () => {
    const res = await create(orgAdmin, driver('own.driver', { enterpriseId: THANHTHUY }));
    expect(res.statusCode).toBe(201);
    expect(res.json().enterpriseId).toBe(NONGSAN);
    expect((await user('own.driver')).enterprise_id).toBe(NONGSAN);

    const before = await fingerprint();
    const customs = await create(orgAdmin, { username: 'fake.customs', displayName: 'x', password: PASSWORD, role: 'customs', agencyCode: 'cb-haiquan', gateIds: ['tra-linh'] });
    expect([customs.statusCode, customs.json().code]).toEqual([403, 'auth.forbidden']);
    const boss = await create(orgAdmin, { username: 'fake.admin', displayName: 'x', password: PASSWORD, role: 'admin' });
    expect([boss.statusCode, boss.json().code]).toEqual([403, 'auth.forbidden']);
    const nv = await user('nv.nongsan');
    const promote = await patch(orgAdmin, nv.id, { version: nv.version, role: 'customs', agencyCode: 'cb-haiquan', reason: 'promotion' });
    expect([promote.statusCode, promote.json().code]).toEqual([403, 'auth.forbidden']);
    expect(await fingerprint()).toEqual(before);
  });

  it('refuses account management to an enterprise user who is not its administrator', async () => {
    const nv = await login(t.app, 'nv.nongsan');
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/accounts', headers: { cookie: nv } });
    expect([list.statusCode, list.json().code]).toEqual([403, 'auth.forbidden']);
    const before = await fingerprint();
    const made = await create(nv, driver('nv.made'));
    expect([made.statusCode, made.json().code]).toEqual([403, 'auth.forbidden']);
    expect(await fingerprint()).toEqual(before);
  });

  it('shows an enterprise administrator only its own users, whatever filter it sends', async () => {
    for (const query of ['', `?enterpriseId=${THANHTHUY}`, '?q=thanhthuy']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/accounts${query}`, headers: { cookie: orgAdmin } });
      expect(res.statusCode).toBe(200);
      const items: Array<{ username: string; enterpriseId: string }> = res.json().items;
      expect(items.every((a) => a.enterpriseId === NONGSAN)).toBe(true);
      expect(items.map((a) => a.username)).not.toContain('dn.thanhthuy');
      if (query === '') expect(items.map((a) => a.username)).toEqual(expect.arrayContaining(['dn.nongsan', 'nv.nongsan', 'taixe.nongsan']));
    }
  });

  it('answers a stale version with 409 accounts.version_conflict and the current version', async () => {
    const row = await user('taixe.nongsan');
    const ok = await patch(admin, row.id, { version: row.version, phone: '+84 912 345 678', reason: 'new phone' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(row.version + 1);
    const before = await fingerprint();
    const stale = await patch(admin, row.id, { version: row.version, phone: '+84 912 000 000', reason: 'stale edit' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'accounts.version_conflict', currentVersion: row.version + 1 });
    expect(await fingerprint()).toEqual(before);
  });

  it('does not let an administrator disable or demote itself', async () => {
    const self = await user('admin');
    const before = await fingerprint();
    for (const change of [{ active: false }, { role: 'provincial_leader', agencyCode: 'cb-ubnd' }]) {
      const res = await patch(admin, self.id, { version: self.version, reason: 'oops', ...change });
      expect([res.statusCode, res.json().code]).toEqual([409, 'accounts.cannot_change_self']);
    }
    expect(await fingerprint()).toEqual(before);
    expect((await me(admin)).statusCode).toBe(200);
    const rename = await patch(admin, self.id, { version: self.version, displayName: 'Quản trị viên', reason: 'rename' });
    expect(rename.statusCode).toBe(200);
  });

  it('ends the sessions of a disabled user', async () => {
    const cookie = await login(t.app, 'kdyt.tralinh');
    expect((await me(cookie)).statusCode).toBe(200);
    const row = await user('kdyt.tralinh');
    const res = await patch(admin, row.id, { version: row.version, active: false, reason: 'retired' });
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    expect([(await me(cookie)).statusCode, (await me(cookie)).json().code]).toEqual([401, 'auth.unauthenticated']);
    const sessions = await t.db.selectFrom('sessions').select('revoked_at').where('user_id', '=', row.id).execute();
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.every((s) => s.revoked_at !== null)).toBe(true);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'kdyt.tralinh', password: DEMO_PASSWORD } });
    expect(again.statusCode).toBe(401);
  });

  it('resets a password: old sessions and the old password stop working, the new one works', async () => {
    const cookie = await login(t.app, 'bienphong.tralinh');
    const row = await user('bienphong.tralinh');
    const weak = await patch(admin, row.id, { version: row.version, newPassword: 'short', reason: 'forgot' });
    expect([weak.statusCode, weak.json().code]).toEqual([422, 'auth.password_too_weak']);
    const res = await patch(admin, row.id, { version: row.version, newPassword: 'Fresh-start-2027', reason: 'forgot the password' });
    expect(res.statusCode).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);
    const old = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'bienphong.tralinh', password: DEMO_PASSWORD } });
    expect(old.statusCode).toBe(401);
    const newCookie = await login(t.app, 'bienphong.tralinh', 'Fresh-start-2027');
    expect((await me(newCookie)).statusCode).toBe(200);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', row.id).where('action', 'like', 'account.%').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.action).toBe('account.updated_with_password_reset');
    expect(JSON.stringify([audit.before, audit.after])).not.toContain('Fresh-start-2027');
  });

  it('does not silently drop the gates of a gate authority whose role changes', async () => {
    const cookie = await login(t.app, 'bql.thanhthuy');
    const row = await user('bql.thanhthuy');
    const before = await fingerprint();
    const kept = await patch(admin, row.id, { version: row.version, role: 'agency_staff', reason: 'moved to a department' });
    expect([kept.statusCode, kept.json().code]).toEqual([422, 'accounts.invalid_assignment']);
    expect(kept.json().errors.map((e: { path: string }) => e.path)).toEqual(['/gateIds']);
    expect(await fingerprint()).toEqual(before);
    expect((await me(cookie)).json().gateIds).toEqual(['thanh-thuy']);

    const cleared = await patch(admin, row.id, { version: row.version, role: 'agency_staff', gateIds: [], reason: 'moved to a department' });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json()).toMatchObject({ role: 'agency_staff', gateIds: [] });
    expect(await t.db.selectFrom('user_gates').select('gate_id').where('user_id', '=', row.id).execute()).toEqual([]);
    expect((await me(cookie)).statusCode).toBe(401); // a new role ends the old sessions
  });

  describe('enterprises', () => {
    const register = (payload: object, key?: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/enterprises', headers: { cookie: admin, ...(key ? { 'idempotency-key': key } : {}) }, payload });

    it('registers an enterprise by tax code and refuses the same tax code twice', async () => {
      const res = await register({ taxCode: '4800555555', name: 'Công ty TNHH Thử Nghiệm', email: 'info@thunghiem.example' }, 'ent-key-1');
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ taxCode: '4800555555', name: 'Công ty TNHH Thử Nghiệm', active: true });
      const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', res.json().id).execute();
      expect(audit.map((a) => [a.action, a.actor_label])).toEqual([['enterprise.created', 'admin']]);
      const replay = await register({ taxCode: '4800555555', name: 'Công ty TNHH Thử Nghiệm', email: 'info@thunghiem.example' }, 'ent-key-1');
      expect([replay.statusCode, replay.headers['idempotent-replayed'], replay.json().id]).toEqual([201, 'true', res.json().id]);

      const before = await fingerprint();
      const dup = await register({ taxCode: '4800555555', name: 'Another name' });
      expect([dup.statusCode, dup.json().code]).toEqual([409, 'enterprises.tax_code_taken']);
      expect(await fingerprint()).toEqual(before);
      expect((await register({ taxCode: '4800555555-001', name: 'Chi nhánh Thử Nghiệm' })).statusCode).toBe(201);
    });

    it.each(['48005', '480055555A', '4800555555-1', ' 4800555556', '48005555561'])('refuses the malformed tax code %j with 400', async (taxCode) => {
      const before = await fingerprint();
      const res = await register({ taxCode, name: 'Malformed Co' });
      expect([res.statusCode, res.json().code]).toEqual([400, 'request.invalid']);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['body/taxCode']);
      expect(await fingerprint()).toEqual(before);
    });
  });
});
