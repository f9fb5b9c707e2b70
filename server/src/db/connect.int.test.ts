import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds, freshDatabase } from '../../test/harness';
import type { DbHandle } from './connect';

// The PostgreSQL connection layer survives a lost connection: the pool replaces dead clients and
// the LISTEN connection is reopened, so live boards keep being woken after a database restart
// (the restart itself is the pg-restart drill, npm run drill pg-restart).

// Only a server has connections to lose; PGlite runs in the process.
describe.skipIf(!dbKinds().includes('postgres'))('connection recovery on postgres', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await freshDatabase('postgres');
  });
  afterAll(async () => handle?.close());

  const notify = (payload: string) => sql`select pg_notify('cks_test_channel', ${payload})`.execute(handle.db);
  const waitFor = async (list: string[], value: string) => {
    const deadline = Date.now() + 10_000;
    while (!list.includes(value) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    return list.includes(value);
  };

  it('listens again after its connection is terminated by the server', async () => {
    const received: string[] = [];
    const stop = await handle.listen('cks_test_channel', (p) => received.push(p));
    try {
      await notify('before');
      expect(await waitFor(received, 'before')).toBe(true);
      const killed = await sql<{ n: number }>`
        select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
        where datname = current_database() and query ilike 'LISTEN%' and pid <> pg_backend_pid()`.execute(handle.db);
      expect(killed.rows[0].n).toBe(1);
      // Notifications sent while the listener reconnects are not replayed (readers poll), so keep
      // sending until one arrives.
      const deadline = Date.now() + 10_000;
      let n = 0;
      while (!received.some((p) => p.startsWith('after-')) && Date.now() < deadline) {
        await notify(`after-${n++}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(received.some((p) => p.startsWith('after-'))).toBe(true);
    } finally {
      await stop();
    }
  });

  it('survives the connection of an open transaction being terminated between two queries', async () => {
    // Without an error listener on checked-out clients this is an unhandled 'error' event that
    // ends the process (found by the pg-restart drill).
    const outcome = await handle.db
      .transaction()
      .execute(async (tx) => {
        const pid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(tx)).rows[0].pid;
        const other = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
        await other.connect();
        await other.query('select pg_terminate_backend($1)', [pid]);
        await other.end();
        await new Promise((r) => setTimeout(r, 300));
        await sql`select 1`.execute(tx);
        return 'committed';
      })
      .catch((error: Error) => `failed: ${error.message}`);
    expect(outcome).toMatch(/^failed: /);
    const row = await sql<{ ok: number }>`select 1 as ok`.execute(handle.db);
    expect(row.rows[0].ok).toBe(1);
  });

  it('answers queries again after every pooled connection was terminated', async () => {
    await sql`select 1`.execute(handle.db);
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`.execute(handle.db);
    // The pool may hand out a dead client once; the next query gets a fresh one.
    await sql`select 1`.execute(handle.db).catch(() => {});
    const row = await sql<{ ok: number }>`select 1 as ok`.execute(handle.db);
    expect(row.rows[0].ok).toBe(1);
  });
});
