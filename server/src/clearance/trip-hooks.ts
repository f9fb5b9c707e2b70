import type { TripHooks } from '../trips/hooks';
import { closeControls } from './close-controls';
import { relevantChanges, syncControls } from './sync';

// What the clearance capability does when a declaration changes (see trips/hooks.ts): a
// submitted trip gets its controls and channel and is decided before arrival where rules allow;
// an amendment re-derives what it touches; a trip that ends closes its open controls.
export const clearanceTripHooks: TripHooks = {
  async submitted({ tx, requestId, trip, now }) {
    await syncControls(tx, requestId, trip, now, null);
  },

  async amended({ tx, requestId, trip, now, changes }) {
    const known = await tx.selectFrom('clearance_trips').select('trip_id').where('trip_id', '=', trip.id).executeTakeFirst();
    // A trip submitted before clearance existed gets its controls at its first amendment.
    if (!known) return syncControls(tx, requestId, trip, now, null);
    const relevant = relevantChanges(changes);
    if (relevant.length > 0) await syncControls(tx, requestId, trip, now, relevant);
  },

  async ended({ tx, actor, requestId, trip, now }) {
    await closeControls(tx, actor, requestId, trip, now);
  },
};
