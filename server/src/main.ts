import { buildApp } from './app';
import { loadConfig } from './config';
import { openDatabase } from './db/connect';
import { migrate } from './db/migrate';
import { seed } from './db/seed';
import { capabilities } from './capabilities';
import { startJobs } from './platform/jobs';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const applied = await migrate(database.db);
const app = await buildApp({ config, database });
if (applied.length > 0) app.log.info({ applied }, 'migrations applied');
const seeded = await seed(database.db, { demo: config.seedDemo });
app.log.info(seeded, 'reference data checked');
const stopJobs = startJobs(app.services, capabilities);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  stopJobs();
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
