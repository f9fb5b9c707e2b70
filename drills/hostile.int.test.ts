import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databaseFingerprint, dbKinds, login, type TestApp } from '../server/test/harness';
import { buildCorpus, sampleCorpus, type HostileCase, type Identity } from './hostile/corpus';
import { discoverFixtures, type Fixtures } from './hostile/fixtures';
import { runCorpus, type Send } from './hostile/run-corpus';

// The fast version of the hostile-input drill (npm run drill hostile runs the whole corpus
// against a server process): a deterministic sample of the corpus built from the OpenAPI document
// covers every route group and every kind of hostile input, and all cross-tenant and
// out-of-scope cases. Every answer is a 4xx problem (never 5xx, never 2xx across tenants), and the
// database is unchanged afterwards.

// Rows that a refused request may still touch by design: session and token "last seen" stamps,
// and the sign-in throttle (a failed sign-in is counted on purpose).
const VOLATILE = ['sessions', 'api_tokens', 'auth_throttle'];
const BODY_LIMIT = 16_384;

describe.each(dbKinds())('hostile input on %s', (kind) => {
  let t: TestApp;
  let fx: Fixtures;
  let cases: HostileCase[];
  let auth: Record<Identity, Record<string, string>>;
  const send: Send = async (c, headers) => {
    const res = await t.app.inject({ method: c.method as 'GET', url: c.url, payload: c.body, headers });
    return { status: res.statusCode, contentType: String(res.headers['content-type'] ?? ''), body: res.body };
  };

  beforeAll(async () => {
    t = await createTestApp(kind, { bodyLimitBytes: BODY_LIMIT });
    fx = await discoverFixtures(async (text) => (await sql.raw<Record<string, unknown>>(text).execute(t.db)).rows);
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    cases = sampleCorpus(buildCorpus(doc, fx, { bodyLimit: BODY_LIMIT }), 25);
    auth = {
      admin: { cookie: await login(t.app, 'admin') },
      a: { cookie: await login(t.app, 'dn.nongsan') },
      b: { cookie: await login(t.app, 'dn.thanhthuy') },
      officerX: { cookie: await login(t.app, 'bql.tralinh') },
      customsX: { cookie: await login(t.app, 'haiquan.tralinh') },
      anonymous: {},
    };
  });
  afterAll(async () => t?.close());

  it('covers every route group and every kind of hostile input', () => {
    const groups = new Set(cases.map((c) => c.group));
    for (const g of ['trips', 'payments', 'fleet', 'gates', 'accounts', 'plans']) expect(groups).toContain(g);
    const kinds = new Set(cases.map((c) => c.kind));
    for (const k of ['malformed', 'wrong_type', 'oversized', 'media_type', 'injection', 'traversal', 'number', 'unicode', 'cross_tenant', 'out_of_scope']) expect(kinds).toContain(k);
  });

  it('refuses every hostile request with a 4xx problem and changes nothing', async () => {
    const strict = cases.filter((c) => !c.deep);
    const before = await databaseFingerprint(t.db, VOLATILE);
    const result = await runCorpus(strict, send, auth, 4);
    expect(result.violations, JSON.stringify(result.violations.slice(0, 10), null, 1)).toEqual([]);
    expect(await databaseFingerprint(t.db, VOLATILE)).toEqual(before);
  });

  it('refuses values that pass validation but PostgreSQL cannot hold with 400, not 500 (regression)', async () => {
    const draft = (await sql<{ id: string; version: number }>`select id, version from trips where enterprise_id = ${fx.a.enterpriseId} and status = 'draft' limit 1`.execute(t.db)).rows[0];
    const before = await databaseFingerprint(t.db, VOLATILE);
    const probes = [
      { method: 'PATCH' as const, url: `/api/v1/trips/${draft.id}`, payload: { version: draft.version, notes: 'a\u0000b' } },
      { method: 'GET' as const, url: '/api/v1/trips?offset=99999999999999999999' },
      { method: 'GET' as const, url: '/api/v1/trips?q=%00' },
    ];
    for (const p of probes) {
      const res = await t.app.inject({ ...p, headers: auth.a });
      expect(res.statusCode, `${p.method} ${p.url}`).toBe(400);
      expect(res.json()).toMatchObject({ code: 'request.invalid', errors: [{ code: expect.stringMatching(/^22/) }] });
    }
    expect(await databaseFingerprint(t.db, VOLATILE)).toEqual(before);
  });

  it('answers values the database cannot hold (NUL, numbers beyond bigint) without a server error', async () => {
    const deep = cases.filter((c) => c.deep);
    expect(deep.length).toBeGreaterThan(0);
    const result = await runCorpus(deep, send, auth, 4);
    expect(result.violations, JSON.stringify(result.violations.slice(0, 10), null, 1)).toEqual([]);
  });
});
