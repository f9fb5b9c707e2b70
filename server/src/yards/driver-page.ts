import type { DriverTripView } from '../../../shared/schemas/yards';
import { driverInstructions } from '../clearance/driver-instructions';
import { crossingDirectionOf } from '../capacity/capacity-query';
import type { RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { matchPass } from './match';
import { driverMessage } from './reference';
import { tripYardStatus } from './status-view';

// The driver's page needs no account: the signed pass (the token in its QR) is the credential.
// It must verify with a published key and be the trip's current pass (not superseded or revoked);
// its time limit is not applied here, since a truck may wait in the queue past its window.

const STAGE: Record<string, DriverTripView['stage']> = {
  paid: 'not_arrived',
  checked_in: 'queued',
  called: 'called',
  left_yard: 'left_yard',
  crossed: 'crossed',
  completed: 'completed',
};

export async function driverTrip(ctx: RequestContext, reference: string, passToken: string): Promise<DriverTripView> {
  const db = ctx.app.db;
  const match = await matchPass(db, passToken);
  if (!match.ok) throw new AppError('yards.pass_invalid', { verdict: match.details.verdict ?? match.reason });
  const trip = match.trip;
  if (trip.reference !== reference.trim().toUpperCase()) throw new AppError('yards.trip_not_found');
  const now = ctx.app.now();
  const status = await tripYardStatus(db, null, trip, now);
  const gate = await db.selectFrom('gates').select(['id', 'name_vi', 'name_en', 'name_zh', 'time_zone']).where('id', '=', trip.gate_id!).executeTakeFirstOrThrow();
  const notices = await db.selectFrom('yard_driver_notices').selectAll().where('trip_id', '=', trip.id).orderBy('id', 'desc').limit(20).execute();
  const lastCall = notices.find((n) => n.code === 'called');
  const visit = await db.selectFrom('yard_visits').select(['status', 'called_at', 'call_deadline']).where('trip_id', '=', trip.id).executeTakeFirst();
  const direction = crossingDirectionOf(trip.direction);
  // An import is "not arrived" until it has passed the gate into Vietnam.
  const stage: DriverTripView['stage'] = STAGE[trip.status] ?? (trip.status === 'paid' && direction === 'import' ? 'not_arrived' : 'ended');
  const callNotice =
    visit?.status === 'called' && status.yard && visit.called_at && visit.call_deadline
      ? { calledAt: visit.called_at.toISOString(), deadlineAt: visit.call_deadline.toISOString(), yard: status.yard, message: (lastCall?.message as DriverTripView['notices'][number]['message']) ?? driverMessage('called', { reference: trip.reference }) }
      : null;
  const vehicle = await db.selectFrom('vehicles').select('plate').where('id', '=', trip.vehicle_id!).executeTakeFirst();
  return {
    reference: trip.reference,
    gate: { id: gate.id, nameVi: gate.name_vi, nameEn: gate.name_en, nameZh: gate.name_zh, timeZone: gate.time_zone },
    direction,
    plate: status.plate ?? vehicle?.plate ?? '',
    plannedDate: trip.planned_date!,
    window: { from: trip.window_from!.slice(0, 5), to: trip.window_to!.slice(0, 5) },
    stage,
    tripStatus: status.tripStatus,
    clearanceStatus: status.clearanceStatus,
    yard: status.yard,
    lane: status.lane,
    position: status.position,
    aheadCount: status.aheadCount,
    eta: status.eta,
    callNotice,
    notices: notices.map((n) => ({
      code: n.code as DriverTripView['notices'][number]['code'],
      at: n.at.toISOString(),
      params: flatParams(n.params),
      message: n.message as DriverTripView['notices'][number]['message'],
    })),
    instructions: (await driverInstructions(db, trip.id)).map((i) => ({ kind: i.kind, vi: i.vi, en: i.en, zh: i.zh, place: i.place ?? null, at: i.at ?? null })),
    updatedAt: now.toISOString(),
    refreshSeconds: stage === 'queued' || stage === 'called' ? 20 : 60,
  };
}

/** Parameters as plain values (a per-language name is given in Vietnamese; the message has all three). */
function flatParams(params: Record<string, unknown>): Record<string, string | number | null> {
  return Object.fromEntries(
    Object.entries(params ?? {}).map(([k, v]) => [k, v === null || typeof v === 'number' || typeof v === 'string' ? v : typeof v === 'object' && v && 'vi' in v ? String((v as { vi: string }).vi) : String(v)]),
  );
}
