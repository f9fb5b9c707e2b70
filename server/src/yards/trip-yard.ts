import type { TripYardStatus } from '../../../shared/schemas/yards';
import type { RequestContext } from '../platform/context';
import { readableTrip } from '../trips/trip-scope';
import { tripYardStatus } from './status-view';

// The yard status on a trip's page: whoever may read the trip (its enterprise, its driver, staff
// at its gate, leaders) sees where it stands; others get 404 as for the trip itself.

export async function tripYard(ctx: RequestContext, tripId: string): Promise<TripYardStatus> {
  const { actor, row } = await readableTrip(ctx.app.db, ctx.actor, tripId);
  return tripYardStatus(ctx.app.db, actor, row, ctx.app.now());
}
