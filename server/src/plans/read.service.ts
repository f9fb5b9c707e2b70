import type { Plan, PlanListQuery, PlanSummary, PlanTask, TaskDetail, TaskListQuery } from '../../../shared/schemas/plans';
import type { TaskStatus } from '../../../shared/workflows/plan-task';
import type { RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { planToday } from './clock';
import { countsFrom, toOccurrence, toPlan, toPlanSummary, toTask } from './plans.mapper';
import * as repo from './plans.repository';
import { agencyWithSubUnits, planReader, type PlanActor } from './scope';
import { listTaskUpdates } from './updates.read';

// Reading plans and tasks: every holder of plans:read reads every plan; filters narrow it.

export async function listPlans(ctx: RequestContext, query: PlanListQuery): Promise<PlanSummary[]> {
  const db = ctx.app.db;
  const pa = await planReader(db, ctx.actor);
  const taskFilter: repo.TaskFilter = { status: query.status, year: query.year, gate: query.gate, q: query.q };
  if (query.agency) taskFilter.agencies = [...(await agencyWithSubUnits(db, query.agency))];
  let plans = db.selectFrom('plans').selectAll();
  if (query.province) plans = plans.where('province', '=', query.province);
  const taskLevel = query.status || query.year || query.gate || query.agency || query.q;
  let rows = await plans.orderBy('id').execute();
  if (taskLevel) {
    const matching = new Set(await repo.planIdsWithTasks(db, taskFilter));
    if (query.q && !query.status && !query.year && !query.gate && !query.agency) {
      // A keyword also finds a plan by its own title or number.
      const byTitle = await repo.planIdsByKeyword(db, query.q);
      byTitle.forEach((id) => matching.add(id));
    }
    rows = rows.filter((r) => matching.has(r.id));
  }
  const [names, counts] = await Promise.all([repo.agencyNames(db), repo.statusCounts(db, rows.map((r) => r.id))]);
  return rows.map((r) => toPlanSummary(r, names, countsFrom(counts.get(r.id)), pa));
}

export async function loadPlan(ctx: RequestContext, id: string): Promise<{ pa: PlanActor; row: repo.PlanRow }> {
  const pa = await planReader(ctx.app.db, ctx.actor);
  const row = await repo.findPlanRow(ctx.app.db, id);
  if (!row) throw new AppError('plans.not_found');
  return { pa, row };
}

/** Agencies that lead (or co-lead) at least one task that is not cancelled: they owe report parts. */
export async function reportingAgencies(db: RequestContext['app']['db'], planId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('plan_tasks')
    .select(['lead_agency', 'co_lead_agencies'])
    .where('plan_id', '=', planId)
    .where('status', '<>', 'cancelled')
    .orderBy('position')
    .execute();
  const codes: string[] = [];
  for (const r of rows) for (const c of [r.lead_agency, ...r.co_lead_agencies]) if (!codes.includes(c)) codes.push(c);
  return codes;
}

export async function getPlan(ctx: RequestContext, id: string): Promise<Plan> {
  const { pa, row } = await loadPlan(ctx, id);
  const db = ctx.app.db;
  const [names, counts, reporting] = await Promise.all([repo.agencyNames(db), repo.statusCounts(db, [id]), reportingAgencies(db, id)]);
  return toPlan(row, names, countsFrom(counts.get(id)), pa, reporting);
}

export async function toTasks(ctx: RequestContext, pa: PlanActor, rows: repo.TaskRow[]): Promise<PlanTask[]> {
  const db = ctx.app.db;
  const ids = rows.map((r) => r.id);
  const [names, occurrences, updates] = await Promise.all([repo.agencyNames(db), repo.listOccurrences(db, ids), repo.lastUpdates(db, ids)]);
  const today = planToday(ctx.app.now());
  return rows.map((row) =>
    toTask(row, { names, pa, today, occurrences: occurrences.filter((o) => o.task_id === row.id), lastUpdate: updates.get(row.id) }),
  );
}

export async function listTasks(ctx: RequestContext, query: TaskListQuery): Promise<{ items: PlanTask[]; total: number }> {
  const db = ctx.app.db;
  const pa = await planReader(db, ctx.actor);
  let agencies: string[] | undefined;
  if (query.mine) {
    if (pa.agencies.size === 0) throw new AppError('plans.no_agency');
    agencies = [...pa.agencies];
  }
  if (query.agency) {
    const wanted = await agencyWithSubUnits(db, query.agency);
    agencies = agencies ? agencies.filter((a) => wanted.has(a)) : [...wanted];
  }
  const filter: repo.TaskFilter = {
    planId: query.planId,
    agencies,
    role: query.role ?? 'any',
    status: query.status,
    lateOn: query.late ? planToday(ctx.app.now()) : undefined,
    year: query.year,
    periodKind: query.periodKind,
    dueBefore: query.dueBefore,
    gate: query.gate,
    group: query.group,
    q: query.q,
  };
  if (query.planId && !(await repo.findPlanRow(db, query.planId))) throw new AppError('plans.not_found');
  const { rows, total } = await repo.listTaskRows(db, filter, { limit: query.limit ?? 100, offset: query.offset ?? 0 });
  return { items: await toTasks(ctx, pa, rows), total };
}

export async function loadTask(ctx: RequestContext, planId: string, taskId: string) {
  const pa = await planReader(ctx.app.db, ctx.actor);
  const row = await repo.findTaskRow(ctx.app.db, taskId);
  if (!row || row.plan_id !== planId) throw new AppError('plans.task_not_found');
  return { pa, row };
}

export async function getTask(ctx: RequestContext, planId: string, taskId: string): Promise<TaskDetail> {
  const { pa, row } = await loadTask(ctx, planId, taskId);
  const db = ctx.app.db;
  const [task] = await toTasks(ctx, pa, [row]);
  const occurrences = await repo.listOccurrences(db, [taskId]);
  const entityIds = [taskId, ...occurrences.map((o) => o.id)];
  const [updates, events] = await Promise.all([
    listTaskUpdates(db, taskId),
    db.selectFrom('plan_events').selectAll().where('plan_id', '=', planId).where('entity_id', 'in', entityIds).orderBy('id').execute(),
  ]);
  return {
    ...task,
    occurrences: occurrences.map((o) => toOccurrence(o, pa, row)),
    updates,
    events: events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      action: e.action,
      fromStatus: (e.from_status as TaskStatus | null) ?? null,
      toStatus: (e.to_status as TaskStatus | null) ?? null,
      occurrenceId: e.entity_type === 'occurrence' ? e.entity_id : null,
      actor: e.actor_label,
      reason: e.reason,
    })),
  };
}
