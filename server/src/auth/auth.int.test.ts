import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, dbKinds, login, type TestApp } from '../../test/harness';

describe.each(dbKinds())('sign-in and sessions on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { loginMaxFailures: 3, loginLockMinutes: 15, sessionIdleMinutes: 30, sessionAbsoluteHours: 8 });
  });
  afterAll(async () => t?.close());

  const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });

  it('signs in with an httpOnly session cookie and reports role, scope and permissions', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'BQL.TraLinh', password: DEMO_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'cks_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(res.json()).toMatchObject({ username: 'bql.tralinh', role: 'gate_authority', gateIds: ['ta-lung', 'tra-linh'], via: 'session' });
    expect(res.json().permissions).toContain('gates:write');
    const stored = await t.db.selectFrom('sessions').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(cookie.value);
  });

  it('stores passwords as Argon2id hashes', async () => {
    const row = await t.db.selectFrom('users').select('password_hash').where('username', '=', 'admin').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('gives the same answer for a wrong password and an unknown user', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'kdtv.tralinh', password: 'nope-nope-1' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'ghost.user', password: 'nope-nope-1' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe('auth.invalid_credentials');
    expect(unknown.json().code).toBe('auth.invalid_credentials');
  });

  it('throttles repeated failures per account, then lets the account in after the lock', async () => {
    const attempt = (password: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'kddv.tralinh', password }, remoteAddress: '10.1.1.1' });
    for (let i = 0; i < 3; i++) expect((await attempt('bad-password-1')).statusCode).toBe(401);
    const locked = await attempt(DEMO_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('auth.too_many_attempts');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advance(16 * 60_000);
    expect((await attempt(DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('expires idle sessions and sessions past their absolute lifetime', async () => {
    const cookie = await login(t.app, 'bienphong.tralinh');
    expect((await me(cookie)).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    const idle = await me(cookie);
    expect(idle.statusCode).toBe(401);
    expect(idle.json().code).toBe('auth.unauthenticated');

    const active = await login(t.app, 'bienphong.tralinh');
    for (let i = 0; i < 16; i++) {
      t.clock.advance(29 * 60_000);
      expect((await me(active)).statusCode).toBe(200);
    }
    t.clock.advance(29 * 60_000);
    expect((await me(active)).statusCode).toBe(401);
  });

  it('logs out only the current session', async () => {
    const first = await login(t.app, 'kdyt.tralinh');
    const second = await login(t.app, 'kdyt.tralinh');
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: first } });
    expect(out.statusCode).toBe(204);
    expect((await me(first)).statusCode).toBe(401);
    expect((await me(second)).statusCode).toBe(200);
  });

  it('changes the password, enforcing the policy and ending the other sessions', async () => {
    const keep = await login(t.app, 'bai.tralinh');
    const other = await login(t.app, 'bai.tralinh');
    const change = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/me/password', headers: { cookie: keep }, payload });
    expect((await change({ currentPassword: 'wrong-one-1', newPassword: 'Bai-moi-2027x' })).json().code).toBe('auth.wrong_current_password');
    expect((await change({ currentPassword: DEMO_PASSWORD, newPassword: 'short1' })).json().code).toBe('auth.password_too_weak');
    expect((await change({ currentPassword: DEMO_PASSWORD, newPassword: 'bai.tralinh-2027' })).json().code).toBe('auth.password_too_weak');
    expect((await change({ currentPassword: DEMO_PASSWORD, newPassword: 'Bai-moi-2027x' })).statusCode).toBe(204);
    expect((await me(keep)).statusCode).toBe(200);
    expect((await me(other)).statusCode).toBe(401);
    await expect(login(t.app, 'bai.tralinh')).rejects.toThrow();
    await login(t.app, 'bai.tralinh', 'Bai-moi-2027x');
    const audit = await t.db.selectFrom('audit_log').select('action').where('action', '=', 'auth.password_changed').execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses a cookie-authenticated write from a foreign origin', async () => {
    const cookie = await login(t.app, 'admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/enterprises',
      headers: { cookie, origin: 'https://evil.example', host: 'localhost:8080' },
      payload: { taxCode: '0101010101', name: 'Cross-site Co.' },
    });
    expect(res.statusCode).toBe(403);
    expect(await t.db.selectFrom('enterprises').select('id').where('tax_code', '=', '0101010101').executeTakeFirst()).toBeUndefined();
  });
});
