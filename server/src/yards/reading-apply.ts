import type { Transaction } from 'kysely';
import { crossingDirectionOf } from '../capacity/capacity-query';
import type { Database } from '../db/database';
import { localParts } from '../gates/calendar';
import type { Actor } from '../platform/actor';
import { admitTruck } from './admit';
import { raiseFlag } from './flags';
import { matchPlate } from './match';
import { stepTarget } from './paths';
import { recordStep } from './steps';

// What a plate reading means depends on where the camera stands: at a yard entry it checks the
// truck in (through the one check-in service); at the exit it records leaving the yard (only a
// called truck may leave); at the gate line it records passing the gate. A reading of a truck
// already past that point changes nothing (ignored); anything else is flagged.

export interface ReadingToApply {
  id: string;
  camera_id: string;
  camera_position: string;
  yard_id: string;
  gate_id: string;
  captured_at: Date;
}

export interface ReadingResult {
  status: 'applied' | 'flagged' | 'ignored';
  tripId: string | null;
  flagId: string | null;
}

const PAST_EXIT = ['left_yard', 'crossed', 'completed'];

export async function applyReading(tx: Transaction<Database>, actor: Actor, requestId: string | null, reading: ReadingToApply, plate: string, now: Date): Promise<ReadingResult> {
  const at = reading.captured_at;
  const details = { readingId: reading.id, cameraId: reading.camera_id };
  if (reading.camera_position === 'entry') {
    const r = await admitTruck(tx, actor, requestId, { yardId: reading.yard_id, who: { plate }, source: 'camera', occurredAt: at, details }, now);
    if (r.outcome === 'checked_in') return { status: 'applied', tripId: r.tripId, flagId: null };
    if (r.outcome === 'already_in_yard') return { status: 'ignored', tripId: r.tripId, flagId: null };
    return { status: 'flagged', tripId: r.tripId, flagId: r.flagId };
  }
  const gate = await tx.selectFrom('gates').select('time_zone').where('id', '=', reading.gate_id).executeTakeFirstOrThrow();
  const match = await matchPlate(tx, plate, reading.gate_id, localParts(at, gate.time_zone).date);
  const flag = async (reason: 'unknown_plate' | 'exit_not_called' | 'wrong_step', tripId: string | null, direction: string | null, extra: Record<string, unknown> = {}) => ({
    status: 'flagged' as const,
    tripId,
    flagId: await raiseFlag(tx, actor, requestId, {
      gateId: reading.gate_id, yardId: reading.yard_id, tripId, plate, direction, reason, source: 'camera', details: { ...details, position: reading.camera_position, ...extra }, at,
    }),
  });
  if (!match.ok || match.trip.gate_id !== reading.gate_id) return flag('unknown_plate', null, null);
  const trip = (await tx.selectFrom('trips').selectAll().where('id', '=', match.trip.id).forUpdate().executeTakeFirst())!;
  const direction = crossingDirectionOf(trip.direction);
  const action = reading.camera_position === 'exit' ? 'leave_yard' : 'pass_gate';
  if (stepTarget(direction, trip.status, action)) {
    await recordStep(tx, actor, requestId, { trip, action, occurredAt: at, source: 'camera', details }, now);
    return { status: 'applied', tripId: trip.id, flagId: null };
  }
  const alreadyPast = action === 'leave_yard' ? PAST_EXIT.includes(trip.status) : direction === 'export' ? ['crossed', 'completed'].includes(trip.status) : trip.status !== 'paid' && trip.status !== 'submitted';
  if (alreadyPast) return { status: 'ignored', tripId: trip.id, flagId: null };
  if (action === 'leave_yard' && trip.status === 'checked_in') return flag('exit_not_called', trip.id, direction);
  return flag('wrong_step', trip.id, direction, { tripStatus: trip.status, step: action });
}
