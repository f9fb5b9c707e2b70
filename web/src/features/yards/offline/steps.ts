import { nextTripStatus, type TripAction, type TripStatus } from '../../../../../shared/workflows/trip';
import type { CrossingDirection, SyncEventType } from '../../../../../shared/schemas/yards';

// The trip table (shared/workflows/trip.ts) lists every action a status may take; which yard path
// applies depends on the crossing direction (the same guard as server/src/yards/paths.ts). The
// offline page uses it to offer only steps that fit, and to show the truck's status after the
// steps still waiting in the outbox.
//   export: paid → check_in → call → leave_yard → pass_gate → arrive (other side)
//   import: paid → pass_gate (from the other side) → check_in → call → leave_yard → arrive

const FROM: Record<CrossingDirection, Record<SyncEventType, TripStatus>> = {
  export: { check_in: 'paid', call: 'checked_in', leave_yard: 'called', pass_gate: 'left_yard', arrive: 'crossed', check_out: 'checked_in' },
  import: { pass_gate: 'paid', check_in: 'crossed', call: 'checked_in', leave_yard: 'called', arrive: 'left_yard', check_out: 'checked_in' },
};

const PATH_ORDER: readonly SyncEventType[] = ['check_in', 'pass_gate', 'call', 'leave_yard', 'arrive', 'check_out'];

export function stepTarget(direction: CrossingDirection, status: string, step: SyncEventType): TripStatus | null {
  if (FROM[direction][step] !== status) return null;
  return nextTripStatus(status as TripStatus, step as TripAction);
}

/** The steps that fit a truck now, in path order. */
export function stepsNow(direction: CrossingDirection, status: string): SyncEventType[] {
  return PATH_ORDER.filter((s) => stepTarget(direction, status, s) !== null);
}
