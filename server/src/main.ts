import { buildApp } from './app';
import { loadConfig } from './config';
import { openDatabase } from './db/connect';
import { migrate } from './db/migrate';
import { seed } from './db/seed';
import { capabilities } from './capabilities';
import { startJobs } from './platform/jobs';
import { envInt } from './platform/env';

// Connection pool of a PostgreSQL server (DATABASE_URL). DATABASE_POOL_MAX: connections per
// server process (default 10; a transaction waiting on a row lock holds one, so a busy gate needs
// more); DATABASE_CONNECT_TIMEOUT_MS: how long a request waits for a free connection before it is
// answered 503 (default 5000). Invalid values stop the start-up.
function poolSettings(env: NodeJS.ProcessEnv): { max: number; connectionTimeoutMs: number } {
  return { max: envInt(env, 'DATABASE_POOL_MAX', 10, 1, 500), connectionTimeoutMs: envInt(env, 'DATABASE_CONNECT_TIMEOUT_MS', 5000, 100, 120_000) };
}

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, pool: poolSettings(process.env) });
const applied = await migrate(database.db);
const app = await buildApp({ config, database });
if (applied.length > 0) app.log.info({ applied }, 'migrations applied');
const seeded = await seed(database.db, { demo: config.seedDemo });
app.log.info(seeded, 'reference data checked');
const stopJobs = startJobs(app.services, capabilities);

// Graceful shutdown: stop taking requests, let those in flight finish, then close the database.
// Long-lived streams (live boards) would hold app.close() open forever, so after a grace period
// the remaining connections are cut, and a process that still has not exited is ended.
const SHUTDOWN_GRACE_MS = 10_000;
let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  stopJobs();
  const cut = setTimeout(() => app.server.closeAllConnections(), SHUTDOWN_GRACE_MS);
  const end = setTimeout(() => {
    app.log.error('shutdown did not finish in time; exiting');
    process.exit(1);
  }, SHUTDOWN_GRACE_MS * 2);
  cut.unref();
  end.unref();
  app.server.closeIdleConnections();
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
app.log.info(
  { url: `http://localhost:${config.port}`, database: database.kind === 'pglite' ? config.dataDir : 'DATABASE_URL' },
  'Cửa khẩu số is running',
);
