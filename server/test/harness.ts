import crypto from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/app';
import { loadConfig, type Config } from '../src/config';
import { openPglite, openPostgres, type DbHandle } from '../src/db/connect';
import { migrate } from '../src/db/migrate';
import { seed } from '../src/db/seed';
import { DEFAULT_DEMO_PASSWORD } from '../src/db/seed-demo';
import type { App } from '../src/platform/types';

export type DbKind = 'pglite' | 'postgres';
export const DEMO_PASSWORD = DEFAULT_DEMO_PASSWORD;

/**
 * The engines every integration test runs on. PGlite always; a real PostgreSQL server when
 * TEST_DATABASE_URL names one. In CI the server is required, so a missing one fails loudly
 * instead of silently testing less.
 */
export function dbKinds(): DbKind[] {
  if (process.env.TEST_DATABASE_URL) return ['pglite', 'postgres'];
  if (process.env.CI) throw new Error('CI must set TEST_DATABASE_URL so tests also run on a real PostgreSQL server');
  return ['pglite'];
}

/** A fresh, empty database of the given kind; a real server gets a new database per call. */
export async function freshDatabase(kind: DbKind): Promise<DbHandle> {
  if (kind === 'pglite') return openPglite(null);
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `cks_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString(), 5);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

export interface Clock {
  now: Date;
  advance(ms: number): void;
}

export function testClock(start = new Date()): Clock {
  return {
    now: start,
    advance(ms) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
}

export interface TestApp {
  app: App;
  db: DbHandle['db'];
  kind: DbKind;
  clock: Clock;
  config: Config;
  close(): Promise<void>;
}

export async function createTestApp(kind: DbKind, overrides: Partial<Config> = {}, clock = testClock()): Promise<TestApp> {
  const database = await freshDatabase(kind);
  await migrate(database.db);
  await seed(database.db, { demo: true });
  const config = { ...loadConfig({}), ...overrides };
  const app = await buildApp({ config, database, logger: process.env.TEST_LOG === '1', now: () => clock.now });
  await app.ready();
  return {
    app,
    db: database.db,
    kind,
    clock,
    config,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** Signs in and returns the Cookie header value for later requests. */
export async function login(app: App, username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'cks_session');
  if (!cookie) throw new Error('no session cookie');
  return `cks_session=${cookie.value}`;
}

/** A digest of every row of every table, to prove that a refused request changed nothing. */
export async function databaseFingerprint(db: DbHandle['db'], except: string[] = []): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const result: Record<string, string> = {};
  for (const { name } of tables.rows) {
    if (except.includes(name)) continue;
    const row = await sql<{ digest: string | null; n: number }>`
      select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest, count(*)::int as n
      from ${sql.table(name)} t`.execute(db);
    result[name] = `${row.rows[0].n}:${row.rows[0].digest}`;
  }
  return result;
}
