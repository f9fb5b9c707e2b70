import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database } from '../db/database';
import { AppError } from '../platform/errors';

type Executor = Kysely<Database> | Transaction<Database>;
export type PlanRow = Selectable<Database['plans']>;
export type TaskRow = Selectable<Database['plan_tasks']> & { plan_title_vi: string; plan_issuer: string; plan_start_year: number; plan_end_year: number };
export type OccurrenceRow = Selectable<Database['plan_task_occurrences']>;

export interface AgencyName {
  code: string;
  nameVi: string;
  nameEn: string;
}

export async function agencyNames(db: Executor): Promise<Map<string, AgencyName>> {
  const rows = await db.selectFrom('agencies').select(['code', 'name_vi', 'name_en']).execute();
  return new Map(rows.map((r) => [r.code, { code: r.code, nameVi: r.name_vi, nameEn: r.name_en }]));
}

export function findPlanRow(db: Executor, id: string, forUpdate = false): Promise<PlanRow | undefined> {
  const q = db.selectFrom('plans').selectAll().where('id', '=', id);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

function taskQuery(db: Executor) {
  return db
    .selectFrom('plan_tasks as t')
    .innerJoin('plans as p', 'p.id', 't.plan_id')
    .selectAll('t')
    .select(['p.title_vi as plan_title_vi', 'p.issuer_agency as plan_issuer', 'p.start_year as plan_start_year', 'p.end_year as plan_end_year']);
}

export function findTaskRow(db: Executor, id: string, forUpdate = false): Promise<TaskRow | undefined> {
  const q = taskQuery(db).where('t.id', '=', id);
  return (forUpdate ? q.forUpdate('t') : q).executeTakeFirst() as Promise<TaskRow | undefined>;
}

export interface TaskFilter {
  planId?: string;
  planIds?: string[];
  /** Tasks where one of these agencies takes part, in the given role. */
  agencies?: string[];
  role?: 'lead' | 'coordinating' | 'any';
  status?: string;
  /** Only late tasks, judged against this calendar day. */
  lateOn?: string;
  year?: number;
  periodKind?: string;
  dueBefore?: string;
  gate?: string;
  group?: string;
  q?: string;
}

/** Escapes LIKE wildcards so a search for "%" finds a percent sign, not everything. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** SQL condition: the task (alias t) is late on a day: overdue, past its deadline while open, or an occurrence is. */
export function lateCondition(day: string) {
  return sql<boolean>`(t.status = 'overdue'
    or (t.status in ('not_started', 'in_progress') and t.deadline < ${day})
    or exists (select 1 from plan_task_occurrences o where o.task_id = t.id and t.status <> 'cancelled'
      and (o.status = 'overdue' or (o.status in ('not_started', 'in_progress') and o.due_date < ${day}))))`;
}

function applyFilter<Q extends ReturnType<typeof taskQuery>>(query: Q, f: TaskFilter): Q {
  let q = query as ReturnType<typeof taskQuery>;
  if (f.planId) q = q.where('t.plan_id', '=', f.planId);
  if (f.planIds) q = f.planIds.length === 0 ? q.where(sql<boolean>`false`) : q.where('t.plan_id', 'in', f.planIds);
  if (f.agencies) {
    const codes = f.agencies.length > 0 ? f.agencies : ['-'];
    const arr = sql`${codes}::text[]`;
    const lead = sql<boolean>`(t.lead_agency = any(${arr}) or t.co_lead_agencies && ${arr})`;
    const coord = sql<boolean>`(t.coordinating_agencies && ${arr})`;
    q = q.where(f.role === 'lead' ? lead : f.role === 'coordinating' ? coord : sql<boolean>`(${lead} or ${coord})`);
  }
  if (f.status) q = q.where('t.status', '=', f.status);
  if (f.lateOn) q = q.where(lateCondition(f.lateOn));
  if (f.year) {
    const y = f.year;
    q = q.where(sql<boolean>`case t.period_kind
      when 'date' then extract(year from t.period_date) = ${y}
      when 'year' then t.period_year = ${y}
      when 'range' then t.period_from <= make_date(${y}, 12, 31) and t.period_to >= make_date(${y}, 1, 1)
      else p.start_year <= ${y} and p.end_year >= ${y} end`);
  }
  if (f.periodKind) q = q.where('t.period_kind', '=', f.periodKind);
  if (f.dueBefore) {
    const d = f.dueBefore;
    q = q.where(sql<boolean>`(t.deadline <= ${d} or exists (select 1 from plan_task_occurrences o where o.task_id = t.id and o.due_date <= ${d}))`);
  }
  if (f.gate) q = q.where(sql<boolean>`${f.gate} = any(t.gate_ids)`);
  if (f.group) q = q.where('t.task_group', '=', f.group);
  if (f.q) {
    // Staff type "cua khau" as often as "cửa khẩu": compare without diacritics on both sides.
    const pattern = likePattern(f.q.trim());
    q = q.where(
      sql<boolean>`unaccent(lower(t.ref || ' ' || t.title_vi || ' ' || t.content_vi || ' ' || coalesce(t.expected_product_vi, '') || ' ' ||
        coalesce(t.responsible_person, '') || ' ' || coalesce(t.lead_text_vi, '') || ' ' || coalesce(t.coordinating_text_vi, '') || ' ' ||
        coalesce(t.details ->> 'memberBodyVi', '') || ' ' || p.title_vi || ' ' ||
        coalesce((select string_agg(a.name_vi, ' ') from agencies a where a.code = t.lead_agency or a.code = any(t.co_lead_agencies)), '')))
        like unaccent(lower(${pattern}))`,
    );
  }
  return q as Q;
}

export async function listTaskRows(db: Executor, f: TaskFilter, page: { limit: number; offset: number }): Promise<{ rows: TaskRow[]; total: number }> {
  const base = applyFilter(taskQuery(db), f);
  const [rows, count] = await Promise.all([
    base.orderBy('t.plan_id').orderBy('t.position').limit(page.limit).offset(page.offset).execute(),
    base
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as TaskRow[], total: Number(count.n) };
}

export async function planIdsByKeyword(db: Executor, q: string): Promise<string[]> {
  const rows = await db
    .selectFrom('plans')
    .select('id')
    .where(sql<boolean>`unaccent(lower(id || ' ' || title_vi || ' ' || coalesce(title_en, '') || ' ' || coalesce(number, ''))) like unaccent(lower(${likePattern(q.trim())}))`)
    .execute();
  return rows.map((r) => r.id);
}

/** Plan ids that have at least one task matching the filter. */
export async function planIdsWithTasks(db: Executor, f: TaskFilter): Promise<string[]> {
  const rows = await applyFilter(taskQuery(db), f).clearSelect().select('t.plan_id').distinct().execute();
  return rows.map((r) => r.plan_id);
}

export async function statusCounts(db: Executor, planIds: string[]) {
  if (planIds.length === 0) return new Map<string, Map<string, number>>();
  const rows = await db
    .selectFrom('plan_tasks')
    .select(['plan_id', 'status'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('plan_id', 'in', planIds)
    .groupBy(['plan_id', 'status'])
    .execute();
  const result = new Map<string, Map<string, number>>();
  for (const r of rows) {
    if (!result.has(r.plan_id)) result.set(r.plan_id, new Map());
    result.get(r.plan_id)!.set(r.status, Number(r.n));
  }
  return result;
}

export function listOccurrences(db: Executor, taskIds: string[]): Promise<OccurrenceRow[]> {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('plan_task_occurrences').selectAll().where('task_id', 'in', taskIds).orderBy('task_id').orderBy('due_date').execute();
}

export async function lastUpdates(db: Executor, taskIds: string[]) {
  if (taskIds.length === 0) return new Map<string, { created_at: Date; text_vi: string; author_label: string; agency_code: string | null }>();
  const rows = await db
    .selectFrom('plan_task_updates')
    .select(['task_id', 'created_at', 'text_vi', 'author_label', 'agency_code'])
    .distinctOn('task_id')
    .where('task_id', 'in', taskIds)
    .orderBy('task_id')
    .orderBy('created_at', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.task_id, r]));
}

export async function recordEvent(
  db: Executor,
  e: { planId: string; entityType: 'plan' | 'task' | 'occurrence' | 'delegation'; entityId: string; action: string; from?: string | null; to?: string | null; actorUserId: string | null; actorLabel: string; reason?: string | null; detail?: unknown; at: Date },
) {
  await db
    .insertInto('plan_events')
    .values({
      plan_id: e.planId,
      entity_type: e.entityType,
      entity_id: e.entityId,
      action: e.action,
      from_status: e.from ?? null,
      to_status: e.to ?? null,
      actor_user_id: e.actorUserId,
      actor_label: e.actorLabel,
      reason: e.reason ?? null,
      detail: e.detail === undefined ? null : JSON.stringify(e.detail),
      at: e.at,
    })
    .execute();
}

/** The task, and the occurrence named in a request (if any), locked for a change. */
export async function lockTaskAndOccurrence(
  db: Executor,
  taskId: string,
  occurrenceId: string | undefined | null,
): Promise<{ task: NonNullable<Awaited<ReturnType<typeof findTaskRow>>>; occurrence: OccurrenceRow | undefined }> {
  const task = await findTaskRow(db, taskId, true);
  if (!task) throw new AppError('plans.task_not_found');
  if (!occurrenceId) return { task, occurrence: undefined };
  const occurrence = await db
    .selectFrom('plan_task_occurrences').selectAll().where('id', '=', occurrenceId).where('task_id', '=', taskId).forUpdate().executeTakeFirst();
  if (!occurrence) throw new AppError('plans.occurrence_not_found');
  return { task, occurrence };
}
