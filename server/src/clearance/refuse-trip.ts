import type { Transaction } from 'kysely';
import { nextTripStatus, type TripStatus } from '../../../shared/workflows/trip';
import type { Database } from '../db/database';
import type { Actor } from '../platform/actor';
import { AppError } from '../platform/errors';
import { endPasses } from '../passes/issue';
import { runTripHooks } from '../trips/hooks';
import { recordTripChange } from '../trips/timeline';
import { findTripRow } from '../trips/trips.repository';

// A control agency's refusal ends the trip (trip action `refuse`, shared/workflows/trip.ts):
// the same pattern as the trips capability's own endings — locked row, transition table, new
// version, timeline and audit, pass revoked, and the `ended` hooks (capacity gives the booked
// window back, clearance closes the other controls). The fee is not refunded: the refusal is
// for cause (see the legal basis).

export async function refuseTrip(tx: Transaction<Database>, actor: Actor, requestId: string | null, tripId: string, reason: string, details: Record<string, unknown>, now: Date): Promise<void> {
  const row = (await findTripRow(tx, tripId, true))!;
  const to = nextTripStatus(row.status as TripStatus, 'refuse');
  if (!to) throw new AppError('clearance.trip_not_refusable', { tripStatus: row.status });
  await tx.updateTable('trips').set({ status: to, expires_at: null, version: row.version + 1, updated_at: now }).where('id', '=', tripId).execute();
  const revoked = await endPasses(tx, tripId, 'revoked', now);
  await recordTripChange(tx, actor, requestId, { tripId, action: 'refused', from: row.status, to, at: now, reason, details: { ...details, passRevoked: revoked > 0 } });
  await runTripHooks('ended', { tx, actor, requestId, trip: (await findTripRow(tx, tripId))!, previousStatus: row.status, now });
}
