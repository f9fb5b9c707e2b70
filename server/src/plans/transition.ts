import type { Transaction } from 'kysely';
import type { TaskAction, TaskStatus } from '../../../shared/workflows/plan-task';
import { recordAudit } from '../audit/audit.repository';
import type { Database } from '../db/database';
import { actorLabel, type Actor } from '../platform/actor';
import type { OccurrenceRow, TaskRow } from './plans.repository';
import { recordEvent } from './plans.repository';

// Applies one workflow step to a task or to one occurrence of it: the current-status column,
// the append-only event and the audit entry, in the caller's transaction.

export interface TransitionArgs {
  actor: Actor;
  requestId: string | null;
  now: Date;
  task: Pick<TaskRow, 'id' | 'plan_id' | 'status' | 'progress_percent' | 'deadline' | 'version'>;
  occurrence?: Pick<OccurrenceRow, 'id' | 'status' | 'progress_percent' | 'due_date' | 'version'> | null;
  action: TaskAction;
  to: TaskStatus;
  reason?: string | null;
  progressPercent?: number;
  newDeadline?: string;
}

export async function applyTransition(tx: Transaction<Database>, a: TransitionArgs): Promise<void> {
  const target = a.occurrence ?? a.task;
  const from = target.status as TaskStatus;
  const progress = a.to === 'done' ? 100 : (a.progressPercent ?? target.progress_percent);
  const userId = a.actor.kind === 'user' || a.actor.kind === 'token' ? a.actor.userId : null;
  if (a.occurrence) {
    const o = a.occurrence;
    await tx
      .updateTable('plan_task_occurrences')
      .set({ status: a.to, progress_percent: progress, due_date: a.newDeadline ?? o.due_date, version: o.version + 1, updated_at: a.now })
      .where('id', '=', o.id)
      .execute();
  } else {
    await tx
      .updateTable('plan_tasks')
      .set({ status: a.to, progress_percent: progress, deadline: a.newDeadline ?? a.task.deadline, version: a.task.version + 1, updated_at: a.now })
      .where('id', '=', a.task.id)
      .execute();
  }
  const entityType = a.occurrence ? 'occurrence' : 'task';
  const before = { status: from, progressPercent: target.progress_percent, due: a.occurrence ? a.occurrence.due_date : a.task.deadline };
  const after = { status: a.to, progressPercent: progress, due: a.newDeadline ?? before.due };
  await recordEvent(tx, {
    planId: a.task.plan_id,
    entityType,
    entityId: target.id,
    action: a.action,
    from,
    to: a.to,
    actorUserId: userId,
    actorLabel: actorLabel(a.actor),
    reason: a.reason ?? null,
    detail: a.newDeadline ? { newDeadline: a.newDeadline } : undefined,
    at: a.now,
  });
  await recordAudit(tx, a.actor, a.requestId, {
    action: `plan_${entityType}.${a.action}`,
    entityType: `plan_${entityType}`,
    entityId: target.id,
    before,
    after,
    reason: a.reason ?? null,
  });
}
