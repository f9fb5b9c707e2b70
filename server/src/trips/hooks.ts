import type { Transaction } from 'kysely';
import type { Database } from '../db/database';
import type { Actor } from '../platform/actor';
import { capacityTripHooks } from '../capacity/trip-hooks';
import { clearanceTripHooks } from '../clearance/trip-hooks';
import { yardsTripHooks } from '../yards/trip-hooks';
import type { TripRow } from './trips.repository';

// Other capabilities act when a declaration changes (capacity books a crossing window, clearance
// derives the controls, the yard leaves the queue) inside the same transaction, so the trip and
// what depends on it never disagree. A hook may throw an AppError to refuse the change.

export interface TripHookArgs {
  tx: Transaction<Database>;
  actor: Actor;
  requestId: string | null;
  /** The trip as it is now, after the change (locked by the caller). */
  trip: TripRow;
  now: Date;
}

export interface TripHooks {
  /** draft → submitted: the declaration is complete and checked. */
  submitted?(args: TripHookArgs): Promise<void>;
  /** A submitted or paid declaration was amended (`changes` are field names, e.g. gateId, window). */
  amended?(args: TripHookArgs & { previous: TripRow; changes: string[] }): Promise<void>;
  /** submitted → paid: the pass has been issued. */
  paid?(args: TripHookArgs): Promise<void>;
  /** The trip ended without crossing (cancelled, expired, refused, checked out). */
  ended?(args: TripHookArgs & { previousStatus: string }): Promise<void>;
}

const registered: readonly TripHooks[] = [capacityTripHooks, clearanceTripHooks, yardsTripHooks];

type Event = keyof TripHooks;
type ArgsOf<E extends Event> = Parameters<NonNullable<TripHooks[E]>>[0];

export async function runTripHooks<E extends Event>(event: E, args: ArgsOf<E>): Promise<void> {
  for (const hooks of registered) {
    const hook = hooks[event] as ((a: ArgsOf<E>) => Promise<void>) | undefined;
    if (hook) await hook(args);
  }
}
