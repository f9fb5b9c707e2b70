import { STAFF_TRIP_ACTIONS, SYSTEM_TRIP_ACTIONS, nextTripStatus, tripActionsFrom, type TripAction, type TripStatus } from '../../../shared/workflows/trip';
import type { Actor } from '../platform/actor';
import { AppError } from '../platform/errors';
import { inEnterpriseScope } from '../fleet/scope';
import type { TripRow } from './trips.repository';

// Enforces shared/workflows/trip.ts: an action the table does not allow from the current status
// is refused with 409 and the actions that are allowed.

export function outstandingOf(row: Pick<TripRow, 'fee_total' | 'paid_amount'>): number {
  return (row.fee_total ?? 0) - row.paid_amount;
}

/** Actions the table allows now, with the guards that depend on the trip's money. */
export function actionsNow(row: TripRow, hasPendingCharge: boolean): TripAction[] {
  return tripActionsFrom(row.status as TripStatus).filter((a) => {
    if (a === 'pay') return row.status !== 'draft' && outstandingOf(row) > 0 && !hasPendingCharge;
    // While the bank has not answered, the trip stays as it was paid for.
    if ((a === 'amend' || a === 'cancel') && hasPendingCharge) return false;
    return true;
  });
}

/** What this user may do on this trip now (what the UI shows as buttons). */
export function allowedActionsFor(actor: Actor, row: TripRow, hasPendingCharge: boolean): TripAction[] {
  if (actor.kind !== 'user' && actor.kind !== 'token') return [];
  if (!actor.permissions.has('trips:write') || !inEnterpriseScope(actor, row.enterprise_id)) return [];
  return actionsNow(row, hasPendingCharge).filter((a) => !SYSTEM_TRIP_ACTIONS.includes(a) && !STAFF_TRIP_ACTIONS.includes(a));
}

/** The status the action leads to; 409 trips.invalid_transition when not allowed now. */
export function assertAction(row: TripRow, action: TripAction, hasPendingCharge: boolean): TripStatus {
  const next = nextTripStatus(row.status as TripStatus, action);
  const allowed = actionsNow(row, hasPendingCharge);
  if (next === null || !allowed.includes(action)) {
    const userActions = allowed.filter((a) => !SYSTEM_TRIP_ACTIONS.includes(a) && !STAFF_TRIP_ACTIONS.includes(a));
    if (hasPendingCharge && next !== null) throw new AppError('payments.in_progress', { allowedActions: userActions });
    throw new AppError('trips.invalid_transition', { allowedActions: userActions, tripStatus: row.status, action });
  }
  return next;
}
