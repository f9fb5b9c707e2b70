import { nextTripStatus, type TripAction, type TripStatus } from '../../../shared/workflows/trip';
import type { CrossingDirection, YardAction } from '../../../shared/schemas/yards';

// Which of the trip table's yard actions applies depends on the crossing direction
// (shared/workflows/trip.ts lists every action a status may take; this is the direction guard).
// Export: paid → check_in → call → leave_yard → pass_gate → arrive (on the other side).
// Import: paid → pass_gate (arrived from the other side) → check_in → call (released) →
// leave_yard → arrive (left the border area). check_out ends a queued truck (cancelled);
// drop_back returns a called one to the queue.

export type YardStep = 'check_in' | 'call' | 'drop_back' | 'leave_yard' | 'pass_gate' | 'arrive' | 'check_out';

const FROM: Record<CrossingDirection, Record<YardStep, TripStatus>> = {
  export: { check_in: 'paid', call: 'checked_in', drop_back: 'called', leave_yard: 'called', pass_gate: 'left_yard', arrive: 'crossed', check_out: 'checked_in' },
  import: { pass_gate: 'paid', check_in: 'crossed', call: 'checked_in', drop_back: 'called', leave_yard: 'called', arrive: 'left_yard', check_out: 'checked_in' },
};

/** The status a step leads to for a truck of this direction, or null when it does not apply now. */
export function stepTarget(direction: CrossingDirection, status: string, step: YardStep): TripStatus | null {
  if (FROM[direction][step] !== status) return null;
  return nextTripStatus(status as TripStatus, step as TripAction);
}

/** The steps that apply now, in path order. */
export function stepsNow(direction: CrossingDirection, status: string): YardStep[] {
  return (Object.keys(FROM[direction]) as YardStep[]).filter((s) => stepTarget(direction, status, s) !== null);
}

const RECORDABLE: readonly YardStep[] = ['leave_yard', 'pass_gate', 'arrive', 'check_out'];

/** What yard staff may record on the truck now (check-in and call have their own routes). */
export function yardActionsNow(direction: CrossingDirection, status: string): YardAction[] {
  return stepsNow(direction, status).filter((s) => RECORDABLE.includes(s)) as YardAction[];
}
