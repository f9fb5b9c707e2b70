import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { SpecialDay, WeeklyHours } from '../../../shared/schemas/gates';
import type { Database } from '../db/database';
import type { Calendar } from './calendar';
import { normaliseTime } from './calendar';

type Executor = Kysely<Database> | Transaction<Database>;
export type GateRow = Selectable<Database['gates']>;

export interface GateFilter {
  province?: string;
  status?: string;
  class?: string;
  traffic?: string;
  q?: string;
}

export async function listGateRows(db: Executor, filter: GateFilter): Promise<GateRow[]> {
  let query = db.selectFrom('gates').selectAll();
  if (filter.province) query = query.where('province', '=', filter.province);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.class) query = query.where('class', '=', filter.class);
  if (filter.traffic) query = query.where(sql<boolean>`${filter.traffic} = any(traffic)`);
  if (filter.q) {
    // Users type "Tra Linh" as often as "Trà Lĩnh": compare without diacritics on both sides.
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(
      sql<boolean>`unaccent(lower(coalesce(name_vi,'') || ' ' || coalesce(name_en,'') || ' ' || coalesce(name_zh,'') || ' ' ||
        counterpart_name_vi || ' ' || coalesce(counterpart_name_zh,''))) like unaccent(lower(${pattern}))`,
    );
  }
  return query.orderBy('province').orderBy('parent_id', (ob) => ob.nullsFirst()).orderBy('name_vi').execute();
}

export function findGateRow(db: Executor, id: string, forUpdate = false): Promise<GateRow | undefined> {
  const query = db.selectFrom('gates').selectAll().where('id', '=', id);
  return (forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

export async function loadCalendars(db: Executor, gateIds: string[]): Promise<Map<string, Calendar>> {
  const result = new Map<string, Calendar>(gateIds.map((id) => [id, { weeklyHours: [], specialDays: [] }]));
  if (gateIds.length === 0) return result;
  const [hours, days] = await Promise.all([
    db.selectFrom('gate_weekly_hours').selectAll().where('gate_id', 'in', gateIds).orderBy('weekday').orderBy('opens').execute(),
    db.selectFrom('gate_special_days').selectAll().where('gate_id', 'in', gateIds).orderBy('day').execute(),
  ]);
  for (const h of hours) {
    result.get(h.gate_id)!.weeklyHours.push({ weekday: h.weekday, opens: normaliseTime(h.opens), closes: normaliseTime(h.closes) });
  }
  for (const d of days) {
    result.get(d.gate_id)!.specialDays.push({
      date: d.day,
      kind: d.kind as SpecialDay['kind'],
      opens: d.opens ? normaliseTime(d.opens) : null,
      closes: d.closes ? normaliseTime(d.closes) : null,
      nameVi: d.name_vi,
      nameEn: d.name_en,
      nameZh: d.name_zh,
    });
  }
  return result;
}

export async function replaceCalendar(db: Executor, gateId: string, weeklyHours: WeeklyHours[], specialDays: SpecialDay[]) {
  await db.deleteFrom('gate_weekly_hours').where('gate_id', '=', gateId).execute();
  await db.deleteFrom('gate_special_days').where('gate_id', '=', gateId).execute();
  if (weeklyHours.length > 0) {
    await db
      .insertInto('gate_weekly_hours')
      .values(weeklyHours.map((h) => ({ gate_id: gateId, weekday: h.weekday, opens: h.opens, closes: h.closes })))
      .execute();
  }
  if (specialDays.length > 0) {
    await db
      .insertInto('gate_special_days')
      .values(
        specialDays.map((d) => ({
          gate_id: gateId,
          day: d.date,
          kind: d.kind,
          opens: d.opens ?? null,
          closes: d.closes ?? null,
          name_vi: d.nameVi,
          name_en: d.nameEn ?? null,
          name_zh: d.nameZh ?? null,
        })),
      )
      .execute();
  }
}

export function listChildren(db: Executor, parentId: string) {
  return db
    .selectFrom('gates')
    .select(['id', 'name_vi', 'name_en', 'status', 'class'])
    .where('parent_id', '=', parentId)
    .orderBy('name_vi')
    .execute();
}

export async function insertVersion(
  db: Executor,
  values: { gateId: string; version: number; snapshot: unknown; changedBy: string | null; changedByLabel: string; reason: string },
) {
  await db
    .insertInto('gate_versions')
    .values({
      gate_id: values.gateId,
      version: values.version,
      snapshot: JSON.stringify(values.snapshot),
      changed_by: values.changedBy,
      changed_by_label: values.changedByLabel,
      reason: values.reason,
    })
    .execute();
}

export function listVersions(db: Executor, gateId: string) {
  return db.selectFrom('gate_versions').selectAll().where('gate_id', '=', gateId).orderBy('version', 'desc').execute();
}
