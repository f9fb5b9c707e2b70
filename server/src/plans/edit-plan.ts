import type { Plan, UpdatePlanRequest } from '../../../shared/schemas/plans';
import { recordAudit } from '../audit/audit.repository';
import type { RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';
import * as repo from './plans.repository';
import { getPlan, loadPlan } from './read.service';
import { requirePlanManager } from './scope';

// The owner corrects the header of a plan (number, date, title), e.g. once the number is issued.

export async function updatePlan(ctx: RequestContext, planId: string, input: UpdatePlanRequest): Promise<Plan> {
  const { pa, row } = await loadPlan(ctx, planId);
  requirePlanManager(pa, row.issuer_agency);
  await ctx.app.db.transaction().execute(async (tx) => {
    const current = await repo.findPlanRow(tx, planId, true);
    if (!current) throw new AppError('plans.not_found');
    if (current.version !== input.version) throw new AppError('plans.version_conflict', { currentVersion: current.version });
    const next = {
      number: input.number !== undefined ? input.number : current.number,
      issued_on: input.issuedOn !== undefined ? input.issuedOn : current.issued_on,
      title_vi: input.titleVi ?? current.title_vi,
      title_en: input.titleEn !== undefined ? input.titleEn : current.title_en,
    };
    await tx.updateTable('plans').set({ ...next, version: current.version + 1, updated_at: ctx.app.now() }).where('id', '=', planId).execute();
    const pick = (r: typeof next) => ({ number: r.number, issuedOn: r.issued_on, titleVi: r.title_vi, titleEn: r.title_en });
    await recordAudit(tx, pa.actor, ctx.requestId, {
      action: 'plan.updated',
      entityType: 'plan',
      entityId: planId,
      before: pick(current),
      after: pick(next),
      reason: input.reason,
    });
  });
  return getPlan(ctx, planId);
}
