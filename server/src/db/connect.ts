import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database';
import { PGliteDialect } from './pglite-dialect';

export type Db = Kysely<Database>;
export type Listen = (channel: string, onNotify: (payload: string) => void) => Promise<() => Promise<void>>;

export interface DbHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** LISTEN on a channel; the returned function stops listening. See platform/events.ts. */
  listen: Listen;
}

const INT8 = 20;
const DATE = 1082;

// bigint counts and VND amounts fit in a JS number; dates stay 'YYYY-MM-DD' strings so that
// a calendar day never shifts with the server's time zone.
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8) return (value: string) => Number(value);
    if (oid === DATE) return (value: string) => value;
    return pg.types.getTypeParser(oid, format);
  },
};

export async function openPglite(dataDir: string | null): Promise<DbHandle> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const client = new PGlite({
    ...(dataDir ? { dataDir } : {}),
    extensions: { unaccent, pg_trgm },
    parsers: { [INT8]: (value: string) => Number(value), [DATE]: (value: string) => value },
  });
  await client.waitReady;
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  const listen: Listen = async (channel, onNotify) => {
    const stop = await client.listen(channel, onNotify);
    return async () => stop();
  };
  return { db, kind: 'pglite', close: () => db.destroy(), listen };
}

export async function openPostgres(connectionString: string, max = 10): Promise<DbHandle> {
  const pool = new pg.Pool({ connectionString, max, types: pgTypes });
  // A dropped server connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  // LISTEN needs a connection of its own, outside the pool. A listener that loses its connection
  // is not restarted here: readers also poll, so a lost wake-up only delays them.
  const listen: Listen = async (channel, onNotify) => {
    const client = new pg.Client({ connectionString });
    client.on('error', () => {});
    client.on('notification', (message) => {
      if (message.channel === channel) onNotify(message.payload ?? '');
    });
    await client.connect();
    await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    return async () => {
      await client.end().catch(() => {});
    };
  };
  return { db, kind: 'postgres', close: () => db.destroy(), listen };
}

export async function openDatabase(options: { databaseUrl: string | null; dataDir: string | null }): Promise<DbHandle> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}
