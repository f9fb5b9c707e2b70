import type { Transaction } from 'kysely';
import type { CheckInSource } from '../../../shared/schemas/yards';
import { crossingDirectionOf } from '../capacity/capacity-query';
import type { Database } from '../db/database';
import { localParts } from '../gates/calendar';
import type { Actor } from '../platform/actor';
import { AppError } from '../platform/errors';
import { checkInTrip, type CheckInOutcome } from './check-in';
import { raiseFlag } from './flags';
import { identify, type Identify } from './match';

// A truck presents itself at a yard entry (camera plate, QR pass, typed reference or plate,
// offline record): find its trip, then the one check-in service decides. No trip → flag.

export interface AdmitRequest {
  yardId: string;
  who: Identify;
  source: CheckInSource;
  occurredAt: Date;
  lane?: string;
  overCapacity?: boolean;
  reason?: string | null;
  details?: Record<string, unknown>;
}

export type AdmitOutcome = CheckInOutcome & { tripId: string | null };

export async function admitTruck(tx: Transaction<Database>, actor: Actor, requestId: string | null, req: AdmitRequest, now: Date): Promise<AdmitOutcome> {
  const yard = await tx.selectFrom('yards').select(['id', 'gate_id']).where('id', '=', req.yardId).executeTakeFirst();
  if (!yard) throw new AppError('yards.not_found', { yardId: req.yardId });
  const gate = await tx.selectFrom('gates').select('time_zone').where('id', '=', yard.gate_id).executeTakeFirstOrThrow();
  const match = await identify(tx, req.who, yard.gate_id, localParts(req.occurredAt, gate.time_zone).date);
  if (!match.ok) {
    const trip = match.tripId ? await tx.selectFrom('trips').select('direction').where('id', '=', match.tripId).executeTakeFirst() : undefined;
    const flagId = await raiseFlag(tx, actor, requestId, {
      gateId: yard.gate_id,
      yardId: yard.id,
      tripId: match.tripId,
      plate: match.plate,
      direction: trip ? crossingDirectionOf(trip.direction) : null,
      reason: match.reason,
      source: req.source,
      details: { ...match.details, ...req.details },
      at: req.occurredAt,
    });
    return { outcome: 'flagged', flagId, reason: match.reason, details: match.details, tripId: match.tripId };
  }
  const trip = (await tx.selectFrom('trips').selectAll().where('id', '=', match.trip.id).forUpdate().executeTakeFirst())!;
  const result = await checkInTrip(
    tx,
    actor,
    requestId,
    { trip, yardId: yard.id, source: req.source, occurredAt: req.occurredAt, plate: match.plate, lane: req.lane, overCapacity: req.overCapacity, reason: req.reason, details: req.details },
    now,
  );
  return { ...result, tripId: trip.id };
}
