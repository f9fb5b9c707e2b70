import type { CheckInResult } from '../../../shared/schemas/yards';
import type { AuthenticatedActor } from '../platform/actor';
import type { Executor } from '../trips/trips.repository';
import type { AdmitOutcome } from './admit';
import { flagView } from './flags';
import { tripYardStatus } from './status-view';

/** The answer to a QR or manual check-in. */
export async function checkInResult(db: Executor, actor: AuthenticatedActor, outcome: AdmitOutcome, now: Date): Promise<CheckInResult> {
  const trip = outcome.tripId ? await db.selectFrom('trips').selectAll().where('id', '=', outcome.tripId).executeTakeFirst() : undefined;
  return {
    outcome: outcome.outcome,
    trip: trip ? await tripYardStatus(db, actor, trip, now) : null,
    flag: outcome.outcome === 'flagged' ? await flagView(db, outcome.flagId) : null,
    reading: null,
  };
}
