import type { TripYardStatus } from '../../../shared/schemas/yards';
import { crossingDirectionOf } from '../capacity/capacity-query';
import type { AuthenticatedActor } from '../platform/actor';
import type { Executor, TripRow } from '../trips/trips.repository';
import { etaFor, standingOf } from './eta-read';
import { yardActionsNow } from './paths';
import { bandOf } from './queue-order';
import { rulesFor } from './rules';
import { tripTimings } from './timings';

// The yard status of one trip, as the trip page (TripYardPanel), the operator's answers and the
// driver page read it.

export function canActAtGate(actor: AuthenticatedActor | null, gateId: string | null): boolean {
  if (!actor || !gateId || !actor.permissions.has('yards:write')) return false;
  return actor.role === 'admin' || actor.gateIds.includes(gateId);
}

export async function tripYardStatus(db: Executor, actor: AuthenticatedActor | null, trip: TripRow, now: Date): Promise<TripYardStatus> {
  const direction = crossingDirectionOf(trip.direction);
  const visit = await db.selectFrom('yard_visits').selectAll().where('trip_id', '=', trip.id).executeTakeFirst();
  const yard = visit ? await db.selectFrom('yards').select(['id', 'name_vi', 'name_en', 'name_zh']).where('id', '=', visit.yard_id).executeTakeFirst() : undefined;
  const rules = trip.gate_id ? await rulesFor(db, trip.gate_id) : null;
  const lane = visit && rules ? rules.lanes.find((l) => l.code === visit.lane) : undefined;
  const live = visit && (visit.status === 'queued' || visit.status === 'called') && trip.gate_id;
  const standing = live ? await standingOf(db, trip.gate_id!, direction, trip.id, now) : { row: null, position: null, aheadCount: null };
  const eta = live && rules ? await etaFor(db, trip.gate_id!, direction, standing, rules, now) : null;
  const vehicle = trip.vehicle_id ? await db.selectFrom('vehicles').select('plate').where('id', '=', trip.vehicle_id).executeTakeFirst() : undefined;
  return {
    tripId: trip.id,
    reference: trip.reference,
    gateId: trip.gate_id,
    direction,
    tripStatus: trip.status as TripYardStatus['tripStatus'],
    clearanceStatus: trip.clearance_status as TripYardStatus['clearanceStatus'],
    plate: visit?.plate ?? vehicle?.plate ?? null,
    visitStatus: (visit?.status as TripYardStatus['visitStatus']) ?? null,
    yard: yard ? { id: yard.id, nameVi: yard.name_vi, nameEn: yard.name_en, nameZh: yard.name_zh } : null,
    lane: lane ? { code: lane.code, nameVi: lane.nameVi, nameEn: lane.nameEn, nameZh: lane.nameZh } : visit ? { code: visit.lane, nameVi: visit.lane, nameEn: visit.lane, nameZh: null } : null,
    band: visit && visit.status === 'queued' ? bandOf({ late: visit.late, windowStart: visit.window_start }, now) : null,
    position: standing.position,
    aheadCount: standing.aheadCount,
    callDeadline: visit?.status === 'called' ? (visit.call_deadline?.toISOString() ?? null) : null,
    held: visit?.held ?? false,
    source: (visit?.source as TripYardStatus['source']) ?? null,
    timings: await tripTimings(db, trip.id),
    eta,
    nextActions: yardActionsNow(direction, trip.status),
    canAct: canActAtGate(actor, trip.gate_id),
  };
}
