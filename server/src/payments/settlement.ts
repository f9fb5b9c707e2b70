import type { Transaction } from 'kysely';
import type { Database } from '../db/database';
import type { Actor } from '../platform/actor';
import { recordTripChange } from '../trips/timeline';
import type { TripRow } from '../trips/trips.repository';
import { pendingRefundTotal } from './payments.repository';
import { refundTrip } from './refunds';

// An amendment after payment recomputes the fee; the difference with what was paid is settled:
// more to pay becomes the trip's outstanding amount (paid like the fee, then a new pass), less
// to pay is refunded at once through the provider.

export interface Settlement {
  kind: 'extra_charge' | 'refund' | 'none';
  difference: number;
}

export async function settleAmendment(
  tx: Transaction<Database>,
  actor: Actor,
  requestId: string | null,
  trip: TripRow,
  newTotal: number,
  tripVersion: number,
  now: Date,
): Promise<Settlement> {
  // Refunds still waiting for the bank are already owed back: count them as gone.
  const paidBefore = trip.paid_amount - (await pendingRefundTotal(tx, trip.id));
  const difference = newTotal - paidBefore;
  const kind: Settlement['kind'] = difference > 0 ? 'extra_charge' : difference < 0 ? 'refund' : 'none';
  const refundIds = kind === 'refund' ? await refundTrip(tx, actor, requestId, trip, -difference, 'amendment_refund', now) : [];
  await tx
    .insertInto('trip_settlements')
    .values({
      trip_id: trip.id,
      trip_version: tripVersion,
      previous_total: trip.fee_total ?? 0,
      new_total: newTotal,
      paid_before: paidBefore,
      difference,
      kind,
      refund_payment_ids: refundIds,
      created_at: now,
    })
    .execute();
  await recordTripChange(tx, actor, requestId, {
    tripId: trip.id,
    action: 'settlement',
    from: trip.status,
    to: trip.status,
    at: now,
    details: { kind, previousTotal: trip.fee_total, newTotal, paidBefore, difference, refundPaymentIds: refundIds },
  });
  return { kind, difference };
}
