import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from './connect';

const MIGRATIONS_DIR = path.join(import.meta.dirname, 'migrations');
// Any constant works; it only has to be the same in every process that migrates.
const MIGRATION_LOCK_KEY = 724_160_001;

export interface MigrationFile {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      return {
        version: file.slice(0, 4),
        name: file.replace(/\.sql$/, ''),
        sql: text,
        checksum: crypto.createHash('sha256').update(text).digest('hex'),
      };
    });
}

/**
 * Applies pending migrations, each in its own transaction. A session-level advisory lock
 * makes concurrent start-ups of several server processes wait for one another.
 * An applied migration whose file has changed stops the start: history is never rewritten.
 */
export async function migrate(db: Db, files = readMigrations()): Promise<string[]> {
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(conn);
    try {
      await sql`create table if not exists schema_migrations (
        version text not null constraint schema_migrations_pk primary key,
        name text not null,
        checksum text not null,
        applied_at timestamptz not null default now())`.execute(conn);
      const applied = await sql<{ version: string; checksum: string }>`
        select version, checksum from schema_migrations`.execute(conn);
      const known = new Map(applied.rows.map((row) => [row.version, row.checksum]));
      const done: string[] = [];
      for (const file of files) {
        const checksum = known.get(file.version);
        if (checksum !== undefined) {
          if (checksum !== file.checksum) {
            throw new Error(`Migration ${file.name} was changed after it was applied`);
          }
          continue;
        }
        await conn.transaction().execute(async (tx) => {
          await sql.raw(file.sql).execute(tx);
          await sql`insert into schema_migrations (version, name, checksum)
            values (${file.version}, ${file.name}, ${file.checksum})`.execute(tx);
        });
        done.push(file.name);
      }
      return done;
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(conn);
    }
  });
}
