import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/database';
import type { CrossingDirection } from '../capacity/capacity-query';

// The SQL behind the board and the feed. Every figure comes from stored facts: trips' current
// status (a truck in a yard is checked_in or called) and the domain events with their real
// times (arrivals, calls, clearances, crossings). Where a truck is (yard, lane) is what its
// latest trip.checked_in event said.

export type Executor = Kysely<Database> | Transaction<Database>;

/** Crossing direction of a trips row, as capacity-query's crossingDirectionOf (export, else import). */
const crossingDirection = sql<CrossingDirection>`case when t.direction = 'export' then 'export' else 'import' end`;

/** The latest check-in of each trip: where it is and since when. */
const latestCheckIn = sql`left join lateral (
    select d.occurred_at, d.payload from domain_events d
    where d.trip_id = t.id and d.type = 'trip.checked_in'
    order by d.occurred_at desc, d.id desc limit 1) ci on true`;

export interface InYardGroup {
  gateId: string;
  direction: CrossingDirection;
  status: 'checked_in' | 'called';
  yardId: string | null;
  lane: string | null;
  count: number;
}

/** Trucks in the yards of these gates, by direction, status, yard and lane. */
export async function inYardGroups(db: Executor, gateIds: string[]): Promise<InYardGroup[]> {
  if (gateIds.length === 0) return [];
  const result = await sql<{ gate_id: string; direction: CrossingDirection; status: 'checked_in' | 'called'; yard_id: string | null; lane: string | null; n: number }>`
    select t.gate_id, ${crossingDirection} as direction, t.status,
      ci.payload->>'yardId' as yard_id, ci.payload->>'lane' as lane, count(*)::int as n
    from trips t ${latestCheckIn}
    where t.gate_id = any(${gateIds}) and t.status in ('checked_in', 'called')
    group by 1, 2, 3, 4, 5`.execute(db);
  return result.rows.map((r) => ({ gateId: r.gate_id, direction: r.direction, status: r.status, yardId: r.yard_id, lane: r.lane, count: Number(r.n) }));
}

/** Trucks called forward (the queue draining) per gate and direction since an instant. */
export async function callsSince(db: Executor, gateIds: string[], from: Date, to: Date): Promise<Array<{ gateId: string; direction: CrossingDirection; count: number }>> {
  if (gateIds.length === 0) return [];
  const result = await sql<{ gate_id: string; direction: string | null; n: number }>`
    select gate_id, direction, count(*)::int as n from domain_events
    where gate_id = any(${gateIds}) and type = 'trip.called' and occurred_at > ${from} and occurred_at <= ${to}
    group by 1, 2`.execute(db);
  return result.rows.map((r) => ({ gateId: r.gate_id, direction: r.direction === 'export' ? 'export' : 'import', count: Number(r.n) }));
}

export interface HourCount {
  hour: number;
  arrivals: number;
  clearances: number;
  crossings: number;
}

/** Arrivals (check-ins), clearances (trip cleared) and crossings (gate passed) per local hour of a day. */
export async function hourlyCounts(db: Executor, gateId: string, from: Date, to: Date, timeZone: string): Promise<HourCount[]> {
  const result = await sql<{ type: string; hour: number; n: number }>`
    select type, extract(hour from occurred_at at time zone ${timeZone})::int as hour, count(*)::int as n
    from domain_events
    where gate_id = ${gateId} and type in ('trip.checked_in', 'clearance.cleared', 'trip.crossed')
      and occurred_at >= ${from} and occurred_at < ${to}
    group by 1, 2`.execute(db);
  const hours: HourCount[] = Array.from({ length: 24 }, (_, hour) => ({ hour, arrivals: 0, clearances: 0, crossings: 0 }));
  for (const r of result.rows) {
    const h = hours[Number(r.hour)];
    if (r.type === 'trip.checked_in') h.arrivals += Number(r.n);
    else if (r.type === 'clearance.cleared') h.clearances += Number(r.n);
    else h.crossings += Number(r.n);
  }
  return hours;
}

