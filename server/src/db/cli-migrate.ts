import { loadConfig } from '../config';
import { openDatabase } from './connect';
import { migrate } from './migrate';
import { seed } from './seed';

// `npm run db:migrate`: applies migrations and loads reference data, then exits.
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const applied = await migrate(database.db);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Schema is up to date.');
  console.log('Reference data:', await seed(database.db, { demo: config.seedDemo }));
} finally {
  await database.close();
}
