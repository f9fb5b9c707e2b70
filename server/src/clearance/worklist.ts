import { sql } from 'kysely';
import { agencyOfRole, type Channel, type ControlFlag, type WorklistItem, type WorklistQuery } from '../../../shared/schemas/clearance';
import type { ClearanceStatus, TripStatus } from '../../../shared/workflows/trip';
import { requireGateScope, requirePermission } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { tripScope } from '../trips/trip-scope';

// An officer's worklist: their agency's controls at their gates, perishable goods first, then
// the longest waiting. By default the open ones the agency must act on (pending, inspection);
// a control waiting for the enterprise's documents comes back when the enterprise answers.

const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function worklist(ctx: RequestContext, q: WorklistQuery): Promise<{ items: WorklistItem[]; total: number }> {
  const actor = requirePermission(ctx.actor, 'clearance:read');
  const db = ctx.app.db;
  const now = ctx.app.now();
  const scope = tripScope(actor);
  // Leaders and administrators read every gate; officers only theirs (403 for another).
  if (q.gateId && scope.kind !== 'all') requireGateScope(actor, q.gateId);
  // Officers default to their own agency; others (gate authority, leaders) see every agency.
  const agency = q.agency ?? agencyOfRole(actor.role) ?? undefined;
  const statuses = !q.status || q.status === 'open' ? ['pending', 'inspection'] : q.status === 'all' ? null : [q.status];
  const perishable = sql<boolean>`exists (select 1 from trip_cargo_lines l where l.trip_id = trips.id and l.perishable)`;
  const channel = sql<string | null>`(select cu.channel from clearance_controls cu where cu.trip_id = trips.id and cu.kind = 'customs' limit 1)`;

  let base = db
    .selectFrom('clearance_controls as c')
    .innerJoin('trips', 'trips.id', 'c.trip_id')
    .innerJoin('enterprises', 'enterprises.id', 'trips.enterprise_id')
    .leftJoin('vehicles', 'vehicles.id', 'trips.vehicle_id')
    .where('trips.status', '<>', 'draft');
  if (scope.kind === 'gates') base = base.where(scope.gateIds.length ? sql<boolean>`trips.gate_id = any(${scope.gateIds})` : sql<boolean>`false`);
  else if (scope.kind !== 'all') base = base.where(sql<boolean>`false`);
  if (q.gateId) base = base.where('trips.gate_id', '=', q.gateId);
  if (agency) base = base.where('c.agency', '=', agency);
  if (statuses) base = base.where('c.status', 'in', statuses);
  if (q.channel) base = base.where(channel, '=', q.channel);
  if (q.perishable !== undefined) base = base.where(perishable, '=', q.perishable);
  if (q.minWaitMinutes !== undefined) base = base.where('c.waiting_since', '<=', new Date(now.getTime() - q.minWaitMinutes * 60_000));
  if (q.plannedDate) base = base.where('trips.planned_date', '=', q.plannedDate);
  if (q.q) {
    const like = `%${q.q.trim().toUpperCase()}%`;
    base = base.where((eb) => eb.or([eb('trips.reference', 'like', like), eb(sql`upper(vehicles.plate)`, 'like', like)]));
  }

  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      'c.id as control_id',
      'c.trip_id',
      'c.agency',
      'c.kind',
      'c.status',
      'c.flags',
      'c.waiting_since',
      'c.answered',
      'c.version',
      'trips.reference',
      'trips.gate_id',
      'trips.status as trip_status',
      'trips.clearance_status',
      'trips.direction',
      'trips.planned_date',
      'trips.window_from',
      'trips.window_to',
      'enterprises.name as enterprise_name',
      'vehicles.plate',
      perishable.as('perishable'),
      channel.as('channel'),
    ])
    .orderBy(perishable, 'desc')
    .orderBy(sql`c.waiting_since asc nulls last`)
    .orderBy('trips.reference')
    .limit(q.limit ?? 50)
    .offset(q.offset ?? 0)
    .execute();

  const tripIds = [...new Set(rows.map((r) => r.trip_id))];
  const controlIds = rows.map((r) => r.control_id);
  const [goods, inspections] = await Promise.all([
    tripIds.length
      ? db.selectFrom('trip_cargo_lines').select(['trip_id', sql<string>`string_agg(coalesce(description, hs_code, ''), '; ' order by line_no)`.as('goods')]).where('trip_id', 'in', tripIds).groupBy('trip_id').execute()
      : [],
    controlIds.length
      ? db.selectFrom('clearance_inspections').select(['control_id', 'bay_id', 'slot_start', 'slot_end']).where('control_id', 'in', controlIds).where('status', '=', 'scheduled').execute()
      : [],
  ]);
  const goodsOf = new Map(goods.map((g) => [g.trip_id, g.goods]));
  const time = (t: string | null) => (t ? t.slice(0, 5) : null);
  return {
    total: Number(total.n),
    items: rows.map((r) => {
      const inspection = inspections.find((i) => i.control_id === r.control_id);
      return {
        controlId: r.control_id,
        tripId: r.trip_id,
        reference: r.reference,
        enterpriseName: r.enterprise_name,
        gateId: r.gate_id!,
        agency: r.agency as WorklistItem['agency'],
        kind: r.kind as WorklistItem['kind'],
        status: r.status as WorklistItem['status'],
        channel: (r.channel ?? null) as Channel | null,
        tripStatus: r.trip_status as TripStatus,
        clearanceStatus: r.clearance_status as ClearanceStatus,
        direction: r.direction as WorklistItem['direction'],
        plannedDate: r.planned_date,
        window: r.window_from && r.window_to ? { from: time(r.window_from)!, to: time(r.window_to)! } : null,
        plate: r.plate ?? null,
        perishable: Boolean(r.perishable),
        goods: goodsOf.get(r.trip_id) ?? '',
        flags: r.flags as ControlFlag[],
        waitingSince: iso(r.waiting_since),
        waitingMinutes: r.waiting_since ? Math.max(0, Math.floor((now.getTime() - r.waiting_since.getTime()) / 60_000)) : 0,
        answered: r.answered,
        inspection: inspection ? { bayId: inspection.bay_id, slotStart: inspection.slot_start.toISOString(), slotEnd: inspection.slot_end.toISOString() } : null,
        version: r.version,
      };
    }),
  };
}
