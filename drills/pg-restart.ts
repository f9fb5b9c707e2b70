import { Client } from '../bench/lib/http';
import { subscribe } from '../bench/lib/sse';
import { startPostgres, withClient } from '../bench/lib/postgres';
import { sleep, spawnServer } from '../bench/lib/server';
import { DrillLog, type DrillResult } from './lib/drill';
import { checkNoServerErrors, checkStoredInvariants, startDrillLoad } from './lib/load';

// Drill: restart PostgreSQL in the middle of the load. While it is down the server must say it is
// unhealthy and refuse writes with a clear 503 problem (stable code, Retry-After); when it is back
// the server recovers by itself (no restart of the server), and nothing acknowledged is lost.

export interface PgRestartOptions {
  trucks: number;
  concurrency: number;
  downSeconds: number;
}

interface Probe {
  status: number;
  code?: string;
  contentType?: string;
  retryAfter?: string;
  health?: string;
}

export async function pgRestartDrill(options: PgRestartOptions = { trucks: 200, concurrency: 24, downSeconds: 6 }): Promise<DrillResult> {
  const log = new DrillLog('pg-restart');
  const pg = await startPostgres();
  let server: Awaited<ReturnType<typeof spawnServer>> | null = null;
  try {
    const url = await pg.createDatabase('cks_drill_pgrestart');
    server = await spawnServer({ databaseUrl: url });
    const load = await startDrillLoad(server.baseUrl, url, { trucks: options.trucks, seed: 11, concurrency: options.concurrency });
    const { day, flow, declared } = load;
    await load.untilDeclared(0.3);

    const probeClient = new Client(server.baseUrl);
    const enterprise = day.world.enterprises[0].client;
    // A live board open through the outage: events after the restart must still reach it.
    const boardSeen = new Set<string>();
    const board = day.api.has('GET', '/api/v1/operations/stream')
      ? await subscribe(`${server.baseUrl}/api/v1/operations/stream`, { cookie: day.world.adminCookie }, (e) => {
          if (e.id && (!e.event || e.event === 'domain')) boardSeen.add(e.id);
        })
      : null;
    await pg.stopServer();
    const stoppedAt = performance.now();
    log.figure('database stopped after', `${declared()} of ${options.trucks} trucks declared`);
    // While down: health says so; a write gets a 503 problem with the stable code.
    const probes: { health: Probe[]; write: Probe[]; read: Probe[] } = { health: [], write: [], read: [] };
    while (performance.now() - stoppedAt < options.downSeconds * 1000) {
      const health = await probeClient.get<{ status: string }>('/healthz').catch(() => null);
      if (health) probes.health.push({ status: health.status, health: health.body?.status });
      const write = await enterprise.post<{ code?: string }>('/api/v1/trips', { direction: 'export' }, { idempotencyKey: `drill-down-${probes.write.length}` }).catch(() => null);
      if (write) probes.write.push({ status: write.status, code: write.body?.code, contentType: String(write.headers['content-type'] ?? ''), retryAfter: String(write.headers['retry-after'] ?? '') });
      const read = await probeClient.get<{ code?: string }>('/api/v1/gates/bench-huu-nghi').catch(() => null);
      if (read) probes.read.push({ status: read.status, code: read.body?.code });
      await sleep(250);
    }
    log.check('health reports unavailable while the database is down', probes.health.length > 0 && probes.health.every((p) => p.status === 503 && p.health === 'unavailable'), `${probes.health.length} probes: ${summary(probes.health.map((p) => `${p.status}`))}`);
    log.check(
      'writes are refused with 503 problem+json server.database_unavailable and Retry-After',
      probes.write.length > 0 && probes.write.every((p) => p.status === 503 && p.code === 'server.database_unavailable' && (p.contentType ?? '').includes('application/problem+json') && p.retryAfter !== ''),
      `${probes.write.length} probes: ${summary(probes.write.map((p) => `${p.status} ${p.code}`))}`,
    );
    log.check('reads are refused with 503, never 500', probes.read.length > 0 && probes.read.every((p) => p.status === 503), summary(probes.read.map((p) => `${p.status} ${p.code}`)));

    await pg.startServer();
    const startedAt = performance.now();
    const lastBefore = await withClient(url, async (db) => Number((await db.query<{ id: string }>('select coalesce(max(id), 0) as id from domain_events')).rows[0].id));
    let recovered = false;
    while (performance.now() - startedAt < 60_000) {
      const health = await probeClient.get('/healthz').catch(() => null);
      if (health?.status === 200) {
        recovered = true;
        break;
      }
      await sleep(100);
    }
    log.check('the server recovers by itself when the database is back', recovered, `healthy ${Math.round(performance.now() - startedAt)} ms after the database started`);
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      const tail = server.tail();
      const lines = tail.split('\n');
      const at = Math.max(0, lines.findIndex((l) => /Unhandled/.test(l)));
      const cause = lines.slice(at, at + 14).join(' | ');
      log.check('the server process survives the outage', false, `exited (${server.child.exitCode ?? server.child.signalCode}): ${cause.slice(0, 2500)}`);
      throw new Error('the server process died while the database was down');
    }
    log.figure('database down (s)', Math.round((startedAt - stoppedAt) / 100) / 10);

    const result = await flow;
    if (board) {
      const after = await withClient(url, async (db) => (await db.query<{ id: string }>(`select id::text as id from domain_events where id > $1 and gate_id like 'bench-%'`, [lastBefore])).rows.map((r) => r.id));
      const deadline = Date.now() + 10_000;
      while (after.some((id) => !boardSeen.has(id)) && Date.now() < deadline) await sleep(100);
      board.close();
      log.check('a board open through the outage receives the events after it', after.length > 0 && after.every((id) => boardSeen.has(id)), `${after.filter((id) => boardSeen.has(id)).length}/${after.length} events`);
    } else log.note('no operations stream: boards not checked');
    log.figure('client retries', load.retries());
    log.check('the load completes after the restart', result.completed === options.trucks, `${result.completed}/${options.trucks}${result.pool.firstErrors[0] ? `; first error: ${result.pool.firstErrors[0]}` : ''}`);
    checkNoServerErrors(log, load);
    await checkStoredInvariants(url, log, load);
    probeClient.close();
  } catch (error) {
    log.check('drill ran to the end', false, String((error as Error).stack ?? error).slice(0, 800));
  } finally {
    await server?.stop().catch(() => {});
    await pg.destroy();
  }
  return log.result();
}

function summary(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([v, n]) => `${v} ×${n}`).join(', ');
}
