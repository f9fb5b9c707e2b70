import type { ResolveConflictRequest, SyncConflict } from '../../../shared/schemas/yards';
import { recordAudit } from '../audit/audit.repository';
import { crossingDirectionOf } from '../capacity/capacity-query';
import { actorLabel, requirePermission } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';
import type { Executor } from '../trips/trips.repository';
import { findTripRow } from '../trips/trips.repository';
import { yardActionsNow } from './paths';
import { requireYardAccess } from './scope';
import { adoptEarlierTime, applySyncEvent, settleTrip, type SyncEventRow } from './sync-apply';

// Offline events the server could not apply, for an operator: listed with the device's record and
// what the server had, then accepted (applied now; for a duplicate, the device's time becomes the
// recorded one) or discarded, with a reason. Both are audited.

const base = (db: Executor) => db.selectFrom('yard_sync_events as s').leftJoin('trips as t', 't.id', 's.trip_id').selectAll('s').select('t.reference');
type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

function toConflict(r: Row): SyncConflict {
  return {
    id: r.id,
    clientEventId: r.client_event_id,
    deviceId: r.device_id,
    gateId: r.gate_id,
    yardId: r.yard_id,
    type: r.type as SyncConflict['type'],
    reason: (r.conflict_reason ?? 'not_allowed_now') as SyncConflict['reason'],
    status: r.status as SyncConflict['status'],
    tripId: r.trip_id,
    tripReference: r.reference ?? r.trip_reference,
    device: {
      occurredAt: r.occurred_at.toISOString(),
      tripReference: r.trip_reference,
      plate: r.plate,
      lane: r.lane,
      reason: r.reason,
      payload: r.payload ?? {},
      recordedBy: r.recorded_by_label,
    },
    server: (r.server_version ?? {}) as Record<string, unknown>,
    receivedAt: r.received_at.toISOString(),
    resolvedAt: r.resolved_at?.toISOString() ?? null,
    resolvedBy: r.resolved_by_label,
    resolution: r.resolution,
  };
}

export async function listConflicts(ctx: RequestContext, gateId: string, status: 'open' | 'resolved' = 'open'): Promise<SyncConflict[]> {
  requireYardAccess(ctx.actor, 'yards:read', gateId);
  let q = base(ctx.app.db).where('s.gate_id', '=', gateId);
  q = status === 'open' ? q.where('s.status', '=', 'conflict') : q.where('s.status', 'in', ['accepted', 'discarded']);
  const rows = await q.orderBy('s.occurred_at').orderBy('s.client_event_id').limit(1000).execute();
  return rows.map(toConflict);
}

export async function resolveConflict(ctx: RequestContext, id: string, body: ResolveConflictRequest): Promise<SyncConflict> {
  const who = requirePermission(ctx.actor, 'yards:write');
  const found = await ctx.app.db.selectFrom('yard_sync_events').select('gate_id').where('id', '=', id).executeTakeFirst();
  if (!found) throw new AppError('yards.conflict_not_found');
  const actor = requireYardAccess(who, 'yards:write', found.gate_id);
  const now = ctx.app.now();
  return ctx.app.db.transaction().execute(async (tx) => {
    const pre = await tx.selectFrom('yard_sync_events').select('trip_id').where('id', '=', id).executeTakeFirstOrThrow();
    // Lock order as everywhere: the trip first, then its events.
    if (pre.trip_id) await tx.selectFrom('trips').select('id').where('id', '=', pre.trip_id).forUpdate().executeTakeFirst();
    const ev = (await tx.selectFrom('yard_sync_events').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow()) as SyncEventRow;
    if (ev.status !== 'conflict') throw new AppError('yards.conflict_resolved');
    if (body.action === 'accept') {
      const trip = ev.trip_id ? await findTripRow(tx, ev.trip_id) : undefined;
      if (!trip || !['not_allowed_now', 'duplicate_record', 'not_admissible'].includes(ev.conflict_reason ?? '')) {
        throw new AppError('yards.conflict_not_applicable', { reason: ev.conflict_reason });
      }
      if (ev.conflict_reason === 'duplicate_record') {
        await adoptEarlierTime(tx, actor, trip, ev.type, ev.occurred_at, `operator accepted the device's record: ${body.reason}`, now);
      } else {
        const outcome = await applySyncEvent(tx, actor, trip, ev, now);
        if (!outcome.applied) {
          throw new AppError('yards.conflict_not_applicable', { reason: outcome.reason, tripStatus: trip.status, allowedActions: yardActionsNow(crossingDirectionOf(trip.direction), trip.status) });
        }
      }
    }
    await tx
      .updateTable('yard_sync_events')
      .set({ status: body.action === 'accept' ? 'accepted' : 'discarded', resolved_at: now, resolved_by: actor.userId, resolved_by_label: actorLabel(actor), resolution: body.reason, ...(body.action === 'accept' ? { applied_at: now } : {}) })
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, actor, ctx.requestId, {
      action: `yard.sync_conflict_${body.action === 'accept' ? 'accepted' : 'discarded'}`,
      entityType: 'yard_sync_event',
      entityId: id,
      before: { status: 'conflict', reason: ev.conflict_reason, type: ev.type, occurredAt: ev.occurred_at.toISOString(), tripId: ev.trip_id },
      after: { status: body.action === 'accept' ? 'accepted' : 'discarded' },
      reason: body.reason,
    });
    // An accepted step may unblock later offline steps of the same truck.
    if (body.action === 'accept' && ev.trip_id) await settleTrip(tx, actor, ev.trip_id, now);
    return toConflict(await base(tx).where('s.id', '=', id).executeTakeFirstOrThrow());
  });
}
