// The truck-trip lifecycle as a transition table: for each status, the actions allowed and the
// status each leads to. The server refuses any other action (409 with allowedActions); the UI
// reads the same table to decide which buttons to show. Later issues (yard, clearance, gate)
// add check-in and crossing statuses by extending this table, not by adding if-statements.

export const TRIP_STATUSES = ['draft', 'submitted', 'paid', 'cancelled', 'expired'] as const;
export type TripStatus = (typeof TRIP_STATUSES)[number];

export const TRIP_ACTIONS = ['submit', 'amend', 'pay', 'cancel', 'expire'] as const;
export type TripAction = (typeof TRIP_ACTIONS)[number];

/**
 * - draft: saved, possibly incomplete; amending a draft is ordinary editing (no checks).
 * - submitted: every check passed and the fee is fixed; waiting for payment.
 * - paid: fee paid, gate pass issued. `amend` recomputes the fee and settles the difference;
 *   `pay` here only settles an extra charge left by an amendment (the server allows it only
 *   while something is outstanding).
 * - cancelled, expired: final. Cancelling a paid trip refunds by the refund rules.
 */
export const TRIP_TRANSITIONS: Readonly<Record<TripStatus, Readonly<Partial<Record<TripAction, TripStatus>>>>> = {
  draft: { submit: 'submitted', amend: 'draft', cancel: 'cancelled', expire: 'expired' },
  submitted: { amend: 'submitted', pay: 'paid', cancel: 'cancelled', expire: 'expired' },
  paid: { amend: 'paid', pay: 'paid', cancel: 'cancelled', expire: 'expired' },
  cancelled: {},
  expired: {},
};

/** Statuses after which nothing changes any more. */
export const FINAL_TRIP_STATUSES: readonly TripStatus[] = ['cancelled', 'expired'];

/** Actions only the system takes (jobs), never offered to a user. */
export const SYSTEM_TRIP_ACTIONS: readonly TripAction[] = ['expire'];

/** Actions the table allows from a status, in table order. */
export function tripActionsFrom(status: TripStatus): TripAction[] {
  return Object.keys(TRIP_TRANSITIONS[status]) as TripAction[];
}

/** The status an action leads to, or null when the table does not allow it. */
export function nextTripStatus(status: TripStatus, action: TripAction): TripStatus | null {
  return TRIP_TRANSITIONS[status][action] ?? null;
}
