import type { AgencyRef, ReminderRequest, ReminderResult } from '../../../shared/schemas/plans';
import { recordAudit } from '../audit/audit.repository';
import { notifyUsers } from '../notifications/notify';
import { actorLabel } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { runIdempotent, type IdempotentResult } from '../platform/idempotency';
import { planToday } from './clock';
import { reminderNotice } from './notices';
import * as repo from './plans.repository';
import { agencyRef } from './plans.mapper';
import { loadPlan } from './read.service';
import { usersOfAgencies } from './recipients';
import { requirePlanManager } from './scope';

// The plan owner reminds the lead agencies of chosen tasks (or of every late task): one notice
// per person listing their agency's tasks, in the app and by e-mail / SMS.

export async function sendReminders(
  ctx: RequestContext,
  planId: string,
  input: ReminderRequest,
  idempotencyKey: string | undefined,
): Promise<IdempotentResult<ReminderResult>> {
  const { pa, row: plan } = await loadPlan(ctx, planId);
  requirePlanManager(pa, plan.issuer_agency);
  if (!input.taskIds && !input.lateOnly) {
    throw new AppError('plans.invalid_task', { errors: [{ path: '/taskIds', message: 'name the tasks or ask for every late task (lateOnly)' }] });
  }
  const db = ctx.app.db;
  const filter: repo.TaskFilter = { planId, lateOn: input.lateOnly ? planToday(ctx.app.now()) : undefined };
  const { rows } = await repo.listTaskRows(db, filter, { limit: 5000, offset: 0 });
  const tasks = input.taskIds ? rows.filter((r) => input.taskIds!.includes(r.id)) : rows;
  if (input.taskIds) {
    const missing = input.taskIds.filter((id) => !tasks.some((t) => t.id === id));
    if (missing.length > 0) throw new AppError('plans.invalid_task', { errors: missing.map((id) => ({ path: '/taskIds', message: `no task ${id} in this plan` })) });
  }
  const names = await repo.agencyNames(db);
  return runIdempotent(ctx, { scope: `${pa.actor.userId}:plans.remind:${planId}`, key: idempotencyKey, request: input }, async (tx) => {
    const byAgency = new Map<string, typeof tasks>();
    for (const t of tasks) for (const a of [t.lead_agency, ...t.co_lead_agencies]) byAgency.set(a, [...(byAgency.get(a) ?? []), t]);
    // A person hears once, listing every task of the agencies they answer for.
    const byUser = new Map<string, typeof tasks>();
    for (const [agency, list] of byAgency) {
      for (const u of await usersOfAgencies(tx, [agency], 'plans:write')) {
        const mine = byUser.get(u.id) ?? [];
        for (const t of list) if (!mine.includes(t)) mine.push(t);
        byUser.set(u.id, mine);
      }
    }
    const result: ReminderResult = { agencies: [...byAgency.keys()].map((c): AgencyRef => agencyRef(names, c)), tasks: tasks.length, notices: 0, messages: 0 };
    for (const [userId, list] of byUser) {
      const sent = await notifyUsers(
        tx,
        [userId],
        reminderNotice(planId, plan.title_vi, list.map((t) => ({ ref: t.ref, titleVi: t.title_vi })), input.messageVi),
        { now: ctx.app.now(), channels: input.channels ?? ['in_app', 'email'] },
      );
      result.notices += sent.notices;
      result.messages += sent.messages;
    }
    await repo.recordEvent(tx, {
      planId,
      entityType: 'plan',
      entityId: planId,
      action: 'remind',
      actorUserId: pa.actor.userId,
      actorLabel: actorLabel(pa.actor),
      reason: input.messageVi ?? null,
      detail: { taskIds: tasks.map((t) => t.id), agencies: [...byAgency.keys()] },
      at: ctx.app.now(),
    });
    await recordAudit(tx, pa.actor, ctx.requestId, { action: 'plan.reminder_sent', entityType: 'plan', entityId: planId, after: { ...result, agencies: [...byAgency.keys()] } });
    return { status: 200, body: result };
  });
}
