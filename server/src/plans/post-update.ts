import type { Transaction } from 'kysely';
import type { CreateTaskUpdateRequest, TaskUpdate } from '../../../shared/schemas/plans';
import { allowedTaskActions, taskTransition, type TaskStatus } from '../../../shared/workflows/plan-task';
import { recordAudit } from '../audit/audit.repository';
import type { Database } from '../db/database';
import { actorLabel } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError, type FieldError } from '../platform/errors';
import { runIdempotent, type IdempotentResult } from '../platform/idempotency';
import * as repo from './plans.repository';
import { loadTask } from './read.service';
import { requireTaskUpdater, taskActorRoles } from './scope';
import { applyTransition } from './transition';
import { listTaskUpdates } from './updates.read';

// A progress update: what was done, how far along, and what proves it (files, audit entries,
// gate versions, links). The lead agency (and the owner) may also move the status with it;
// coordinating agencies report their contribution as text and evidence.

type Tx = Transaction<Database>;

async function evidenceRows(tx: Tx, planId: string, input: CreateTaskUpdateRequest) {
  const problems: FieldError[] = [];
  const rows: Array<Omit<Database['plan_update_evidence'], 'update_id' | 'position'>> = [];
  for (const [i, fileId] of (input.fileIds ?? []).entries()) {
    const file = await tx.selectFrom('plan_files').select(['id', 'file_name']).where('id', '=', fileId).where('plan_id', '=', planId).executeTakeFirst();
    if (!file) problems.push({ path: `/fileIds/${i}`, message: `no file ${fileId} in this plan` });
    else rows.push({ kind: 'file', file_id: file.id, audit_id: null, gate_id: null, gate_version: null, url: null, label: file.file_name });
  }
  for (const [i, link] of (input.links ?? []).entries()) {
    if (link.kind === 'audit') {
      const entry = await tx.selectFrom('audit_log').select(['id', 'action', 'entity_type', 'entity_id']).where('id', '=', link.auditId).executeTakeFirst();
      if (!entry) problems.push({ path: `/links/${i}`, message: `no audit entry ${link.auditId}` });
      else rows.push({ kind: 'audit', file_id: null, audit_id: entry.id, gate_id: null, gate_version: null, url: null, label: `${entry.action} ${entry.entity_type}/${entry.entity_id}` });
    } else if (link.kind === 'gate_version') {
      const v = await tx.selectFrom('gate_versions').select(['gate_id', 'version', 'reason']).where('gate_id', '=', link.gateId).where('version', '=', link.version).executeTakeFirst();
      if (!v) problems.push({ path: `/links/${i}`, message: `gate ${link.gateId} has no version ${link.version}` });
      else rows.push({ kind: 'gate_version', file_id: null, audit_id: null, gate_id: v.gate_id, gate_version: v.version, url: null, label: `${v.gate_id} v${v.version}: ${v.reason}` });
    } else {
      rows.push({ kind: 'url', file_id: null, audit_id: null, gate_id: null, gate_version: null, url: link.url, label: link.url });
    }
  }
  if (problems.length > 0) throw new AppError('plans.invalid_evidence', { errors: problems });
  return rows;
}

export async function postTaskUpdate(
  ctx: RequestContext,
  planId: string,
  taskId: string,
  input: CreateTaskUpdateRequest,
  idempotencyKey: string | undefined,
): Promise<IdempotentResult<TaskUpdate>> {
  const { pa, row } = await loadTask(ctx, planId, taskId);
  requireTaskUpdater(pa, row, row.plan_issuer);
  const roles = taskActorRoles(pa, row, row.plan_issuer);
  if ((input.action || input.progressPercent !== undefined) && roles.length === 0) {
    throw new AppError('plans.task_not_assigned', {}, 'A coordinating agency reports text and evidence; the lead agency sets progress and status');
  }
  if (row.recurring && (input.action || input.progressPercent !== undefined) && !input.occurrenceId) throw new AppError('plans.occurrence_required');

  const result = await runIdempotent(
    ctx,
    { scope: `${pa.actor.userId}:plans.task-update:${taskId}`, key: idempotencyKey, request: input },
    async (tx) => {
      const { task, occurrence } = await repo.lockTaskAndOccurrence(tx, taskId, input.occurrenceId);
      const evidence = await evidenceRows(tx, planId, input);
      const now = ctx.app.now();
      const target = occurrence ?? task;
      let status = target.status as TaskStatus;
      if (input.action) {
        const transition = taskTransition(status, input.action);
        if (!transition || !transition.by.some((r) => roles.includes(r))) {
          throw new AppError('plans.action_not_allowed', { allowedActions: allowedTaskActions(status, roles) });
        }
        await applyTransition(tx, { actor: pa.actor, requestId: ctx.requestId, now, task, occurrence, action: input.action, to: transition.to, progressPercent: input.progressPercent });
        status = transition.to;
      } else if (input.progressPercent !== undefined) {
        const table = occurrence ? 'plan_task_occurrences' : 'plan_tasks';
        await tx.updateTable(table).set({ progress_percent: input.progressPercent, version: target.version + 1, updated_at: now }).where('id', '=', target.id).execute();
      }
      // The first occurrence worked on puts the recurring task itself in progress.
      if (occurrence && task.status === 'not_started' && status !== 'not_started') {
        await applyTransition(tx, { actor: pa.actor, requestId: ctx.requestId, now, task, action: 'start', to: 'in_progress', reason: `occurrence ${occurrence.label}` });
      }
      const update = await tx
        .insertInto('plan_task_updates')
        .values({
          task_id: taskId,
          occurrence_id: occurrence?.id ?? null,
          agency_code: pa.actor.agencyCode,
          author_user_id: pa.actor.userId,
          author_label: actorLabel(pa.actor),
          text_vi: input.textVi,
          progress_percent: input.action === 'complete' ? 100 : (input.progressPercent ?? null),
          action: input.action ?? null,
          status_after: status,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (evidence.length > 0) {
        await tx.insertInto('plan_update_evidence').values(evidence.map((e, i) => ({ ...e, update_id: update.id, position: i + 1 }))).execute();
      }
      await tx.updateTable('plan_tasks').set({ last_update_at: now }).where('id', '=', taskId).execute();
      await recordAudit(tx, pa.actor, ctx.requestId, {
        action: 'plan_task.update_posted',
        entityType: 'plan_task',
        entityId: taskId,
        after: { updateId: update.id, occurrenceId: occurrence?.id ?? null, progressPercent: input.progressPercent ?? null, action: input.action ?? null, evidence: evidence.length },
      });
      const updates = await listTaskUpdates(tx, taskId);
      return { status: 201, body: updates.find((u) => u.id === update.id)! };
    },
  );
  return result;
}
