import type { Kysely, Transaction } from 'kysely';
import { capabilities } from '../capabilities';
import type { Database } from './database';
import { readDataset, type AgencyData, type CalendarData, type Dataset, type GateData } from './reference-data';
import { seedDemo } from './seed-demo';

type Tx = Transaction<Database>;

async function alreadyLoaded(tx: Tx, dataset: Dataset<unknown>): Promise<boolean> {
  const row = await tx
    .selectFrom('reference_datasets')
    .select('checksum')
    .where('name', '=', dataset.name)
    .where('version', '=', dataset.version)
    .executeTakeFirst();
  if (row && row.checksum !== dataset.checksum) {
    throw new Error(`Reference data ${dataset.name} ${dataset.version} changed without a new version number`);
  }
  return row !== undefined;
}

async function markLoaded(tx: Tx, dataset: Dataset<unknown>) {
  await tx
    .insertInto('reference_datasets')
    .values({ name: dataset.name, version: dataset.version, checksum: dataset.checksum, effective_from: dataset.effectiveFrom })
    .execute();
}

async function loadAgencies(tx: Tx, agencies: AgencyData[]) {
  for (const a of agencies) {
    const values = { province: a.province, kind: a.kind, name_vi: a.nameVi, name_en: a.nameEn, name_zh: a.nameZh ?? null, aliases: a.aliases ?? [] };
    await tx.insertInto('agencies').values({ code: a.code, ...values }).onConflict((oc) => oc.column('code').doUpdateSet(values)).execute();
  }
}

/**
 * New gates are inserted with their calendar; gates that already exist keep the authority's
 * edits, and only special days they do not have yet are added (e.g. next year's holidays).
 */
async function loadGates(tx: Tx, dataset: Dataset<{ gates: GateData[] }>, calendars: CalendarData[]): Promise<number> {
  const existing = new Set((await tx.selectFrom('gates').select('id').execute()).map((r) => r.id));
  const byGate = new Map(calendars.map((c) => [c.gateId, c]));
  // Parents first, so the parent_id foreign key is satisfied.
  const ordered = [...dataset.data.gates].sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null));
  let added = 0;
  for (const g of ordered) {
    const calendar = byGate.get(g.id);
    if (!existing.has(g.id)) {
      added++;
      await tx
        .insertInto('gates')
        .values({
          id: g.id,
          parent_id: g.parentId,
          province: g.province,
          name_vi: g.nameVi,
          name_en: g.nameEn,
          name_zh: g.nameZh,
          counterpart_name_vi: g.counterpart.nameVi,
          counterpart_name_en: g.counterpart.nameEn ?? null,
          counterpart_name_zh: g.counterpart.nameZh ?? null,
          counterpart_name_zh_verified: g.counterpart.nameZhVerified ?? false,
          counterpart_place: g.counterpart.place ?? null,
          class: g.class,
          status: g.status,
          planned_class: g.plannedClass,
          target_year: g.targetYear,
          plan_refs: JSON.stringify(g.planRefs ?? []),
          traffic: g.traffic,
          lat: g.location?.lat ?? null,
          lon: g.location?.lon ?? null,
          location_approximate: g.location?.approximate ?? true,
          time_zone: g.timeZone,
          counterpart_time_zone: g.counterpartTimeZone,
          capacity_export_per_day: g.capacity.exportPerDay,
          capacity_import_per_day: g.capacity.importPerDay,
          notes: JSON.stringify(g.notes ?? {}),
        })
        .execute();
      if (calendar && calendar.weeklyHours.length > 0) {
        await tx.insertInto('gate_weekly_hours').values(calendar.weeklyHours.map((h) => ({ gate_id: g.id, ...h }))).execute();
      }
      await tx
        .insertInto('gate_versions')
        .values({
          gate_id: g.id,
          version: 1,
          snapshot: JSON.stringify({ ...g, calendar: calendar ?? null }),
          changed_by: null,
          changed_by_label: 'system:reference-data',
          reason: `Loaded from reference data ${dataset.name} ${dataset.version}`,
        })
        .execute();
    }
    if (calendar && calendar.specialDays.length > 0) {
      await tx
        .insertInto('gate_special_days')
        .values(
          calendar.specialDays.map((d) => ({
            gate_id: g.id,
            day: d.date,
            kind: d.kind,
            opens: d.opens ?? null,
            closes: d.closes ?? null,
            name_vi: d.nameVi,
            name_en: d.nameEn ?? null,
            name_zh: d.nameZh ?? null,
          })),
        )
        .onConflict((oc) => oc.columns(['gate_id', 'day']).doNothing())
        .execute();
    }
  }
  return added;
}

export interface SeedReport {
  agencies: string;
  gates: string;
  demo: string;
  [capability: string]: string;
}

/** Loads reference data that is new since the last start, then demo data on an empty database. */
export async function seed(db: Kysely<Database>, options: { demo: boolean }): Promise<SeedReport> {
  const agencies = readDataset<{ agencies: AgencyData[] }>('agencies/agencies.json');
  const gates = readDataset<{ gates: GateData[] }>('gates/gates.json');
  const calendars = readDataset<{ calendars: CalendarData[] }>('gates/calendars.json');
  const report: SeedReport = { agencies: 'up to date', gates: 'up to date', demo: 'skipped' };
  await db.transaction().execute(async (tx) => {
    if (!(await alreadyLoaded(tx, agencies))) {
      await loadAgencies(tx, agencies.data.agencies);
      await markLoaded(tx, agencies);
      report.agencies = `loaded ${agencies.version} (${agencies.data.agencies.length})`;
    }
    const gatesNew = !(await alreadyLoaded(tx, gates));
    const calendarsNew = !(await alreadyLoaded(tx, calendars));
    if (gatesNew || calendarsNew) {
      const added = await loadGates(tx, gates, calendars.data.calendars);
      if (gatesNew) await markLoaded(tx, gates);
      if (calendarsNew) await markLoaded(tx, calendars);
      report.gates = `loaded ${gates.version}/${calendars.version} (${added} new gates)`;
    }
  });
  if (options.demo) report.demo = await seedDemo(db);
  // Capabilities seed after the demo accounts, which their demo data may refer to.
  for (const capability of capabilities) if (capability.seed) report[capability.name] = await capability.seed(db, options);
  return report;
}
