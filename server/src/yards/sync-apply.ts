import type { Transaction } from 'kysely';
import { crossingDirectionOf } from '../capacity/capacity-query';
import type { Database } from '../db/database';
import type { Actor } from '../platform/actor';
import { AppError } from '../platform/errors';
import { recordAudit } from '../audit/audit.repository';
import { findTripRow, type TripRow } from '../trips/trips.repository';
import { callTruck } from './call';
import { checkInTrip } from './check-in';
import { stepTarget, type YardStep } from './paths';
import { rulesFor } from './rules';
import { recordStep } from './steps';
import { touchTimings } from './timings';

// Applying a trip's offline events, in the order they happened. The end state depends only on the
// set of events received, not on the order batches arrive in nor on duplicates:
// - each event is stored once (client event id), and the trip's open events are (re)tried in
//   (occurredAt, clientEventId) order after every batch, until nothing more applies;
// - an event whose step is not allowed yet (its earlier step has not arrived) stays a
//   not_allowed_now conflict and is retried later (also by the sync job);
// - two records of the same step (e.g. the same truck checked in from two devices): the earliest is
//   in force and its time is the recorded one; the other is a duplicate_record conflict.

export type SyncEventRow = Awaited<ReturnType<typeof openEvents>>[number];

function openEvents(tx: Transaction<Database>, tripId: string) {
  return tx
    .selectFrom('yard_sync_events')
    .selectAll()
    .where('trip_id', '=', tripId)
    .where((eb) => eb.or([eb('status', '=', 'applied'), eb.and([eb('status', '=', 'conflict'), eb('conflict_reason', 'in', ['not_allowed_now', 'duplicate_record'])])]))
    .orderBy('occurred_at')
    .orderBy('client_event_id')
    .execute();
}

const TIMING_OF: Record<string, 'arrived_at' | 'called_at' | 'left_yard_at' | 'crossed_at' | 'completed_at' | null> = {
  check_in: 'arrived_at',
  call: 'called_at',
  leave_yard: 'left_yard_at',
  pass_gate: 'crossed_at',
  arrive: 'completed_at',
  check_out: null,
};

const before = (a: SyncEventRow, b: SyncEventRow) => a.occurred_at.getTime() - b.occurred_at.getTime() || (a.client_event_id < b.client_event_id ? -1 : 1);

/** Whether the trip has already been through this step (by any path). */
async function stepDone(tx: Transaction<Database>, trip: TripRow, type: string): Promise<boolean> {
  const t = await tx.selectFrom('trip_timings').selectAll().where('trip_id', '=', trip.id).executeTakeFirst();
  if (type === 'check_in') return (await tx.selectFrom('yard_visits').select('trip_id').where('trip_id', '=', trip.id).executeTakeFirst()) !== undefined;
  if (type === 'call') return trip.status === 'called' || Boolean(t?.left_yard_at);
  if (type === 'check_out') return trip.status === 'cancelled';
  const column = TIMING_OF[type];
  return column !== null && Boolean(t?.[column]);
}

export type ApplyOutcome = { applied: true } | { applied: false; reason: 'not_allowed_now' | 'not_admissible' | 'duplicate_record'; details?: Record<string, unknown> };

/**
 * Tries one event on the locked trip, through the same services as the online paths. A refusal
 * by those services (unknown lane, yard not in use, missing reason) is raised before they write
 * anything, so it becomes this event's conflict instead of failing the whole batch.
 */
export async function applySyncEvent(tx: Transaction<Database>, actor: Actor, trip: TripRow, ev: SyncEventRow, now: Date): Promise<ApplyOutcome> {
  try {
    return await applyOnce(tx, actor, trip, ev, now);
  } catch (error) {
    if (error instanceof AppError && error.status < 500) return { applied: false, reason: 'not_admissible', details: { code: error.code } };
    throw error;
  }
}

async function applyOnce(tx: Transaction<Database>, actor: Actor, trip: TripRow, ev: SyncEventRow, now: Date): Promise<ApplyOutcome> {
  const direction = crossingDirectionOf(trip.direction);
  const step = ev.type as YardStep;
  const details = { clientEventId: ev.client_event_id, deviceId: ev.device_id };
  if (!stepTarget(direction, trip.status, step)) {
    return (await stepDone(tx, trip, ev.type)) ? { applied: false, reason: 'duplicate_record' } : { applied: false, reason: 'not_allowed_now' };
  }
  if (step === 'check_in') {
    const r = await checkInTrip(tx, actor, null, { trip, yardId: ev.yard_id, source: 'offline', occurredAt: ev.occurred_at, plate: ev.plate, lane: ev.lane ?? undefined, reason: ev.reason, details }, now);
    if (r.outcome === 'checked_in') return { applied: true };
    if (r.outcome === 'already_in_yard') return { applied: false, reason: 'duplicate_record' };
    return { applied: false, reason: 'not_admissible', details: { flagId: r.flagId, flagReason: r.reason } };
  }
  if (step === 'call') {
    const visit = await tx.selectFrom('yard_visits').selectAll().where('trip_id', '=', trip.id).executeTakeFirst();
    if (!visit || visit.status !== 'queued') return { applied: false, reason: 'not_allowed_now' };
    if (trip.clearance_status !== 'cleared') return { applied: false, reason: 'not_admissible', details: { clearanceStatus: trip.clearance_status } };
    const rules = await rulesFor(tx, trip.gate_id!);
    await callTruck(tx, actor, null, { trip, visit: { yard_id: visit.yard_id, lane: visit.lane, plate: visit.plate, direction }, at: ev.occurred_at, respondMinutes: rules.rules.callForward.respondMinutes, calledBy: 'offline' }, now);
    return { applied: true };
  }
  if (step === 'drop_back') return { applied: false, reason: 'not_allowed_now' };
  await recordStep(tx, actor, null, { trip, action: step, occurredAt: ev.occurred_at, reason: ev.reason, source: 'offline', details }, now);
  return { applied: true };
}

