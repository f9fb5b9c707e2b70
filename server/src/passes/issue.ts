import type { Transaction } from 'kysely';
import type { PassPayload } from '../../../shared/schemas/passes';
import type { Database } from '../db/database';
import { instantAt } from '../trips/time';
import { tripSettings } from '../trips/settings';
import { currentSigningKey } from './keys';
import { signPass } from './token';

// Issuing and ending passes, inside the transaction that pays, amends or cancels the trip.
// A trip has at most one valid pass; a new one supersedes the old (the serial tells them apart).

/** The end of the planned window plus the unused-pass grace: after it the pass is worthless. */
export function passValidUntil(plannedDate: string, windowTo: string, timeZone: string): Date {
  return new Date(instantAt(plannedDate, windowTo, timeZone).getTime() + tripSettings().passUnusedGraceHours * 3_600_000);
}

export async function endPasses(tx: Transaction<Database>, tripId: string, status: 'superseded' | 'revoked', now: Date): Promise<number> {
  const result = await tx
    .updateTable('gate_passes')
    .set({ status, ended_at: now })
    .where('trip_id', '=', tripId)
    .where('status', '=', 'valid')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Signs a new pass for a paid trip from its current declaration; returns its serial. */
export async function issuePass(tx: Transaction<Database>, tripId: string, now: Date): Promise<number> {
  const trip = await tx
    .selectFrom('trips')
    .innerJoin('vehicles', 'vehicles.id', 'trips.vehicle_id')
    .innerJoin('drivers', 'drivers.id', 'trips.driver_id')
    .innerJoin('gates', 'gates.id', 'trips.gate_id')
    .select([
      'trips.id', 'trips.reference', 'trips.gate_id', 'trips.direction', 'trips.planned_date', 'trips.window_from', 'trips.window_to',
      'vehicles.plate', 'vehicles.trailer_plate', 'drivers.document_number', 'drivers.nationality', 'gates.time_zone',
    ])
    .where('trips.id', '=', tripId)
    .executeTakeFirstOrThrow();
  await endPasses(tx, tripId, 'superseded', now);
  const last = await tx.selectFrom('gate_passes').select((eb) => eb.fn.max('serial').as('serial')).where('trip_id', '=', tripId).executeTakeFirst();
  const serial = (last?.serial ?? 0) + 1;
  const key = await currentSigningKey(tx, now);
  const validUntil = passValidUntil(trip.planned_date!, trip.window_to!, trip.time_zone);
  const payload: PassPayload = {
    v: 1,
    kid: key.kid,
    ref: trip.reference,
    tid: trip.id,
    sn: serial,
    gate: trip.gate_id!,
    dir: trip.direction!,
    date: trip.planned_date!,
    from: trip.window_from!.slice(0, 5),
    to: trip.window_to!.slice(0, 5),
    plate: trip.plate,
    trl: trip.trailer_plate,
    drv: trip.document_number,
    nat: trip.nationality,
    iat: Math.floor(now.getTime() / 1000),
    exp: Math.floor(validUntil.getTime() / 1000),
  };
  await tx
    .insertInto('gate_passes')
    .values({ trip_id: tripId, serial, kid: key.kid, token: signPass(payload, key.privateKey), payload: JSON.stringify(payload), issued_at: now, valid_until: validUntil })
    .execute();
  return serial;
}
