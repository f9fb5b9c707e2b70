import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database';
import type { Actor } from '../platform/actor';
import { completeIfCovered } from '../trips/paid';
import { recordTripChange } from '../trips/timeline';
import { findTripRow } from '../trips/trips.repository';
import { nextReceiptNumber } from './payments.repository';
import { paymentProvider, type ProviderEvent } from './provider';

// Applying the provider's confirmations (its webhook, here a queue read by a job). Each event is
// applied once, in one transaction with the trip's change, the receipt number and the pass.

const providerActor = (name: string): Actor => ({ kind: 'system', label: `payment-provider:${name}` });

export async function applyProviderEvent(tx: Transaction<Database>, event: ProviderEvent, now: Date): Promise<boolean> {
  const payment = await tx.selectFrom('payments').selectAll().where('id', '=', event.merchantReference).forUpdate().executeTakeFirst();
  // Unknown to the platform or already applied: delivering twice changes nothing.
  if (!payment || payment.status !== 'pending') return false;
  const actor = providerActor(payment.provider);
  const trip = (await findTripRow(tx, payment.trip_id, true))!;
  const base = { tripId: trip.id, from: trip.status, to: trip.status, at: now };
  if (event.status === 'failed') {
    await tx.updateTable('payments').set({ status: 'failed', failure_code: event.failureCode, confirmed_at: now }).where('id', '=', payment.id).execute();
    await recordTripChange(tx, actor, null, {
      ...base,
      action: payment.kind === 'charge' ? 'payment_failed' : 'refund_failed',
      details: { paymentId: payment.id, amount: payment.amount, failureCode: event.failureCode },
    });
    return true;
  }
  if (payment.kind === 'charge') {
    const receiptNumber = await nextReceiptNumber(tx, now);
    await tx.updateTable('payments').set({ status: 'succeeded', confirmed_at: now, receipt_number: receiptNumber }).where('id', '=', payment.id).execute();
    await tx.updateTable('trips').set({ paid_amount: trip.paid_amount + payment.amount, version: trip.version + 1, updated_at: now }).where('id', '=', trip.id).execute();
    await recordTripChange(tx, actor, null, { ...base, action: 'payment_succeeded', details: { paymentId: payment.id, amount: payment.amount, receiptNumber } });
    await completeIfCovered(tx, actor, null, trip.id, now);
  } else {
    await tx.updateTable('payments').set({ status: 'succeeded', confirmed_at: now }).where('id', '=', payment.id).execute();
    await tx.updateTable('trips').set({ paid_amount: trip.paid_amount - payment.amount, version: trip.version + 1, updated_at: now }).where('id', '=', trip.id).execute();
    await recordTripChange(tx, actor, null, { ...base, action: 'refund_succeeded', details: { paymentId: payment.id, amount: payment.amount } });
  }
  return true;
}

/**
 * Settles due transactions at the provider, then applies the confirmations not yet delivered (up
 * to 500 a run; the job runs every few seconds). A confirmation that cannot be applied stays
 * undelivered and is retried next run; the others are not held up by it.
 */
export async function processPayments(db: Kysely<Database>, now: Date): Promise<{ processed: number; succeeded: number; failed: number }> {
  const provider = paymentProvider();
  await provider.settle(db, now);
  const counts = { processed: 0, succeeded: 0, failed: 0 };
  const errors: unknown[] = [];
  for (const event of await provider.undeliveredEvents(db, 500)) {
    try {
      await db.transaction().execute(async (tx) => {
        const applied = await applyProviderEvent(tx, event, now);
        await provider.markDelivered(tx, event.providerReference, now);
        if (applied) {
          counts.processed++;
          counts[event.status]++;
        }
      });
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length > 0) throw new AggregateError(errors, `${errors.length} payment confirmations could not be applied`);
  return counts;
}
