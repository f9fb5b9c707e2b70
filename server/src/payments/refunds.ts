import type { Transaction } from 'kysely';
import type { Database } from '../db/database';
import type { Actor } from '../platform/actor';
import { recordTripChange } from '../trips/timeline';
import { paymentProvider } from './provider';

// Refunds go back to the accounts that paid, newest charge first, through the provider; each is a
// refund payment linked to its charge and is confirmed asynchronously like a charge.

export async function refundTrip(
  tx: Transaction<Database>,
  actor: Actor,
  requestId: string | null,
  trip: { id: string; status: string },
  amount: number,
  purpose: 'amendment_refund' | 'cancellation_refund',
  now: Date,
): Promise<string[]> {
  if (amount <= 0) return [];
  const charges = await tx
    .selectFrom('payments')
    .selectAll()
    .where('trip_id', '=', trip.id)
    .where('kind', '=', 'charge')
    .where('status', '=', 'succeeded')
    .orderBy('confirmed_at', 'desc')
    // Receipts are numbered in confirmation order: the tie-break when two confirmations share an instant.
    .orderBy('receipt_number', 'desc')
    .execute();
  const refunded = await tx
    .selectFrom('payments')
    .select(['refund_of', (eb) => eb.fn.sum<number>('amount').as('total')])
    .where('trip_id', '=', trip.id)
    .where('kind', '=', 'refund')
    .where('status', '<>', 'failed')
    .groupBy('refund_of')
    .execute();
  const already = new Map(refunded.map((r) => [r.refund_of, Number(r.total)]));
  const provider = paymentProvider();
  const ids: string[] = [];
  let remaining = amount;
  for (const charge of charges) {
    if (remaining <= 0) break;
    const take = Math.min(remaining, charge.amount - (already.get(charge.id) ?? 0));
    if (take <= 0) continue;
    const refund = await tx
      .insertInto('payments')
      .values({ trip_id: trip.id, kind: 'refund', purpose, amount: take, provider: provider.name, payer_account: charge.payer_account, refund_of: charge.id, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const accepted = await provider.createRefund(tx, { merchantReference: refund.id, amount: take, payerAccount: charge.payer_account!, originalProviderReference: charge.provider_reference! }, now);
    await tx.updateTable('payments').set({ provider_reference: accepted.providerReference }).where('id', '=', refund.id).execute();
    await recordTripChange(tx, actor, requestId, {
      tripId: trip.id,
      action: 'refund_initiated',
      from: trip.status,
      to: trip.status,
      at: now,
      details: { paymentId: refund.id, amount: take, purpose, refundOf: charge.id },
    });
    ids.push(refund.id);
    remaining -= take;
  }
  return ids;
}
