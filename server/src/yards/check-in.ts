import type { Transaction } from 'kysely';
import type { CheckInSource, FlagReason } from '../../../shared/schemas/yards';
import { crossingDirectionOf } from '../capacity/capacity-query';
import type { Database } from '../db/database';
import type { Actor } from '../platform/actor';
import { AppError } from '../platform/errors';
import { emitEvent } from '../platform/events';
import { recordTripChange } from '../trips/timeline';
import { instantAt } from '../trips/time';
import type { TripRow } from '../trips/trips.repository';
import { admission } from './admission';
import { raiseFlag } from './flags';
import { localTime, noticeDriver } from './notify-driver';
import { namesParam } from './reference';
import { laneFor, rulesFor } from './rules';
import { touchTimings } from './timings';

// The one check-in service: camera, QR, manual entry and offline sync all end here. A truck that
// may not be admitted (unknown, unpaid, wrong gate or day, full yard…) is flagged, never silently
// admitted. The trip moves by the transition table, and the change goes to the trip's timeline,
// the audit log and the domain events in the caller's transaction.

export interface CheckInRequest {
  /** Locked FOR UPDATE by the caller. */
  trip: TripRow;
  yardId: string;
  source: CheckInSource;
  occurredAt: Date;
  plate: string | null;
  lane?: string;
  overCapacity?: boolean;
  reason?: string | null;
  details?: Record<string, unknown>;
}

export type CheckInOutcome =
  | { outcome: 'checked_in'; overCapacity: boolean }
  | { outcome: 'already_in_yard' }
  | { outcome: 'flagged'; flagId: string; reason: FlagReason; details: Record<string, unknown> };

export async function checkInTrip(tx: Transaction<Database>, actor: Actor, requestId: string | null, req: CheckInRequest, now: Date): Promise<CheckInOutcome> {
  const { trip } = req;
  // One check-in at a time per yard, so two trucks never take its last place together. NO KEY
  // UPDATE, not UPDATE: callers have already inserted rows that reference the yard (a camera
  // reading), which holds a key-share lock on it; FOR UPDATE would deadlock two such callers.
  const yard = await tx.selectFrom('yards').selectAll().where('id', '=', req.yardId).forNoKeyUpdate().executeTakeFirst();
  if (!yard) throw new AppError('yards.not_found', { yardId: req.yardId });
  if (!yard.active) throw new AppError('yards.yard_inactive', { yardId: yard.id });
  const gate = await tx.selectFrom('gates').select(['id', 'time_zone']).where('id', '=', yard.gate_id).executeTakeFirstOrThrow();
  const rules = await rulesFor(tx, yard.gate_id);
  const direction = crossingDirectionOf(trip.direction);
  const vehicle = trip.vehicle_id ? await tx.selectFrom('vehicles').select('plate').where('id', '=', trip.vehicle_id).executeTakeFirst() : undefined;
  const plate = req.plate ?? vehicle?.plate ?? '';
  const flag = async (reason: FlagReason, details: Record<string, unknown>) => {
    const flagId = await raiseFlag(tx, actor, requestId, {
      gateId: yard.gate_id, yardId: yard.id, tripId: trip.id, plate, direction, reason, source: req.source, details: { ...details, ...req.details }, at: req.occurredAt,
    });
    return { outcome: 'flagged' as const, flagId, reason, details };
  };

  const verdict = await admission(tx, trip, yard, req.occurredAt, rules, gate.time_zone);
  if (!verdict.ok) return verdict.already ? { outcome: 'already_in_yard' } : flag(verdict.reason, verdict.details);

  if (req.lane && !rules.lanes.some((l) => l.code === req.lane)) throw new AppError('yards.unknown_lane', { lane: req.lane });
  const occupancy = await tx
    .selectFrom('yard_visits')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('yard_id', '=', yard.id)
    .where('status', 'in', ['queued', 'called'])
    .executeTakeFirstOrThrow();
  const full = Number(occupancy.n) >= yard.capacity;
  if (full && !req.overCapacity) return flag('yard_full', { capacity: yard.capacity, occupancy: Number(occupancy.n) });

  const lines = await tx.selectFrom('trip_cargo_lines').select(['hs_code', 'perishable']).where('trip_id', '=', trip.id).execute();
  const lane = req.lane
    ? rules.lanes.find((l) => l.code === req.lane)!
    : laneFor(rules.lanes, { hsCodes: lines.map((l) => l.hs_code ?? ''), perishable: lines.some((l) => l.perishable) }, direction);
  const windowStart = trip.planned_date && trip.window_from ? instantAt(trip.planned_date, trip.window_from, gate.time_zone) : null;
  const windowEnd = trip.planned_date && trip.window_to ? instantAt(trip.planned_date, trip.window_to, gate.time_zone) : null;
  const late = windowEnd !== null && req.occurredAt.getTime() > windowEnd.getTime() + rules.rules.arrival.lateGraceMinutes * 60_000;

  await tx
    .insertInto('yard_visits')
    .values({
      trip_id: trip.id, gate_id: yard.gate_id, yard_id: yard.id, direction, lane: lane.code, lane_priority: lane.priority, source: req.source, plate,
      arrived_at: req.occurredAt, queue_key: req.occurredAt, window_start: windowStart, window_end: windowEnd, late, over_capacity: full,
      created_at: now, updated_at: now,
    })
    .execute();
  await tx.updateTable('trips').set({ status: 'checked_in', version: trip.version + 1, updated_at: now }).where('id', '=', trip.id).execute();
  await touchTimings(tx, { id: trip.id, gateId: yard.gate_id, direction }, { yard_id: yard.id, lane: lane.code, arrived_at: req.occurredAt }, now);
  const details = { yardId: yard.id, lane: lane.code, source: req.source, plate, late, ...(full ? { overCapacity: true } : {}), ...req.details };
  await recordTripChange(tx, actor, requestId, { tripId: trip.id, action: 'check_in', from: trip.status, to: 'checked_in', at: req.occurredAt, reason: req.reason ?? null, details });
  await emitEvent(tx, {
    type: 'trip.checked_in',
    occurredAt: req.occurredAt,
    gateId: yard.gate_id,
    tripId: trip.id,
    direction,
    payload: { enterpriseId: trip.enterprise_id, yardId: yard.id, lane: lane.code, plate, source: req.source },
  });
  if (full) {
    // Admitted over capacity by an operator: recorded, and visible as a flag.
    await raiseFlag(tx, actor, requestId, {
      gateId: yard.gate_id, yardId: yard.id, tripId: trip.id, plate, direction, reason: 'yard_full', source: req.source,
      details: { capacity: yard.capacity, occupancy: Number(occupancy.n), admittedOverCapacity: true, reason: req.reason ?? null }, at: req.occurredAt, reuse: false,
    });
  }
  await noticeDriver(
    tx,
    trip,
    'checked_in',
    { plate, yard: namesParam(yard), time: localTime(req.occurredAt, gate.time_zone), lane: namesParam(lane) },
    { at: req.occurredAt, now, sms: false, dedupeKey: `yard:checked_in:${trip.id}` },
  );
  return { outcome: 'checked_in', overCapacity: full };
}
