import type { SyncRequest, SyncResponse } from '../../../shared/schemas/yards';
import { localParts } from '../gates/calendar';
import { actorLabel, requirePermission } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { emitEvent } from '../platform/events';
import { crossingDirectionOf } from '../capacity/capacity-query';
import { isFuture } from './event-time';
import { identify } from './match';
import { requireYardAccess } from './scope';
import { settleTrip } from './sync-apply';

// POST /api/v1/yards/sync: events a yard or gate device recorded while offline. Each is stored
// once by its client event id (a batch sent twice changes nothing the second time), tied to its
// trip (reference, pass or plate), then every touched trip is settled in time order
// (sync-apply.ts). Events that cannot be tied to a trip of the yard's gate are conflicts at once.

export async function syncEvents(ctx: RequestContext, body: SyncRequest): Promise<SyncResponse> {
  const who = requirePermission(ctx.actor, 'yards:write');
  const yardIds = [...new Set(body.events.map((e) => e.yardId))];
  const yards = await ctx.app.db.selectFrom('yards').select(['id', 'gate_id']).where('id', 'in', yardIds).execute();
  for (const id of yardIds) {
    const yard = yards.find((y) => y.id === id);
    if (!yard) throw new AppError('yards.not_found', { yardId: id });
    requireYardAccess(who, 'yards:write', yard.gate_id);
  }
  const now = ctx.app.now();
  return ctx.app.db.transaction().execute(async (tx) => {
    const touched = new Set<string>();
    const fresh = new Set<string>();
    for (const e of body.events) {
      const yard = yards.find((y) => y.id === e.yardId)!;
      const occurredAt = new Date(e.occurredAt);
      const gate = await tx.selectFrom('gates').select('time_zone').where('id', '=', yard.gate_id).executeTakeFirstOrThrow();
      let tripId: string | null = null;
      let reason: string = 'not_allowed_now';
      if (isFuture(occurredAt, now)) reason = 'future_time';
      else {
        const who = e.tripReference ? { reference: e.tripReference } : e.passToken ? { passToken: e.passToken } : e.plate ? { plate: e.plate } : null;
        const match = who ? await identify(tx, who, yard.gate_id, localParts(occurredAt, gate.time_zone).date) : null;
        if (!match) reason = 'unknown_truck';
        else if (!match.ok) reason = match.reason === 'pass_invalid' ? 'pass_invalid' : 'unknown_truck';
        else if (match.trip.gate_id !== yard.gate_id) {
          reason = 'wrong_gate';
          tripId = match.trip.id;
        } else tripId = match.trip.id;
      }
      const inserted = await tx
        .insertInto('yard_sync_events')
        .values({
          client_event_id: e.clientEventId, device_id: body.deviceId, gate_id: yard.gate_id, yard_id: yard.id, type: e.type, occurred_at: occurredAt,
          trip_reference: e.tripReference ?? null, plate: e.plate ?? null, pass_token: e.passToken ?? null, lane: e.lane ?? null, reason: e.reason ?? null,
          payload: JSON.stringify(e.payload ?? {}), recorded_by: who.userId, recorded_by_label: actorLabel(who), received_at: now,
          trip_id: tripId, status: 'conflict', conflict_reason: reason,
        })
        .onConflict((oc) => oc.column('client_event_id').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) continue;
      fresh.add(e.clientEventId);
      if (reason === 'not_allowed_now' && tripId) touched.add(tripId);
      else {
        const trip = tripId ? await tx.selectFrom('trips').select(['direction', 'enterprise_id']).where('id', '=', tripId).executeTakeFirst() : undefined;
        await emitEvent(tx, {
          type: 'yard.sync_conflict',
          occurredAt,
          gateId: yard.gate_id,
          tripId,
          direction: trip ? crossingDirectionOf(trip.direction) : null,
          payload: { yardId: yard.id, eventId: inserted.id, type: e.type, reason, deviceId: body.deviceId, ...(trip ? { enterpriseId: trip.enterprise_id } : {}) },
        });
      }
    }
    // Trips in a fixed order, so two batches touching the same trips never wait on each other in a cycle.
    for (const tripId of [...touched].sort()) await settleTrip(tx, who, tripId, now);
    const rows = await tx
      .selectFrom('yard_sync_events as s')
      .leftJoin('trips as t', 't.id', 's.trip_id')
      .select(['s.client_event_id', 's.status', 's.conflict_reason', 's.trip_id', 't.reference', 't.status as trip_status'])
      .where('s.client_event_id', 'in', body.events.map((e) => e.clientEventId))
      .execute();
    const byId = new Map(rows.map((r) => [r.client_event_id, r]));
    return {
      serverTime: now.toISOString(),
      results: body.events.map((e) => {
        const r = byId.get(e.clientEventId)!;
        return {
          clientEventId: e.clientEventId,
          outcome: !fresh.has(e.clientEventId) ? 'already_received' : r.status === 'applied' ? 'applied' : 'conflict',
          status: r.status as SyncResponse['results'][number]['status'],
          conflictReason: (r.conflict_reason as SyncResponse['results'][number]['conflictReason']) ?? null,
          tripId: r.trip_id,
          tripReference: r.reference ?? null,
          tripStatus: (r.trip_status as SyncResponse['results'][number]['tripStatus']) ?? null,
        };
      }),
    };
  });
}
