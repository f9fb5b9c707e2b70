import type { CreatePaymentRequest, Payment } from '../../../shared/schemas/payments';
import { requirePermission } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { runIdempotent, type IdempotentResult } from '../platform/idempotency';
import { inEnterpriseScope } from '../fleet/scope';
import { assertAction, outstandingOf } from '../trips/lifecycle';
import { recordTripChange } from '../trips/timeline';
import { findTripRow } from '../trips/trips.repository';
import { hasPendingCharge, toPayment } from './payments.repository';
import { paymentProvider } from './provider';

// Paying what a trip owes (its fee, or the extra charge left by an amendment). The key is scoped
// to the trip, so a double click or a retry from another tab charges once: the first request
// holds the key row until it commits and the others replay its answer; the unique constraint
// on (trip, key) and the one-pending-charge index stop anything that slips past.

export async function createPayment(
  ctx: RequestContext,
  tripId: string,
  input: CreatePaymentRequest,
  key: string,
): Promise<IdempotentResult<Payment>> {
  const actor = requirePermission(ctx.actor, 'trips:write');
  const visible = await findTripRow(ctx.app.db, tripId);
  if (!visible || !inEnterpriseScope(actor, visible.enterprise_id)) throw new AppError('trips.not_found');
  return runIdempotent(ctx, { scope: `trip:${tripId}:payments`, key, request: input }, async (tx) => {
    const now = ctx.app.now();
    const trip = (await findTripRow(tx, tripId, true))!;
    const pending = await hasPendingCharge(tx, tripId);
    if (pending) throw new AppError('payments.in_progress');
    const due = outstandingOf(trip);
    if (['submitted', 'paid'].includes(trip.status) && due <= 0) throw new AppError('payments.nothing_due');
    assertAction(trip, 'pay', false);
    if (input.amount !== due) throw new AppError('payments.amount_mismatch', { amountDue: due });
    const provider = paymentProvider();
    const purpose = trip.status === 'submitted' ? 'trip_fee' : 'settlement';
    const row = await tx
      .insertInto('payments')
      .values({
        trip_id: tripId,
        kind: 'charge',
        purpose,
        amount: due,
        provider: provider.name,
        payer_account: input.payerAccount,
        idempotency_key: key,
        created_by: actor.userId,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const accepted = await provider.createCharge(tx, { merchantReference: row.id, amount: due, payerAccount: input.payerAccount, description: `Phí cửa khẩu ${trip.reference}` }, now);
    await tx.updateTable('payments').set({ provider_reference: accepted.providerReference }).where('id', '=', row.id).execute();
    await recordTripChange(tx, actor, ctx.requestId, {
      tripId,
      action: 'payment_initiated',
      from: trip.status,
      to: trip.status,
      at: now,
      details: { paymentId: row.id, amount: due, purpose, providerReference: accepted.providerReference },
    });
    return { status: 201, body: toPayment({ ...row, provider_reference: accepted.providerReference }, trip.reference) };
  });
}
