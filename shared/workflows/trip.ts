// The truck-trip lifecycle as a transition table: for each status, the actions allowed and the
// status each leads to. The server refuses any other action (409 with allowedActions); the UI
// reads the same table to decide which buttons to show. Capabilities add statuses by extending
// this table, not by adding if-statements.

export const TRIP_STATUSES = [
  'draft',
  'submitted',
  'paid',
  'checked_in',
  'called',
  'left_yard',
  'crossed',
  'completed',
  'refused',
  'cancelled',
  'expired',
] as const;
export type TripStatus = (typeof TRIP_STATUSES)[number];

export const TRIP_ACTIONS = [
  'submit',
  'amend',
  'pay',
  'cancel',
  'expire',
  // Yard and gate (issue 6): recorded by yard staff, cameras, offline sync or the queue job.
  'check_in',
  'call',
  'drop_back',
  'leave_yard',
  'pass_gate',
  'arrive',
  'check_out',
  // Clearance (issue 7): a refusal by a control agency ends the trip before it crosses.
  'refuse',
] as const;
export type TripAction = (typeof TRIP_ACTIONS)[number];

/**
 * - draft: saved, possibly incomplete; amending a draft is ordinary editing (no checks).
 * - submitted: every check passed and the fee is fixed; waiting for payment.
 * - paid: fee paid, gate pass issued. `amend` recomputes the fee and settles the difference;
 *   `pay` here only settles an extra charge left by an amendment.
 * - checked_in: in a yard at the gate, in the queue (export: waiting to cross; import: arrived from
 *   the other side, waiting for release).
 * - called: called forward within crossing capacity; `drop_back` returns it to the queue by rule.
 * - left_yard: left the yard towards the gate (export) or inland (import, then `arrive` completes).
 * - crossed: passed the gate's control line. Export: `arrive` on the other side completes the
 *   trip. Import: the truck came from the other side and `check_in` puts it in the yard.
 * - completed, refused, cancelled, expired: final. `check_out` lets a queued truck leave the yard
 *   without crossing (withdrawn by the enterprise or sent back) and ends it as cancelled.
 *
 * Which of the two yard paths applies depends on the trip's direction; the yards capability
 * enforces that guard (see server/src/yards), the table lists every action a status can take.
 */
export const TRIP_TRANSITIONS: Readonly<Record<TripStatus, Readonly<Partial<Record<TripAction, TripStatus>>>>> = {
  draft: { submit: 'submitted', amend: 'draft', cancel: 'cancelled', expire: 'expired' },
  submitted: { amend: 'submitted', pay: 'paid', cancel: 'cancelled', expire: 'expired', refuse: 'refused' },
  paid: { amend: 'paid', pay: 'paid', cancel: 'cancelled', expire: 'expired', check_in: 'checked_in', pass_gate: 'crossed', refuse: 'refused' },
  checked_in: { call: 'called', check_out: 'cancelled', refuse: 'refused' },
  called: { drop_back: 'checked_in', leave_yard: 'left_yard', refuse: 'refused' },
  left_yard: { pass_gate: 'crossed', arrive: 'completed' },
  crossed: { arrive: 'completed', check_in: 'checked_in' },
  completed: {},
  refused: {},
  cancelled: {},
  expired: {},
};

/** Statuses after which nothing changes any more. */
export const FINAL_TRIP_STATUSES: readonly TripStatus[] = ['completed', 'refused', 'cancelled', 'expired'];

/** Statuses of a truck physically at the gate (in a yard, called, or between yard and gate). */
export const AT_GATE_TRIP_STATUSES: readonly TripStatus[] = ['checked_in', 'called', 'left_yard', 'crossed'];

/** Actions only the system takes (jobs), never offered to a user. */
export const SYSTEM_TRIP_ACTIONS: readonly TripAction[] = ['expire'];

/**
 * Actions recorded by gate staff, cameras or other capabilities, never offered to the
 * enterprise on its trip page.
 */
export const STAFF_TRIP_ACTIONS: readonly TripAction[] = ['check_in', 'call', 'drop_back', 'leave_yard', 'pass_gate', 'arrive', 'check_out', 'refuse'];

/** Actions the table allows from a status, in table order. */
export function tripActionsFrom(status: TripStatus): TripAction[] {
  return Object.keys(TRIP_TRANSITIONS[status]) as TripAction[];
}

/** The status an action leads to, or null when the table does not allow it. */
export function nextTripStatus(status: TripStatus, action: TripAction): TripStatus | null {
  return TRIP_TRANSITIONS[status][action] ?? null;
}

/** Clearance of the trip as a whole (maintained by the clearance capability, issue 7). */
export const CLEARANCE_STATUSES = ['pending', 'held', 'cleared', 'refused'] as const;
export type ClearanceStatus = (typeof CLEARANCE_STATUSES)[number];
