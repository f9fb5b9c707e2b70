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

export interface PoolOptions {
  /** Connections in the pool (default 10). */
  max?: number;
  /** How long a request waits for a connection before it fails with 503 (default 5 s). */
  connectionTimeoutMs?: number;
}

export async function openPostgres(connectionString: string, max: number | PoolOptions = 10): Promise<DbHandle> {
  const options = typeof max === 'number' ? { max } : max;
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    types: pgTypes,
    // A request must not hang on an unreachable server: it fails fast and the client gets a 503.
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
  });
  // A dropped server connection must not crash the process; the pool replaces it. An idle client
  // is covered by pool.on('error'); a client checked out by a transaction that is between two
  // queries (server restart, pg_terminate_backend) emits 'error' with no listener attached by the
  // pool, which would end the process. The transaction's next query fails instead (503), and the
  // pool drops the broken client when it is released.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy(), listen: (channel, onNotify) => listenWithReconnect(connectionString, channel, onNotify) };
}

/**
 * LISTEN needs a connection of its own, outside the pool. When that connection is lost (the
 * server restarted, a network cut) it is reopened with back-off and LISTEN issued again, so live
 * boards keep being woken after the database comes back. Notifications sent while it was away are
 * not replayed: readers fetch by id after the last one they saw, and poll as well.
 */
async function listenWithReconnect(connectionString: string, channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>> {
  let stopped = false;
  let current: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  const connect = async () => {
    const client = new pg.Client({ connectionString, keepAlive: true });
    const lost = () => {
      if (current !== client) return;
      current = null;
      schedule(500);
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (message) => {
      if (message.channel === channel) onNotify(message.payload ?? '');
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    if (stopped) await client.end().catch(() => {});
    else current = client;
  };
  const schedule = (delayMs: number) => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = null;
      connect().catch(() => schedule(Math.min(delayMs * 2, 10_000)));
    }, delayMs);
    retry.unref();
  };
  // The first connection must work: a server that cannot listen should not start.
  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const client = current;
    current = null;
    await client?.end().catch(() => {});
  };
}

export async function openDatabase(options: { databaseUrl: string | null; dataDir: string | null; pool?: PoolOptions }): Promise<DbHandle> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.pool ?? {}) : openPglite(options.dataDir);
}