/** The earliest record of a step is the one in force: its time replaces a later one's. */
export async function adoptEarlierTime(tx: Transaction<Database>, actor: Actor, trip: TripRow, type: string, at: Date, why: string, now: Date): Promise<void> {
  const column = TIMING_OF[type];
  if (!column) return;
  const direction = crossingDirectionOf(trip.direction);
  const previous = await tx.selectFrom('trip_timings').select(column).where('trip_id', '=', trip.id).executeTakeFirst();
  await touchTimings(tx, { id: trip.id, gateId: trip.gate_id!, direction }, { [column]: at }, now);
  if (type === 'check_in') {
    const visit = await tx.selectFrom('yard_visits').select(['arrived_at', 'queue_key', 'window_end']).where('trip_id', '=', trip.id).executeTakeFirst();
    if (visit) {
      const rules = await rulesFor(tx, trip.gate_id!);
      const late = visit.window_end !== null && at.getTime() > visit.window_end.getTime() + rules.rules.arrival.lateGraceMinutes * 60_000;
      // The queue key follows the arrival unless a drop-back has moved it.
      const key = visit.queue_key.getTime() === visit.arrived_at.getTime() ? at : visit.queue_key;
      await tx.updateTable('yard_visits').set({ arrived_at: at, queue_key: key, late, updated_at: now }).where('trip_id', '=', trip.id).execute();
    }
  }
  if (type === 'call') await tx.updateTable('yard_visits').set({ called_at: at }).where('trip_id', '=', trip.id).where('status', '=', 'called').execute();
  await recordAudit(tx, actor, null, {
    action: 'yard.time_corrected',
    entityType: 'trip',
    entityId: trip.id,
    before: { step: type, at: (previous as Record<string, Date | null> | undefined)?.[column]?.toISOString() ?? null },
    after: { step: type, at: at.toISOString() },
    reason: why,
  });
}

const snapshotOf = async (tx: Transaction<Database>, trip: TripRow) => {
  const visit = await tx.selectFrom('yard_visits').select(['status', 'yard_id', 'arrived_at']).where('trip_id', '=', trip.id).executeTakeFirst();
  return { tripStatus: trip.status, clearanceStatus: trip.clearance_status, visitStatus: visit?.status ?? null, yardId: visit?.yard_id ?? null, arrivedAt: visit?.arrived_at.toISOString() ?? null };
};

/** Settles every open event of a trip (locked here) until nothing more applies. */
export async function settleTrip(tx: Transaction<Database>, actor: Actor, tripId: string, now: Date, lock: 'wait' | 'skip' = 'wait'): Promise<boolean> {
  const q = tx.selectFrom('trips').select('id').where('id', '=', tripId).forUpdate();
  if (!(await (lock === 'skip' ? q.skipLocked() : q).executeTakeFirst())) return false;
  for (let progress = true; progress; ) {
    progress = false;
    const events = await openEvents(tx, tripId);
    for (const ev of events.filter((e) => e.status === 'conflict').sort(before)) {
      const trip = (await findTripRow(tx, tripId))!;
      const twin = events.find((o) => o.id !== ev.id && o.status === 'applied' && o.type === ev.type);
      if (twin && ev.type !== 'call') {
        // Same step recorded twice: the earlier record wins, whichever arrived first.
        if (before(ev, twin) < 0) {
          await adoptEarlierTime(tx, actor, trip, ev.type, ev.occurred_at, `offline record ${ev.client_event_id} is earlier than ${twin.client_event_id}`, now);
          await mark(tx, ev.id, { status: 'applied', conflict_reason: null, applied_at: now, server_version: null });
          await mark(tx, twin.id, { status: 'conflict', conflict_reason: 'duplicate_record', applied_at: null });
          progress = true;
          break;
        }
        if (ev.conflict_reason !== 'duplicate_record') await mark(tx, ev.id, { conflict_reason: 'duplicate_record' });
        continue;
      }
      const outcome = await applySyncEvent(tx, actor, trip, ev, now);
      if (outcome.applied) {
        await mark(tx, ev.id, { status: 'applied', conflict_reason: null, applied_at: now, server_version: null });
        progress = true;
        break;
      }
      if (outcome.reason === 'not_admissible') {
        // Final: the truck may not take this step (e.g. a check-in that was flagged); an operator decides.
        await mark(tx, ev.id, { conflict_reason: outcome.reason, server_version: JSON.stringify({ ...(await snapshotOf(tx, trip)), ...outcome.details }) });
      } else if (ev.conflict_reason !== outcome.reason) {
        await mark(tx, ev.id, { conflict_reason: outcome.reason });
      }
    }
  }
  // What the server has now, beside each open conflict of the trip (the same whatever the order).
  const trip = (await findTripRow(tx, tripId))!;
  await tx
    .updateTable('yard_sync_events')
    .set({ server_version: JSON.stringify(await snapshotOf(tx, trip)) })
    .where('trip_id', '=', tripId)
    .where('status', '=', 'conflict')
    .where('conflict_reason', 'in', ['not_allowed_now', 'duplicate_record'])
    .execute();
  return true;
}

async function mark(tx: Transaction<Database>, id: string, set: Record<string, unknown>): Promise<void> {
  await tx.updateTable('yard_sync_events').set(set).where('id', '=', id).execute();
}
