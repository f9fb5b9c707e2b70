import type { TaskActionRequest, TaskDetail } from '../../../shared/schemas/plans';
import { allowedTaskActions, taskTransition, type TaskStatus } from '../../../shared/workflows/plan-task';
import { requirePermission } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { runIdempotent, type IdempotentResult } from '../platform/idempotency';
import { planToday } from './clock';
import * as repo from './plans.repository';
import { getTask, loadTask } from './read.service';
import { taskActorRoles } from './scope';
import { applyTransition } from './transition';

// One workflow step on a task or an occurrence, checked against the transition table in shared/.

const NEEDS_REASON = new Set(['cancel', 'reschedule', 'reopen', 'restore']);

export async function takeTaskAction(
  ctx: RequestContext,
  planId: string,
  taskId: string,
  input: TaskActionRequest,
  idempotencyKey: string | undefined,
): Promise<IdempotentResult<TaskDetail>> {
  const { pa, row } = await loadTask(ctx, planId, taskId);
  requirePermission(pa.actor, 'plans:write');
  const roles = taskActorRoles(pa, row, row.plan_issuer);
  // Who may act is answered before whether the action fits the current status.
  if (roles.length === 0) throw new AppError('plans.task_not_assigned');
  if (row.recurring && !input.occurrenceId && (input.action === 'reschedule' || input.action === 'start' || input.action === 'complete')) {
    throw new AppError('plans.occurrence_required');
  }
  const problems = [];
  if (NEEDS_REASON.has(input.action) && !input.reason) problems.push({ path: '/reason', message: `${input.action} needs a reason` });
  if (input.action === 'reschedule') {
    if (!input.newDeadline) problems.push({ path: '/newDeadline', message: 'reschedule needs the new deadline' });
    else if (input.newDeadline < planToday(ctx.app.now())) problems.push({ path: '/newDeadline', message: 'the new deadline is in the past' });
  } else if (input.newDeadline) problems.push({ path: '/newDeadline', message: 'only reschedule takes a new deadline' });
  if (problems.length > 0) throw new AppError('plans.invalid_task', { errors: problems });

  const result = await runIdempotent(
    ctx,
    { scope: `${pa.actor.userId}:plans.task-action:${taskId}`, key: idempotencyKey, request: input },
    async (tx) => {
      const { task, occurrence } = await repo.lockTaskAndOccurrence(tx, taskId, input.occurrenceId);
      if (occurrence && task.status === 'cancelled') throw new AppError('plans.action_not_allowed', { allowedActions: [] }, 'The task is cancelled');
      const target = occurrence ?? task;
      if (target.version !== input.version) throw new AppError('plans.version_conflict', { currentVersion: target.version });
      const status = target.status as TaskStatus;
      const transition = taskTransition(status, input.action);
      if (!transition) throw new AppError('plans.action_not_allowed', { allowedActions: allowedTaskActions(status, roles) });
      if (!transition.by.some((r) => roles.includes(r))) {
        throw new AppError(transition.by.includes('owner') ? 'plans.not_plan_owner' : 'plans.task_not_assigned');
      }
      await applyTransition(tx, {
        actor: pa.actor,
        requestId: ctx.requestId,
        now: ctx.app.now(),
        task,
        occurrence,
        action: input.action,
        to: transition.to,
        reason: input.reason,
        newDeadline: input.newDeadline,
      });
      return { status: 200, body: null as unknown as TaskDetail };
    },
  );
  // The detail is read after the commit so it shows the new state (a replay reads it fresh too).
  return { ...result, body: await getTask(ctx, planId, taskId) };
}
