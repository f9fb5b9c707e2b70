import type { Transaction } from 'kysely';
import type { CheckInSource, YardAction } from '../../../shared/schemas/yards';
import { crossingDirectionOf } from '../capacity/capacity-query';
import type { Database } from '../db/database';
import type { Actor } from '../platform/actor';
import { AppError } from '../platform/errors';
import { emitEvent } from '../platform/events';
import { endPasses } from '../passes/issue';
import { runTripHooks } from '../trips/hooks';
import { recordTripChange } from '../trips/timeline';
import { findTripRow, type TripRow } from '../trips/trips.repository';
import { localTime, noticeDriver } from './notify-driver';
import { stepTarget, yardActionsNow } from './paths';
import { touchTimings } from './timings';

// Crossing steps after check-in: leaving the yard, passing the gate, arriving (on the other side,
// or for imports leaving the border area), and check-out (a queued truck leaves without crossing
// and the trip ends as cancelled). One service for staff, cameras and offline devices; each step
// keeps the real time it happened.

const EVENT_TYPES: Record<YardAction, string> = {
  leave_yard: 'trip.left_yard',
  pass_gate: 'trip.crossed',
  arrive: 'trip.completed',
  check_out: 'trip.checked_out',
};
const NOTICE: Record<YardAction, 'left_yard' | 'crossed' | 'completed' | 'checked_out'> = {
  leave_yard: 'left_yard',
  pass_gate: 'crossed',
  arrive: 'completed',
  check_out: 'checked_out',
};

export interface StepRequest {
  /** Locked FOR UPDATE by the caller. */
  trip: TripRow;
  action: YardAction;
  occurredAt: Date;
  reason?: string | null;
  source: CheckInSource | 'staff';
  details?: Record<string, unknown>;
}

export async function recordStep(tx: Transaction<Database>, actor: Actor, requestId: string | null, req: StepRequest, now: Date): Promise<TripRow> {
  const { trip, action, occurredAt } = req;
  const direction = crossingDirectionOf(trip.direction);
  const to = stepTarget(direction, trip.status, action);
  if (!to) throw new AppError('yards.step_not_allowed', { allowedActions: yardActionsNow(direction, trip.status), tripStatus: trip.status, action });
  if (action === 'check_out' && !req.reason?.trim()) throw new AppError('yards.reason_required', { action });
  const visit = await tx.selectFrom('yard_visits').select(['yard_id', 'plate']).where('trip_id', '=', trip.id).executeTakeFirst();

  await tx
    .updateTable('trips')
    .set({ status: to, version: trip.version + 1, updated_at: now, ...(action === 'check_out' ? { cancelled_at: occurredAt } : {}) })
    .where('id', '=', trip.id)
    .execute();
  const gateId = trip.gate_id!;
  if (action === 'leave_yard') {
    await tx.updateTable('yard_visits').set({ status: 'left', left_at: occurredAt, updated_at: now, version: (eb) => eb('version', '+', 1) }).where('trip_id', '=', trip.id).execute();
    await tx.updateTable('yard_calls').set({ outcome: 'left', outcome_at: occurredAt }).where('trip_id', '=', trip.id).where('outcome', '=', 'pending').execute();
    await touchTimings(tx, { id: trip.id, gateId, direction }, { left_yard_at: occurredAt }, now);
  } else if (action === 'pass_gate') {
    await touchTimings(tx, { id: trip.id, gateId, direction }, { crossed_at: occurredAt }, now);
  } else if (action === 'arrive') {
    await touchTimings(tx, { id: trip.id, gateId, direction }, { completed_at: occurredAt }, now);
  } else {
    await tx
      .updateTable('yard_visits')
      .set({ status: 'ended', ended_at: occurredAt, end_reason: 'checked_out', updated_at: now, version: (eb) => eb('version', '+', 1) })
      .where('trip_id', '=', trip.id)
      .execute();
  }
  const details = { yardId: visit?.yard_id ?? null, source: req.source, ...req.details };
  await recordTripChange(tx, actor, requestId, { tripId: trip.id, action, from: trip.status, to, at: occurredAt, reason: req.reason ?? null, details });
  const payload: Record<string, unknown> = { enterpriseId: trip.enterprise_id };
  if (action === 'leave_yard' || action === 'check_out') payload.yardId = visit?.yard_id ?? null;
  if (action === 'check_out') payload.reason = req.reason;
  await emitEvent(tx, { type: EVENT_TYPES[action], occurredAt, gateId, tripId: trip.id, direction, payload });

  const gate = await tx.selectFrom('gates').select('time_zone').where('id', '=', gateId).executeTakeFirstOrThrow();
  const vehicle = trip.vehicle_id ? await tx.selectFrom('vehicles').select('plate').where('id', '=', trip.vehicle_id).executeTakeFirst() : undefined;
  await noticeDriver(
    tx,
    trip,
    NOTICE[action],
    { plate: visit?.plate ?? vehicle?.plate ?? '', time: localTime(occurredAt, gate.time_zone), reason: req.reason ?? null },
    { at: occurredAt, now, sms: action === 'check_out', dedupeKey: `yard:${action}:${trip.id}` },
  );
  if (action === 'check_out') {
    // The truck went home: its pass must not get it in again.
    await endPasses(tx, trip.id, 'revoked', now);
    await runTripHooks('ended', { tx, actor, requestId, trip: (await findTripRow(tx, trip.id))!, previousStatus: trip.status, now });
  }
  return (await findTripRow(tx, trip.id))!;
}
