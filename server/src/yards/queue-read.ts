import type { QueueCapacity, QueueEntry, YardRules } from '../../../shared/schemas/yards';
import { capacityAt, type CrossingDirection } from '../capacity/capacity-query';
import type { Executor } from '../trips/trips.repository';
import { freeSlots } from './call-plan';
import { yardActionsNow } from './paths';
import { bandOf, orderQueue, type QueueFacts } from './queue-order';

// Reading the queue of a gate and direction from the stored facts (visits, trips), in the order
// of queue-order.ts, and the capacity free now.

export interface QueueRow extends QueueFacts {
  gateId: string;
  yardId: string;
  direction: CrossingDirection;
  visitStatus: 'queued' | 'called';
  source: string;
  plate: string;
  arrivedAt: Date;
  windowEnd: Date | null;
  dropBacks: number;
  held: boolean;
  calledAt: Date | null;
  callDeadline: Date | null;
  tripStatus: string;
  clearanceStatus: string;
  enterpriseId: string;
  enterpriseName: string;
  trailerPlate: string | null;
}

export async function loadVisits(db: Executor, gateId: string, direction: CrossingDirection, onlyTripIds?: string[]): Promise<QueueRow[]> {
  let query = db
    .selectFrom('yard_visits as v')
    .innerJoin('trips as t', 't.id', 'v.trip_id')
    .innerJoin('enterprises as e', 'e.id', 't.enterprise_id')
    .leftJoin('vehicles as veh', 'veh.id', 't.vehicle_id')
    .select([
      'v.trip_id', 'v.gate_id', 'v.yard_id', 'v.direction', 'v.lane', 'v.lane_priority', 'v.status', 'v.source', 'v.plate', 'v.arrived_at', 'v.queue_key',
      'v.window_start', 'v.window_end', 'v.late', 'v.drop_backs', 'v.held', 'v.called_at', 'v.call_deadline',
      't.reference', 't.status as trip_status', 't.clearance_status', 't.enterprise_id', 'e.name as enterprise_name', 'veh.trailer_plate',
    ])
    .where('v.gate_id', '=', gateId)
    .where('v.direction', '=', direction)
    .where('v.status', 'in', ['queued', 'called']);
  if (onlyTripIds) query = query.where('v.trip_id', 'in', onlyTripIds.length ? onlyTripIds : ['00000000-0000-0000-0000-000000000000']);
  const rows = await query.execute();
  return rows.map((r) => ({
    tripId: r.trip_id,
    reference: r.reference,
    gateId: r.gate_id,
    yardId: r.yard_id,
    direction: r.direction as CrossingDirection,
    lane: r.lane,
    lanePriority: r.lane_priority,
    visitStatus: r.status as 'queued' | 'called',
    source: r.source,
    plate: r.plate,
    arrivedAt: r.arrived_at,
    queueKey: r.queue_key,
    windowStart: r.window_start,
    windowEnd: r.window_end,
    late: r.late,
    dropBacks: r.drop_backs,
    held: r.held,
    calledAt: r.called_at,
    callDeadline: r.call_deadline,
    tripStatus: r.trip_status,
    clearanceStatus: r.clearance_status,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    trailerPlate: r.trailer_plate ?? null,
  }));
}

export interface GateQueue {
  queued: QueueRow[];
  called: QueueRow[];
}

export async function gateQueue(db: Executor, gateId: string, direction: CrossingDirection, now: Date): Promise<GateQueue> {
  const rows = await loadVisits(db, gateId, direction);
  return {
    queued: orderQueue(rows.filter((r) => r.visitStatus === 'queued'), now),
    called: rows.filter((r) => r.visitStatus === 'called').sort((a, b) => a.calledAt!.getTime() - b.calledAt!.getTime()),
  };
}

export const isEligible = (r: Pick<QueueRow, 'clearanceStatus' | 'held'>) => r.clearanceStatus === 'cleared' && !r.held;

export function toEntry(r: QueueRow, now: Date, position: number | null): QueueEntry {
  return {
    position,
    tripId: r.tripId,
    reference: r.reference,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    plate: r.plate,
    trailerPlate: r.trailerPlate,
    yardId: r.yardId,
    direction: r.direction,
    lane: r.lane,
    lanePriority: r.lanePriority,
    band: bandOf(r, now),
    visitStatus: r.visitStatus,
    tripStatus: r.tripStatus as QueueEntry['tripStatus'],
    clearanceStatus: r.clearanceStatus as QueueEntry['clearanceStatus'],
    source: r.source as QueueEntry['source'],
    arrivedAt: r.arrivedAt.toISOString(),
    waitingMinutes: Math.max(0, Math.floor((now.getTime() - r.arrivedAt.getTime()) / 60_000)),
    windowStart: r.windowStart?.toISOString() ?? null,
    windowEnd: r.windowEnd?.toISOString() ?? null,
    calledAt: r.calledAt?.toISOString() ?? null,
    callDeadline: r.callDeadline?.toISOString() ?? null,
    dropBacks: r.dropBacks,
    held: r.held,
    eligible: r.visitStatus === 'queued' && isEligible(r),
    nextActions: yardActionsNow(r.direction, r.tripStatus),
  };
}

/** Capacity at this instant: calls used in the local hour (not dropped back), trucks called now. */
export async function capacityNow(db: Executor, gateId: string, direction: CrossingDirection, now: Date, rules: YardRules): Promise<QueueCapacity> {
  const cap = await capacityAt(db, gateId, direction, now);
  const used = await db
    .selectFrom('yard_calls')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('gate_id', '=', gateId)
    .where('direction', '=', direction)
    .where('slot_date', '=', cap.date)
    .where('slot_hour', '=', cap.hour)
    .where('outcome', '<>', 'dropped_back')
    .executeTakeFirstOrThrow();
  const called = await db
    .selectFrom('yard_visits')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('gate_id', '=', gateId)
    .where('direction', '=', direction)
    .where('status', '=', 'called')
    .executeTakeFirstOrThrow();
  const facts = { open: cap.open, perHour: cap.perHour, usedThisHour: Number(used.n), calledNow: Number(called.n), maxCalledAtOnce: rules.rules.callForward.maxCalledAtOnce };
  return { ...facts, date: cap.date, hour: cap.hour, perDay: cap.perDay, free: freeSlots(facts) };
}