export interface Spread {
  count: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

const spread = (r: { n: number; p50: number | null; p90: number | null }): Spread => ({
  count: Number(r.n),
  medianSeconds: r.p50 === null ? null : Math.round(Number(r.p50)),
  p90Seconds: r.p90 === null ? null : Math.round(Number(r.p90)),
});

/**
 * Waiting time arrival → call, per call forward made in the period: from the truck's latest
 * check-in before that call. Per crossing direction.
 */
export async function waitsToCall(db: Executor, gateId: string, from: Date, to: Date): Promise<Record<CrossingDirection, Spread>> {
  const result = await sql<{ direction: string | null; n: number; p50: number | null; p90: number | null }>`
    select c.direction, count(*)::int as n,
      percentile_cont(0.5) within group (order by extract(epoch from c.occurred_at - a.arrived_at)) as p50,
      percentile_cont(0.9) within group (order by extract(epoch from c.occurred_at - a.arrived_at)) as p90
    from domain_events c
    join lateral (
      select max(d.occurred_at) as arrived_at from domain_events d
      where d.trip_id = c.trip_id and d.type = 'trip.checked_in' and d.occurred_at <= c.occurred_at) a on a.arrived_at is not null
    where c.gate_id = ${gateId} and c.type = 'trip.called' and c.occurred_at >= ${from} and c.occurred_at < ${to}
    group by 1`.execute(db);
  const empty: Spread = { count: 0, medianSeconds: null, p90Seconds: null };
  const out: Record<CrossingDirection, Spread> = { export: empty, import: empty };
  for (const r of result.rows) out[r.direction === 'export' ? 'export' : 'import'] = spread(r);
  return out;
}

export interface AgencyClearance extends Spread {
  agency: string;
  autoPassed: number;
}

/** Clearance time per agency: how long each control waited from ready to decided (clearance.decided). */
export async function clearanceByAgency(db: Executor, gateId: string, from: Date, to: Date): Promise<AgencyClearance[]> {
  const result = await sql<{ agency: string; n: number; auto: number; p50: number | null; p90: number | null }>`
    select coalesce(payload->>'agency', 'unknown') as agency, count(*)::int as n,
      count(*) filter (where payload->>'outcome' = 'auto_pass')::int as auto,
      percentile_cont(0.5) within group (order by (payload->>'waitedSeconds')::float8) as p50,
      percentile_cont(0.9) within group (order by (payload->>'waitedSeconds')::float8) as p90
    from domain_events
    where gate_id = ${gateId} and type = 'clearance.decided' and occurred_at >= ${from} and occurred_at < ${to}
      and jsonb_typeof(payload->'waitedSeconds') = 'number'
    group by 1 order by 1`.execute(db);
  return result.rows.map((r) => ({ agency: r.agency, autoPassed: Number(r.auto), ...spread(r) }));
}

export interface WaitingTruck {
  tripId: string;
  reference: string;
  plate: string | null;
  direction: CrossingDirection;
  status: string;
  clearanceStatus: string;
  yardId: string | null;
  lane: string | null;
  arrivedAt: Date;
}

/** Trucks in the yards of a gate that arrived before an instant, longest waiting first. */
export async function trucksWaitingSince(db: Executor, gateId: string, before: Date, limit: number): Promise<{ items: WaitingTruck[]; total: number }> {
  const rows = await sql<{ id: string; reference: string; plate: string | null; direction: CrossingDirection; status: string; clearance_status: string; yard_id: string | null; lane: string | null; arrived_at: Date; total: number }>`
    select t.id, t.reference, v.plate, ${crossingDirection} as direction, t.status, t.clearance_status,
      ci.payload->>'yardId' as yard_id, ci.payload->>'lane' as lane, ci.occurred_at as arrived_at,
      count(*) over ()::int as total
    from trips t ${latestCheckIn}
    left join vehicles v on v.id = t.vehicle_id
    where t.gate_id = ${gateId} and t.status in ('checked_in', 'called') and ci.occurred_at < ${before}
    order by ci.occurred_at, t.id
    limit ${limit}`.execute(db);
  return {
    total: rows.rows[0] ? Number(rows.rows[0].total) : 0,
    items: rows.rows.map((r) => ({
      tripId: r.id,
      reference: r.reference,
      plate: r.plate,
      direction: r.direction,
      status: r.status,
      clearanceStatus: r.clearance_status,
      yardId: r.yard_id,
      lane: r.lane,
      arrivedAt: new Date(r.arrived_at),
    })),
  };
}

/** The newest domain event id of some gates (0 when none): a cheap version of their figures. */
export async function lastEventIdOf(db: Executor, gateIds: string[] | null): Promise<number> {
  const query = gateIds === null
    ? sql<{ id: number | null }>`select max(id) as id from domain_events`
    : sql<{ id: number | null }>`select max(id) as id from domain_events where gate_id = any(${gateIds})`;
  const row = (await query.execute(db)).rows[0];
  return row?.id === null || row?.id === undefined ? 0 : Number(row.id);
}
