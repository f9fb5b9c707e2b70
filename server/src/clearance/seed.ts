import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { findTripRow } from '../trips/trips.repository';
import { loadClearanceReference } from './reference-load';
import { syncControls } from './sync';

// At every start: the clearance reference data (rule set v1, bays, approved codes), then
// controls for any live trip that has none yet (the demo trips, or trips declared before this
// capability was installed). Idempotent.

const LIVE = ['submitted', 'paid', 'checked_in', 'called'];

export async function seedClearance(db: Kysely<Database>, options: { demo: boolean }): Promise<string> {
  void options;
  const loaded = await db.transaction().execute((tx) => loadClearanceReference(tx));
  const pending = await db
    .selectFrom('trips')
    .leftJoin('clearance_trips', 'clearance_trips.trip_id', 'trips.id')
    .select('trips.id')
    .where('trips.status', 'in', LIVE)
    .where('clearance_trips.trip_id', 'is', null)
    .execute();
  for (const { id } of pending) {
    await db.transaction().execute(async (tx) => {
      const trip = await findTripRow(tx, id, true);
      if (!trip || !LIVE.includes(trip.status)) return;
      if (await tx.selectFrom('clearance_trips').select('trip_id').where('trip_id', '=', id).executeTakeFirst()) return;
      await syncControls(tx, null, trip, new Date(), null);
    });
  }
  return `${loaded}; controls derived for ${pending.length} trips`;
}
