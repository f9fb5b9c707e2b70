import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { Actor } from '../platform/actor';
import { endTrip } from './cancel-trip';
import { findTripRow } from './trips.repository';

// The expiry job: unpaid declarations past their time to pay, and paid trips whose pass was never
// used, expire so that nobody hoards crossing capacity. Safe with several server processes: each
// trip is locked (skip locked) and re-checked before it changes.

const expiryActor: Actor = { kind: 'system', label: 'trip-expiry' };

export async function expireDueTrips(db: Kysely<Database>, now: Date): Promise<number> {
  const due = await db
    .selectFrom('trips')
    .select('id')
    .where('status', 'in', ['draft', 'submitted', 'paid'])
    .where('expires_at', '<=', now)
    .orderBy('expires_at')
    .limit(500)
    .execute();
  let expired = 0;
  for (const { id } of due) {
    const done = await db.transaction().execute(async (tx) => {
      const locked = await tx.selectFrom('trips').select('id').where('id', '=', id).forUpdate().skipLocked().executeTakeFirst();
      if (!locked) return false;
      const row = (await findTripRow(tx, id))!;
      if (!['draft', 'submitted', 'paid'].includes(row.status) || !row.expires_at || row.expires_at > now) return false;
      // A charge still waiting for the bank keeps the trip until the answer arrives.
      const pending = await tx.selectFrom('payments').select('id').where('trip_id', '=', id).where('kind', '=', 'charge').where('status', '=', 'pending').executeTakeFirst();
      if (pending) return false;
      await endTrip(tx, expiryActor, null, row, 'expire', 'expired: not paid or not used in time', now);
      return true;
    });
    if (done) expired++;
  }
  return expired;
}
