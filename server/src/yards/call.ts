import type { Transaction } from 'kysely';
import type { Database } from '../db/database';
import type { Actor } from '../platform/actor';
import { emitEvent } from '../platform/events';
import { capacityAt } from '../capacity/capacity-query';
import { recordTripChange } from '../trips/timeline';
import type { TripRow } from '../trips/trips.repository';
import { localTime, noticeDriver } from './notify-driver';
import { namesParam } from './reference';
import { touchTimings } from './timings';

// Calling one truck forward (the call-forward decides which and how many, under its lock). The
// driver is told on the phone page, in the app and by SMS; the call is kept with the local hour of
// capacity it uses and the deadline after which the drop-back rule applies.

export interface CallArgs {
  trip: TripRow;
  visit: { yard_id: string; lane: string; plate: string; direction: 'export' | 'import' };
  at: Date;
  respondMinutes: number;
  calledBy: 'job' | 'operator' | 'offline';
}

export async function callTruck(tx: Transaction<Database>, actor: Actor, requestId: string | null, args: CallArgs, now: Date): Promise<{ deadline: Date }> {
  const { trip, visit, at } = args;
  const gateId = trip.gate_id!;
  const deadline = new Date(at.getTime() + args.respondMinutes * 60_000);
  const slot = await capacityAt(tx, gateId, visit.direction, at);
  await tx.updateTable('trips').set({ status: 'called', version: trip.version + 1, updated_at: now }).where('id', '=', trip.id).execute();
  await tx
    .updateTable('yard_visits')
    .set({ status: 'called', called_at: at, call_deadline: deadline, updated_at: now, version: (eb) => eb('version', '+', 1) })
    .where('trip_id', '=', trip.id)
    .execute();
  const call = await tx
    .insertInto('yard_calls')
    .values({
      trip_id: trip.id, gate_id: gateId, direction: visit.direction, yard_id: visit.yard_id, lane: visit.lane, called_at: at, deadline_at: deadline,
      slot_date: slot.date, slot_hour: slot.hour, called_by: args.calledBy, actor_label: actor.kind === 'system' ? `system:${actor.label}` : actor.kind === 'anonymous' ? 'anonymous' : actor.username,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const timing = await tx.selectFrom('trip_timings').select('first_called_at').where('trip_id', '=', trip.id).executeTakeFirst();
  await touchTimings(tx, { id: trip.id, gateId, direction: visit.direction }, { called_at: at, first_called_at: timing?.first_called_at ?? at }, now);
  await recordTripChange(tx, actor, requestId, {
    tripId: trip.id, action: 'call', from: trip.status, to: 'called', at,
    details: { yardId: visit.yard_id, lane: visit.lane, deadline: deadline.toISOString(), calledBy: args.calledBy, callId: call.id },
  });
  await emitEvent(tx, { type: 'trip.called', occurredAt: at, gateId, tripId: trip.id, direction: visit.direction, payload: { enterpriseId: trip.enterprise_id, yardId: visit.yard_id, lane: visit.lane } });
  const gate = await tx.selectFrom('gates').select('time_zone').where('id', '=', gateId).executeTakeFirstOrThrow();
  const yard = await tx.selectFrom('yards').select(['name_vi', 'name_en', 'name_zh']).where('id', '=', visit.yard_id).executeTakeFirstOrThrow();
  await noticeDriver(
    tx,
    trip,
    'called',
    { plate: visit.plate, yard: namesParam(yard), deadline: localTime(deadline, gate.time_zone) },
    { at, now, sms: true, dedupeKey: `yard:called:${call.id}` },
  );
  return { deadline };
}
