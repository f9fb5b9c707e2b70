import { startPostgres } from '../bench/lib/postgres';
import { sleep, spawnServer } from '../bench/lib/server';
import { DrillLog, type DrillResult } from './lib/drill';
import { checkNoServerErrors, checkStoredInvariants, startDrillLoad } from './lib/load';

// Drill: SIGKILL the server in the middle of the peak-day load, start it again, and check that
// every request answered 2xx is in the database, no payment was charged twice, the queues are
// consistent and the load resumes (clients retry with their idempotency keys, as they should).

export interface KillServerOptions {
  trucks: number;
  concurrency: number;
  /** Kill when this share of trucks has been declared. */
  killAtShare: number;
}

export async function killServerDrill(options: KillServerOptions = { trucks: 240, concurrency: 24, killAtShare: 0.35 }): Promise<DrillResult> {
  const log = new DrillLog('kill-server');
  const pg = await startPostgres();
  let server: Awaited<ReturnType<typeof spawnServer>> | null = null;
  try {
    const url = await pg.createDatabase('cks_drill_kill');
    server = await spawnServer({ databaseUrl: url, label: 'server' });
    const port = server.port;
    const load = await startDrillLoad(server.baseUrl, url, { trucks: options.trucks, seed: 9, concurrency: options.concurrency });
    const { day, flow, declared } = load;
    await load.untilDeclared(options.killAtShare);
    const before = { declared: declared(), requests: day.recorder.requests };
    await server.kill9();
    const killedAt = performance.now();
    log.figure('killed after', `${before.declared} of ${options.trucks} trucks declared, ${before.requests} requests answered`);
    await sleep(1000);
    server = await spawnServer({ databaseUrl: url, port, label: 'restarted server' });
    log.figure('restart to healthy (s)', Math.round((performance.now() - killedAt) / 100) / 10);

    const result = await flow;
    log.figure('client retries after the kill', load.retries());
    log.figure('requests', day.recorder.requests);
    log.check('the load resumes: every truck completes its day after the restart', result.completed === options.trucks, `${result.completed}/${options.trucks}${result.pool.firstErrors[0] ? `; first error: ${result.pool.firstErrors[0]}` : ''}`);
    checkNoServerErrors(log, load, 'no 5xx other than 503 answered');
    await checkStoredInvariants(url, log, load);
  } catch (error) {
    log.check('drill ran to the end', false, String((error as Error).stack ?? error).slice(0, 800));
  } finally {
    await server?.stop().catch(() => {});
    await pg.destroy();
  }
  return log.result();
}
