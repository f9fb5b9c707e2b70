import type { Transaction, Updateable } from 'kysely';
import type { TripTimings } from '../../../shared/schemas/yards';
import type { Database } from '../db/database';
import type { Executor } from '../trips/trips.repository';

// Each trip's recorded timestamps at the gate. Segments (minutes):
//   arrival_to_call      arrived_at → called_at (the call that stood; a drop-back clears it)
//   call_to_gate         export: called_at → crossed_at; import: called_at → left_yard_at
//   gate_to_other_side   export: crossed_at → completed_at; import: crossed_at → arrived_at

export async function touchTimings(
  tx: Transaction<Database>,
  trip: { id: string; gateId: string; direction: 'export' | 'import' },
  set: Updateable<Database['trip_timings']>,
  now: Date,
): Promise<void> {
  await tx
    .insertInto('trip_timings')
    .values({ trip_id: trip.id, gate_id: trip.gateId, direction: trip.direction, updated_at: now, ...(set as object) })
    .onConflict((oc) => oc.column('trip_id').doUpdateSet({ ...set, updated_at: now }))
    .execute();
}

interface TimingRow {
  direction: string;
  arrived_at: Date | null;
  first_called_at: Date | null;
  called_at: Date | null;
  left_yard_at: Date | null;
  crossed_at: Date | null;
  completed_at: Date | null;
  drop_backs: number;
}

const minutes = (from: Date | null, to: Date | null) => (from && to ? Math.round(((to.getTime() - from.getTime()) / 60_000) * 10) / 10 : null);

export function segmentsOf(r: TimingRow): Pick<TripTimings, 'arrivalToCallMinutes' | 'callToGateMinutes' | 'gateToOtherSideMinutes'> {
  const exp = r.direction === 'export';
  return {
    arrivalToCallMinutes: minutes(r.arrived_at, r.called_at),
    callToGateMinutes: minutes(r.called_at, exp ? r.crossed_at : r.left_yard_at),
    gateToOtherSideMinutes: exp ? minutes(r.crossed_at, r.completed_at) : minutes(r.crossed_at, r.arrived_at),
  };
}

export async function tripTimings(db: Executor, tripId: string): Promise<TripTimings> {
  const r = await db.selectFrom('trip_timings').selectAll().where('trip_id', '=', tripId).executeTakeFirst();
  if (!r) {
    return {
      arrivedAt: null, firstCalledAt: null, calledAt: null, leftYardAt: null, crossedAt: null, completedAt: null, dropBacks: 0,
      arrivalToCallMinutes: null, callToGateMinutes: null, gateToOtherSideMinutes: null,
    };
  }
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    arrivedAt: iso(r.arrived_at),
    firstCalledAt: iso(r.first_called_at),
    calledAt: iso(r.called_at),
    leftYardAt: iso(r.left_yard_at),
    crossedAt: iso(r.crossed_at),
    completedAt: iso(r.completed_at),
    dropBacks: r.drop_backs,
    ...segmentsOf(r),
  };
}
