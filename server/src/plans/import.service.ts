import crypto from 'node:crypto';
import type { CreatePlanRequest, ImportPlanRequest, PlanInput, Plan } from '../../../shared/schemas/plans';
import { recordAudit } from '../audit/audit.repository';
import { actorLabel, requirePermission } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError, isUniqueViolation } from '../platform/errors';
import { runIdempotent, type IdempotentResult } from '../platform/idempotency';
import { planProblems } from './plan-validation';
import { recordEvent } from './plans.repository';
import { getPlan } from './read.service';
import { agencyWithSubUnits } from './scope';
import { insertPlan, knownReferences } from './write-plan';

// A staff member creates a plan in the UI or imports one from a structured file (the shape of
// reference/plans/plan-NNN.json). Either the whole plan is written or nothing is: every problem
// of the file (bad dates, unknown agencies or gates, repeated numbers) is listed in one 422.

async function writeNewPlan(
  ctx: RequestContext,
  plan: PlanInput,
  meta: { source: string; datasetVersion: string | null; action: string },
  key: string | undefined,
  request: unknown,
): Promise<IdempotentResult<Plan>> {
  const actor = requirePermission(ctx.actor, 'plans:manage');
  // Staff create plans for their own agency (or its sub-units); administrators for any.
  if (actor.role !== 'admin' && !(await agencyWithSubUnits(ctx.app.db, actor.agencyCode)).has(plan.issuer)) throw new AppError('plans.not_plan_owner');
  const problems = planProblems(plan, await knownReferences(ctx.app.db));
  if (problems.length > 0) throw new AppError('plans.invalid_plan', { errors: problems });
  const result = await runIdempotent(ctx, { scope: `${actor.userId}:plans.${meta.action}`, key, request }, async (tx) => {
    try {
      await insertPlan(tx, plan, { source: meta.source, datasetVersion: meta.datasetVersion, createdBy: actor.userId, now: ctx.app.now() });
    } catch (error) {
      if (isUniqueViolation(error, 'plans_pk')) throw new AppError('plans.already_exists');
      throw error;
    }
    await recordEvent(tx, { planId: plan.id, entityType: 'plan', entityId: plan.id, action: meta.action, actorUserId: actor.userId, actorLabel: actorLabel(actor), at: ctx.app.now() });
    await recordAudit(tx, actor, ctx.requestId, {
      action: `plan.${meta.action}`,
      entityType: 'plan',
      entityId: plan.id,
      after: { id: plan.id, issuer: plan.issuer, titleVi: plan.titleVi, tasks: plan.tasks.length, kpis: plan.kpis?.length ?? 0, delegations: plan.delegations?.length ?? 0, source: meta.source },
    });
    return { status: 201, body: { id: plan.id } as unknown as Plan };
  });
  // A replay returns the plan the first request created (a generated id is not made again).
  return { ...result, body: await getPlan(ctx, (result.body as unknown as { id: string }).id) };
}

export function importPlan(ctx: RequestContext, file: ImportPlanRequest, key: string | undefined): Promise<IdempotentResult<Plan>> {
  return writeNewPlan(ctx, file.plan, { source: 'import', datasetVersion: file.version ?? null, action: 'imported' }, key, file);
}

export function createPlan(ctx: RequestContext, input: CreatePlanRequest, key: string | undefined): Promise<IdempotentResult<Plan>> {
  const plan: PlanInput = { ...input, id: input.id ?? `kh-${crypto.randomBytes(4).toString('hex')}`, tasks: input.tasks ?? [] };
  // A generated id must not make a retried request look different.
  return writeNewPlan(ctx, plan, { source: 'ui', datasetVersion: null, action: 'created' }, key, input);
}
