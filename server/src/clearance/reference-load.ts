import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/database';
import { normaliseCode } from './facts';
import { approvedCodesDataset, baysDataset } from './reference';
import { ensureRuleSet } from './rule-sets';

// Loads the clearance reference data into its tables: the first risk rule set, the inspection
// bays of each gate and the first approved-code list. Idempotent; runs at every start (seed)
// and, on a database that has none yet, before the first derivation (demo trips are submitted
// before the clearance seed runs).

export const CODE_LIST_LOCK = 724_160_051;

async function loadBays(tx: Transaction<Database>): Promise<number> {
  const gates = new Set((await tx.selectFrom('gates').select('id').execute()).map((g) => g.id));
  let n = 0;
  for (const b of baysDataset().data.bays) {
    if (!gates.has(b.gateId)) continue;
    const values = {
      gate_id: b.gateId,
      name_vi: b.name.vi,
      name_en: b.name.en,
      name_zh: b.name.zh,
      place_vi: b.place.vi,
      place_en: b.place.en,
      place_zh: b.place.zh,
      agencies: b.agencies,
      opens: b.opens,
      closes: b.closes,
      slot_minutes: b.slotMinutes,
      trucks_per_slot: b.trucksPerSlot,
    };
    // Bays are kept in the data file only (no editing in the product): the file wins.
    await tx.insertInto('clearance_inspection_bays').values({ id: b.id, ...values }).onConflict((oc) => oc.column('id').doUpdateSet(values)).execute();
    n++;
  }
  return n;
}

async function ensureCodeList(tx: Transaction<Database>): Promise<boolean> {
  await sql`select pg_advisory_xact_lock(${CODE_LIST_LOCK})`.execute(tx);
  if (await tx.selectFrom('clearance_code_lists').select('version').limit(1).executeTakeFirst()) return false;
  const dataset = approvedCodesDataset();
  const codes = dataset.data.codes.map((c) => ({ ...c, code: normaliseCode(c.code) }));
  await tx
    .insertInto('clearance_code_lists')
    .values({
      version: 1,
      label: dataset.data.label,
      mode: 'replace',
      reason: `Loaded from reference data ${dataset.name} ${dataset.version}`,
      imported_by: null,
      imported_by_label: 'system:reference-data',
      imported_at: new Date(`${dataset.effectiveFrom}T00:00:00Z`),
      puc_count: codes.filter((c) => c.kind === 'puc').length,
      phc_count: codes.filter((c) => c.kind === 'phc').length,
    })
    .execute();
  await tx
    .insertInto('clearance_approved_codes')
    .values(codes.map((c) => ({ list_version: 1, kind: c.kind, code: c.code, fruit: c.fruit, holder: c.holder ?? null, province: c.province ?? null })))
    .execute();
  return true;
}

export async function loadClearanceReference(tx: Transaction<Database>): Promise<string> {
  const ruleSet = await ensureRuleSet(tx);
  const bays = await loadBays(tx);
  const codes = await ensureCodeList(tx);
  return `rule set ${ruleSet ? 'v1 loaded' : 'present'}, ${bays} bays, approved codes ${codes ? 'v1 loaded' : 'present'}`;
}

export async function hasClearanceReference(tx: Transaction<Database>): Promise<boolean> {
  return (await tx.selectFrom('clearance_rule_sets').select('version').limit(1).executeTakeFirst()) !== undefined;
}
