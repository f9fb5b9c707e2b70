import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds, freshDatabase } from '../../test/harness';
import type { DbHandle } from './connect';
import { openPglite } from './connect';
import { migrate, readMigrations } from './migrate';
import { seed } from './seed';

describe.each(dbKinds())('migrations and reference data on %s', (kind) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase(kind);
  });
  afterAll(async () => h?.close());

  it('applies every migration once, and a second run applies nothing', async () => {
    const first = await migrate(h.db);
    expect(first).toEqual(readMigrations().map((m) => m.name));
    expect(await migrate(h.db)).toEqual([]);
  });

  it('refuses to start when an applied migration file was edited', async () => {
    const files = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
    await expect(migrate(h.db, files)).rejects.toThrow(/changed after it was applied/);
  });

  it('keeps the audit log append-only at the database level', async () => {
    await sql`insert into audit_log (actor_label, action, entity_type, entity_id) values ('test', 'x', 'y', 'z')`.execute(h.db);
    await expect(sql`update audit_log set action = 'changed'`.execute(h.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(h.db)).rejects.toThrow(/append-only/);
    const rows = await h.db.selectFrom('audit_log').select('action').execute();
    expect(rows.map((r) => r.action)).toEqual(['x']);
    await expect(sql`truncate audit_log`.execute(h.db)).rejects.toThrow();
    expect(await h.db.selectFrom('audit_log').select('action').execute()).toHaveLength(1);
    for (const table of ['plan_events', 'trip_events']) {
      await expect(sql`truncate ${sql.table(table)}`.execute(h.db)).rejects.toThrow(new RegExp(`${table} is append-only`));
    }
  });

  it('loads reference data once per version and records it', async () => {
    const first = await seed(h.db, { demo: false });
    expect(first.gates).toMatch(/loaded/);
    const second = await seed(h.db, { demo: false });
    expect(second).toMatchObject({ agencies: 'up to date', gates: 'up to date' });
    expect(await h.db.selectFrom('gates').select('id').execute()).toHaveLength(17);
    const datasets = await h.db.selectFrom('reference_datasets').select(['name']).execute();
    expect(datasets.map((d) => d.name)).toEqual(expect.arrayContaining(['agencies', 'gate-calendars', 'gates']));
  });

  it('rejects rows that break named constraints', async () => {
    await expect(
      sql`insert into enterprises (tax_code, name) values ('12AB', 'Bad tax code')`.execute(h.db),
    ).rejects.toThrow(/enterprises_tax_code_format/);
    await expect(
      sql`insert into gate_special_days (gate_id, day, kind, name_vi) values ('tra-linh', '2030-01-01', 'special_hours', 'no hours')`.execute(h.db),
    ).rejects.toThrow(/gate_special_days_hours/);
  });
});

describe('embedded database on disk', () => {
  it('keeps data across restarts in DATA_DIR', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cks-disk-'));
    try {
      const first = await openPglite(dir);
      await migrate(first.db);
      await seed(first.db, { demo: true });
      await first.close();
      const second = await openPglite(dir);
      expect(await migrate(second.db)).toEqual([]);
      const users = await second.db.selectFrom('users').select('username').execute();
      expect(users.map((u) => u.username)).toContain('admin');
      await second.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
