import { sql } from 'kysely';
import { openPostgres } from '../server/src/db/connect';
import { DEFAULT_DEMO_PASSWORD } from '../server/src/db/seed-demo';
import { databaseFingerprint } from '../server/test/harness';
import { Client, login } from '../bench/lib/http';
import { startPostgres } from '../bench/lib/postgres';
import { spawnServer } from '../bench/lib/server';
import { buildCorpus, type Identity } from './hostile/corpus';
import { discoverFixtures } from './hostile/fixtures';
import { runCorpus, type Send } from './hostile/run-corpus';
import { DrillLog, type DrillResult } from './lib/drill';

// Drill: the whole hostile corpus (malformed, oversized, injection, traversal, odd numbers and
// Unicode, cross-tenant and out-of-scope requests against every route in the OpenAPI document)
// over HTTP against a server process on a real PostgreSQL. Every answer must be a 4xx problem,
// never a 5xx and never a success across tenants, and the database must be unchanged.

// Touched without any request: session and token stamps, the sign-in throttle (failed sign-ins
// count on purpose), the call-forward job's run stamp (yard_queue_locks.last_run_at) and how far
// the operations jobs have read the event stream (operations_cursors), and the statistics rollup
// job's cursor and rows.
const VOLATILE = ['sessions', 'api_tokens', 'auth_throttle', 'yard_queue_locks', 'operations_cursors', 'statistics_rollup_state', 'statistics_daily'];
const BODY_LIMIT = 65_536;

export async function hostileDrill(): Promise<DrillResult> {
  const log = new DrillLog('hostile-input');
  const pg = await startPostgres({ fsync: false });
  let server: Awaited<ReturnType<typeof spawnServer>> | null = null;
  const handle = { close: async () => {} };
  try {
    const url = await pg.createDatabase('cks_drill_hostile');
    server = await spawnServer({ databaseUrl: url, env: { BODY_LIMIT_BYTES: String(BODY_LIMIT) } });
    const db = await openPostgres(url, 2);
    handle.close = db.close;
    const fx = await discoverFixtures(async (text) => (await sql.raw<Record<string, unknown>>(text).execute(db.db)).rows);
    const client = new Client(server.baseUrl, undefined, 16);
    const doc = (await client.get('/openapi.json')).body;
    const cases = buildCorpus(doc, fx, { bodyLimit: BODY_LIMIT });
    const password = process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
    const auth: Record<Identity, Record<string, string>> = {
      admin: { cookie: await login(client, 'admin', password) },
      a: { cookie: await login(client, 'dn.nongsan', password) },
      b: { cookie: await login(client, 'dn.thanhthuy', password) },
      officerX: { cookie: await login(client, 'bql.tralinh', password) },
      customsX: { cookie: await login(client, 'haiquan.tralinh', password) },
      anonymous: {},
    };
    const send: Send = async (c, headers) => {
      const res = await client.request(c.method, c.url, { raw: c.body, headers, timeoutMs: 30_000 });
      return { status: res.status, contentType: String(res.headers['content-type'] ?? ''), body: res.text };
    };
    const strict = cases.filter((c) => !c.deep);
    const before = await databaseFingerprint(db.db, VOLATILE);
    const started = performance.now();
    const result = await runCorpus(strict, send, auth, 8);
    log.figure('cases', `${strict.length} strict + ${cases.length - strict.length} deep, ${Object.keys(result.byGroup).length} route groups`);
    log.figure('answers by status', result.byStatus);
    log.figure('requests per second', Math.round(strict.length / ((performance.now() - started) / 1000)));
    const serverErrors = result.violations.filter((v) => v.status >= 500 || v.status === 0);
    log.check('no hostile request gets a 5xx', serverErrors.length === 0, sample(serverErrors));
    const crossTenant = result.violations.filter((v) => v.reason.includes('another tenant') || v.reason.includes('succeeded'));
    log.check('no cross-tenant or out-of-scope request succeeds or leaks', crossTenant.length === 0, sample(crossTenant));
    const notRefused = result.violations.filter((v) => v.reason.startsWith('expected a 4xx'));
    log.check('every hostile write is refused with a 4xx', notRefused.length === 0, sample(notRefused));
    const notProblem = result.violations.filter((v) => v.reason.includes('not problem+json'));
    log.check('every refusal is problem+json', notProblem.length === 0, sample(notProblem));
    const after = await databaseFingerprint(db.db, VOLATILE);
    const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
    log.check('the database is unchanged', changed.length === 0, changed.join(', '));

    const deep = await runCorpus(cases.filter((c) => c.deep), send, auth, 8);
    log.figure('deep cases accepted as data', `${deep.acceptedDeep} of ${deep.cases}`);
    log.check('values the database cannot hold get no 5xx', deep.violations.length === 0, sample(deep.violations));
    client.close();
  } catch (error) {
    log.check('drill ran to the end', false, String((error as Error).stack ?? error).slice(0, 800));
  } finally {
    await handle.close().catch(() => {});
    await server?.stop().catch(() => {});
    await pg.destroy();
  }
  return log.result();
}

function sample(violations: Array<{ request: string; status: number; reason: string; as: string }>): string {
  if (violations.length === 0) return '';
  return `${violations.length}: ${violations
    .slice(0, 5)
    .map((v) => `${v.as} ${v.request.slice(0, 90)} → ${v.status} (${v.reason})`)
    .join(' | ')}`;
}
