import type { Transaction } from 'kysely';
import type { Trip } from '../../../shared/schemas/trips';
import type { Database } from '../db/database';
import { requirePermission, type Actor } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { inEnterpriseScope } from '../fleet/scope';
import { endPasses } from '../passes/issue';
import { hasPendingCharge, pendingRefundTotal } from '../payments/payments.repository';
import { refundTrip } from '../payments/refunds';
import { gateTimeZone } from './expiry';
import { assertAction } from './lifecycle';
import { refundRulesOn } from './rules';
import { instantAt, todayIn } from './time';
import { runTripHooks } from './hooks';
import { recordTripChange } from './timeline';
import { tripView } from './trip-view';
import { findTripRow, type TripRow } from './trips.repository';

// Ending a trip before it crosses: cancelled by the enterprise, or expired by the system. What
// was paid is refunded by the refund rules in force (reference/payments/refund-rules.json).

export interface RefundDecision {
  percent: number;
  amount: number;
  rule: string;
  ruleSet: string;
  description: { vi: string; en: string };
}

export async function refundDecision(tx: Transaction<Database>, row: TripRow, event: 'cancel' | 'expire', now: Date): Promise<RefundDecision> {
  const rules = refundRulesOn(todayIn(now));
  let percent: number;
  let rule: string;
  let description: { vi: string; en: string };
  if (event === 'expire') {
    percent = rules.expire.percent;
    rule = rules.expire.descriptionEn;
    description = { vi: rules.expire.descriptionVi, en: rules.expire.descriptionEn };
  } else {
    const start = row.planned_date && row.window_from ? instantAt(row.planned_date, row.window_from, await gateTimeZone(tx, row.gate_id)) : null;
    const hoursBefore = start ? (start.getTime() - now.getTime()) / 3_600_000 : Infinity;
    const tier = rules.cancel.find((t) => t.minHoursBefore === null || hoursBefore >= t.minHoursBefore)!;
    percent = tier.percent;
    rule = tier.descriptionEn;
    description = { vi: tier.descriptionVi, en: tier.descriptionEn };
  }
  // Whole đồng, rounded down: the refund never exceeds the share the rules give.
  const paid = row.paid_amount - (await pendingRefundTotal(tx, row.id));
  return { percent, amount: Math.floor((paid * percent) / 100), rule: `${rules.id}: ${rule}`, ruleSet: rules.id, description };
}

/** Moves a locked trip to cancelled or expired, revokes its pass and refunds by the rules. */
export async function endTrip(tx: Transaction<Database>, actor: Actor, requestId: string | null, row: TripRow, event: 'cancel' | 'expire', reason: string | null, now: Date) {
  const to = assertAction(row, event, await hasPendingCharge(tx, row.id));
  const refund = row.paid_amount > 0 ? await refundDecision(tx, row, event, now) : null;
  await tx
    .updateTable('trips')
    .set({
      status: to,
      ...(to === 'cancelled' ? { cancelled_at: now } : { expired_at: now }),
      expires_at: null,
      version: row.version + 1,
      updated_at: now,
    })
    .where('id', '=', row.id)
    .execute();
  const revoked = await endPasses(tx, row.id, 'revoked', now);
  await recordTripChange(tx, actor, requestId, {
    tripId: row.id,
    action: to,
    from: row.status,
    to,
    at: now,
    reason,
    details: { refund, passRevoked: revoked > 0 },
  });
  if (refund && refund.amount > 0) {
    await refundTrip(tx, actor, requestId, { id: row.id, status: to }, refund.amount, 'cancellation_refund', now);
  }
  await runTripHooks('ended', { tx, actor, requestId, trip: (await findTripRow(tx, row.id))!, previousStatus: row.status, now });
}

export async function cancelTrip(ctx: RequestContext, id: string, version: number, reason: string): Promise<Trip> {
  const actor = requirePermission(ctx.actor, 'trips:write');
  return ctx.app.db.transaction().execute(async (tx) => {
    const now = ctx.app.now();
    const row = await findTripRow(tx, id, true);
    if (!row || !inEnterpriseScope(actor, row.enterprise_id)) throw new AppError('trips.not_found');
    if (row.version !== version) throw new AppError('trips.version_conflict', { currentVersion: row.version });
    await endTrip(tx, actor, ctx.requestId, row, 'cancel', reason, now);
    return tripView(tx, actor, (await findTripRow(tx, id))!);
  });
}

/**
 * What cancelling now would refund, by the same rules and clock the cancellation uses, so the
 * enterprise sees the figure before it confirms. Changes nothing.
 */
export async function refundPreview(ctx: RequestContext, id: string): Promise<RefundDecision & { paid: number }> {
  const actor = requirePermission(ctx.actor, 'trips:write');
  return ctx.app.db.transaction().execute(async (tx) => {
    const row = await findTripRow(tx, id);
    if (!row || !inEnterpriseScope(actor, row.enterprise_id)) throw new AppError('trips.not_found');
    assertAction(row, 'cancel', await hasPendingCharge(tx, row.id));
    const decision = await refundDecision(tx, row, 'cancel', ctx.app.now());
    return { ...decision, paid: row.paid_amount };
  });
}
