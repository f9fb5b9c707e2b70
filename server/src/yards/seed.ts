import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { Dataset } from '../db/reference-data';
import { lanesDataset, messagesDataset, rulesDataset, yardsDataset } from './reference';
import { seedDemoQueue } from './seed-demo';

// Reference data of the yards: yards and cameras of the operating gates (a yard already in the
// database keeps the gate authority's edits; new yards are added), and a record of the lanes,
// rules and messages versions in force (reference-sourced rules are read from the files; a gate
// authority's edit is stored and kept). Demo: a few trucks queued at Trà Lĩnh.

async function loadedBefore(db: Kysely<Database>, dataset: Dataset<unknown>): Promise<boolean> {
  const row = await db.selectFrom('reference_datasets').select('checksum').where('name', '=', dataset.name).where('version', '=', dataset.version).executeTakeFirst();
  if (row && row.checksum !== dataset.checksum) throw new Error(`Reference data ${dataset.name} ${dataset.version} changed without a new version number`);
  return row !== undefined;
}

async function markLoaded(db: Kysely<Database>, dataset: Dataset<unknown>): Promise<void> {
  await db
    .insertInto('reference_datasets')
    .values({ name: dataset.name, version: dataset.version, checksum: dataset.checksum, effective_from: dataset.effectiveFrom })
    .onConflict((oc) => oc.columns(['name', 'version']).doNothing())
    .execute();
}

export async function seedYards(db: Kysely<Database>, options: { demo: boolean }): Promise<string> {
  const report: string[] = [];
  const yards = yardsDataset();
  if (!(await loadedBefore(db, yards))) {
    const added = await db.transaction().execute(async (tx) => {
      const gates = new Set((await tx.selectFrom('gates').select('id').execute()).map((g) => g.id));
      let n = 0;
      for (const y of yards.data.yards) {
        if (!gates.has(y.gateId)) continue;
        const inserted = await tx
          .insertInto('yards')
          .values({ id: y.id, gate_id: y.gateId, name_vi: y.nameVi, name_en: y.nameEn, name_zh: y.nameZh, capacity: y.capacity, directions: y.directions })
          .onConflict((oc) => oc.column('id').doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!inserted) continue;
        n++;
        for (const c of y.cameras) {
          await tx.insertInto('yard_cameras').values({ id: c.id, yard_id: y.id, position: c.position, description: c.description ?? null }).onConflict((oc) => oc.column('id').doNothing()).execute();
        }
        for (const direction of y.directions) {
          await tx.insertInto('yard_queue_locks').values({ gate_id: y.gateId, direction, last_run_at: null }).onConflict((oc) => oc.columns(['gate_id', 'direction']).doNothing()).execute();
        }
      }
      return n;
    });
    await markLoaded(db, yards);
    report.push(`yards ${yards.version}: ${added} new`);
  }
  for (const dataset of [lanesDataset(), rulesDataset(), messagesDataset()]) {
    if (!(await loadedBefore(db, dataset))) {
      await markLoaded(db, dataset);
      report.push(`${dataset.name} ${dataset.version}`);
    }
  }
  if (options.demo) report.push(await seedDemoQueue(db));
  return report.length ? report.join('; ') : 'up to date';
}
