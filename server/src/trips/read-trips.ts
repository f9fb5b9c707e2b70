import type { Trip, TripChecksResult, TripEvent, TripListQuery, TripSummary, TripVersion } from '../../../shared/schemas/trips';
import type { RequestContext } from '../platform/context';
import { requirePermission } from '../platform/actor';
import { readableTrip, scopeTrips } from './trip-scope';
import { loadCheckInput } from './check-context';
import { submissionChecks } from './checks';
import { toTripSummary, tripView } from './trip-view';
import { fieldsOf, loadAggregate } from './trips.repository';

export async function getTrip(ctx: RequestContext, id: string): Promise<Trip> {
  const { row } = await readableTrip(ctx.app.db, ctx.actor, id);
  return tripView(ctx.app.db, ctx.actor, row);
}

export async function listTrips(ctx: RequestContext, q: TripListQuery): Promise<{ items: TripSummary[]; total: number }> {
  const actor = requirePermission(ctx.actor, 'trips:read');
  let query = scopeTrips(
    ctx.app.db
      .selectFrom('trips')
      .innerJoin('enterprises', 'enterprises.id', 'trips.enterprise_id')
      .leftJoin('vehicles', 'vehicles.id', 'trips.vehicle_id')
      .leftJoin('drivers', 'drivers.id', 'trips.driver_id'),
    actor,
  );
  if (q.status) query = query.where('trips.status', '=', q.status);
  if (q.gateId) query = query.where('trips.gate_id', '=', q.gateId);
  if (q.from) query = query.where('trips.planned_date', '>=', q.from);
  if (q.to) query = query.where('trips.planned_date', '<=', q.to);
  if (q.q) {
    const bare = `%${q.q.toUpperCase().replace(/[\s.\-·\\%_]/g, '')}%`;
    query = query.where((eb) => eb.or([eb('trips.reference', 'like', `%${q.q!.toUpperCase().replace(/[\\%_]/g, '')}%`), eb(eb.fn('translate', ['vehicles.plate', eb.val('.-·'), eb.val('')]), 'like', bare)]));
  }
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll('trips')
    .select(['enterprises.name as enterprise_name', 'vehicles.plate as plate', 'drivers.full_name as driver_name'])
    .orderBy('trips.planned_date', (ob) => ob.desc().nullsFirst())
    .orderBy('trips.created_at', 'desc')
    .limit(q.limit ?? 50)
    .offset(q.offset ?? 0)
    .execute();
  return { items: rows.map(toTripSummary), total: Number(total.n) };
}

export async function tripTimeline(ctx: RequestContext, id: string): Promise<TripEvent[]> {
  await readableTrip(ctx.app.db, ctx.actor, id);
  const rows = await ctx.app.db.selectFrom('trip_events').selectAll().where('trip_id', '=', id).orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    action: r.action,
    fromStatus: r.from_status as TripEvent['fromStatus'],
    toStatus: r.to_status as TripEvent['toStatus'],
    actor: r.actor_label,
    reason: r.reason,
    details: r.details,
  }));
}

export async function tripVersions(ctx: RequestContext, id: string): Promise<TripVersion[]> {
  await readableTrip(ctx.app.db, ctx.actor, id);
  const rows = await ctx.app.db.selectFrom('trip_versions').selectAll().where('trip_id', '=', id).orderBy('version', 'desc').execute();
  return rows.map((r) => ({
    version: r.version,
    at: r.changed_at.toISOString(),
    actor: r.changed_by_label,
    reason: r.reason,
    status: r.status as TripVersion['status'],
    changes: r.changes,
    snapshot: r.snapshot,
  }));
}

/** Runs every submission check on the saved declaration without changing anything. */
export async function checkTrip(ctx: RequestContext, id: string): Promise<TripChecksResult> {
  const { row } = await readableTrip(ctx.app.db, ctx.actor, id);
  const fields = fieldsOf(await loadAggregate(ctx.app.db, row));
  const { problems, fee } = submissionChecks(await loadCheckInput(ctx.app.db, fields, row.enterprise_id, id, ctx.app.now()));
  return { ok: problems.length === 0, errors: problems, feeTotal: fee?.ok ? fee.total : null };
}
