import type { PlanTask, TaskInput, UpdateTaskRequest } from '../../../shared/schemas/plans';
import { recordAudit } from '../audit/audit.repository';
import { requirePermission } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError, isUniqueViolation } from '../platform/errors';
import { runIdempotent, type IdempotentResult } from '../platform/idempotency';
import { taskProblems } from './plan-validation';
import * as repo from './plans.repository';
import { loadPlan, loadTask, toTasks } from './read.service';
import { canManagePlan, myTaskRole, requirePlanManager } from './scope';
import { insertTasks, knownReferences } from './write-plan';

// Editing the "6 rõ" of a task. The plan owner edits every field; the lead agency names the
// person responsible (that person works for it), nothing else.

const OWNER_FIELDS = ['titleVi', 'contentVi', 'leadAgency', 'coLeadAgencies', 'coordinatingAgencies', 'expectedProductVi', 'authorityVi', 'gateIds'] as const;

function snapshot(t: repo.TaskRow) {
  return {
    titleVi: t.title_vi,
    leadAgency: t.lead_agency,
    coLeadAgencies: t.co_lead_agencies,
    coordinatingAgencies: t.coordinating_agencies,
    responsiblePerson: t.responsible_person,
    expectedProductVi: t.expected_product_vi,
    authorityVi: t.authority_vi,
    gateIds: t.gate_ids,
  };
}

export async function updateTask(ctx: RequestContext, planId: string, taskId: string, input: UpdateTaskRequest): Promise<PlanTask> {
  const { pa, row } = await loadTask(ctx, planId, taskId);
  requirePermission(pa.actor, 'plans:write');
  const owner = canManagePlan(pa, row.plan_issuer);
  const lead = pa.isAdmin || myTaskRole(pa, row) === 'lead';
  if (!owner && !lead) throw new AppError('plans.task_not_assigned');
  if (!owner && OWNER_FIELDS.some((f) => input[f] !== undefined)) throw new AppError('plans.not_plan_owner');
  const known = await knownReferences(ctx.app.db);
  const problems: Array<{ path: string; message: string }> = [];
  const codes = [
    ...(input.leadAgency ? [['/leadAgency', input.leadAgency]] : []),
    ...(input.coLeadAgencies ?? []).map((c, i) => [`/coLeadAgencies/${i}`, c]),
    ...(input.coordinatingAgencies ?? []).map((c, i) => [`/coordinatingAgencies/${i}`, c]),
  ];
  for (const [path, code] of codes) if (!known.agencies.has(code)) problems.push({ path, message: `unknown agency "${code}"` });
  (input.gateIds ?? []).forEach((g, i) => {
    if (!known.gates.has(g)) problems.push({ path: `/gateIds/${i}`, message: `unknown gate "${g}"` });
  });
  if (problems.length > 0) throw new AppError('plans.invalid_task', { errors: problems });

  await ctx.app.db.transaction().execute(async (tx) => {
    const current = await repo.findTaskRow(tx, taskId, true);
    if (!current) throw new AppError('plans.task_not_found');
    if (current.version !== input.version) throw new AppError('plans.version_conflict', { currentVersion: current.version });
    const updated = await tx
      .updateTable('plan_tasks')
      .set({
        responsible_person: input.responsiblePerson !== undefined ? input.responsiblePerson : current.responsible_person,
        title_vi: input.titleVi ?? current.title_vi,
        content_vi: input.contentVi ?? current.content_vi,
        lead_agency: input.leadAgency ?? current.lead_agency,
        co_lead_agencies: input.coLeadAgencies ?? current.co_lead_agencies,
        coordinating_agencies: input.coordinatingAgencies ?? current.coordinating_agencies,
        expected_product_vi: input.expectedProductVi !== undefined ? input.expectedProductVi : current.expected_product_vi,
        authority_vi: input.authorityVi !== undefined ? input.authorityVi : current.authority_vi,
        gate_ids: input.gateIds ?? current.gate_ids,
        version: current.version + 1,
        updated_at: ctx.app.now(),
      })
      .where('id', '=', taskId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, pa.actor, ctx.requestId, {
      action: 'plan_task.updated',
      entityType: 'plan_task',
      entityId: taskId,
      before: snapshot(current),
      after: snapshot({ ...current, ...updated }),
      reason: input.reason,
    });
  });
  const fresh = await repo.findTaskRow(ctx.app.db, taskId);
  return (await toTasks(ctx, pa, [fresh!]))[0];
}

export async function addTask(
  ctx: RequestContext,
  planId: string,
  input: TaskInput,
  idempotencyKey: string | undefined,
): Promise<IdempotentResult<PlanTask>> {
  const { pa, row: plan } = await loadPlan(ctx, planId);
  requirePlanManager(pa, plan.issuer_agency);
  const problems = taskProblems(input, await knownReferences(ctx.app.db), '');
  if (problems.length > 0) throw new AppError('plans.invalid_task', { errors: problems });
  const result = await runIdempotent(ctx, { scope: `${pa.actor.userId}:plans.task-add:${planId}`, key: idempotencyKey, request: input }, async (tx) => {
    const last = await tx.selectFrom('plan_tasks').select((eb) => eb.fn.max('position').as('p')).where('plan_id', '=', planId).executeTakeFirst();
    let ids: Map<string, string>;
    try {
      ids = await insertTasks(tx, planId, [input], { startYear: plan.start_year, endYear: plan.end_year }, Number(last?.p ?? 0) + 1, ctx.app.now());
    } catch (error) {
      if (isUniqueViolation(error, 'plan_tasks_ref_unique')) throw new AppError('plans.task_ref_taken');
      throw error;
    }
    const id = ids.get(input.ref)!;
    await recordAudit(tx, pa.actor, ctx.requestId, { action: 'plan_task.created', entityType: 'plan_task', entityId: id, after: { planId, ...input } });
    return { status: 201, body: { id } as unknown as PlanTask };
  });
  const id = (result.body as unknown as { id: string }).id;
  const row = await repo.findTaskRow(ctx.app.db, id);
  return { ...result, body: (await toTasks(ctx, pa, [row!]))[0] };
}
