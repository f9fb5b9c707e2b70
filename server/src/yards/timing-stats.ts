import { sql } from 'kysely';
import type { TimingsResponse } from '../../../shared/schemas/yards';
import { addDays } from '../gates/calendar';
import type { RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { dayBounds } from '../trips/time';
import { requireGateExists, requireYardAccess } from './scope';

// Waiting and crossing times per gate and local hour, from the recorded timestamps only
// (trip_timings): count, median and 90th percentile of each segment, by the hour each segment
// ended in. Segments are defined in timings.ts.

const MAX_DAYS = 92;

interface Row {
  direction: string;
  segment: string;
  day: string | null;
  hour: number | null;
  n: number;
  median: number | null;
  p90: number | null;
}

export async function timingStats(ctx: RequestContext, q: { gateId: string; from: string; to: string; direction?: 'export' | 'import' }): Promise<TimingsResponse> {
  requireYardAccess(ctx.actor, 'yards:read', q.gateId);
  const gate = await requireGateExists(ctx.app.db, q.gateId);
  if (q.to < q.from || addDays(q.from, MAX_DAYS) < q.to) throw new AppError('request.invalid', { errors: [{ path: 'querystring/to', message: `from ≤ to, at most ${MAX_DAYS} days` }] });
  const start = dayBounds(q.from, gate.time_zone).from;
  const end = dayBounds(q.to, gate.time_zone).to;
  const tz = gate.time_zone;
  const rows = await sql<Row>`
    with seg as (
      select direction, 'arrival_to_call' as segment, called_at as ended_at, extract(epoch from called_at - arrived_at) / 60 as minutes
        from trip_timings where gate_id = ${q.gateId} and arrived_at is not null and called_at is not null
      union all
      select direction, 'call_to_gate', case when direction = 'export' then crossed_at else left_yard_at end,
             extract(epoch from (case when direction = 'export' then crossed_at else left_yard_at end) - called_at) / 60
        from trip_timings where gate_id = ${q.gateId} and called_at is not null
          and (case when direction = 'export' then crossed_at else left_yard_at end) is not null
      union all
      select direction, 'gate_to_other_side', case when direction = 'export' then completed_at else arrived_at end,
             extract(epoch from (case when direction = 'export' then completed_at else arrived_at end) - crossed_at) / 60
        from trip_timings where gate_id = ${q.gateId} and crossed_at is not null
          and (case when direction = 'export' then completed_at else arrived_at end) is not null
    ), picked as (
      select * from seg where ended_at >= ${start} and ended_at < ${end} and minutes >= 0
        and (${q.direction ?? null}::text is null or direction = ${q.direction ?? null}::text)
    )
    select direction, segment,
           to_char(ended_at at time zone ${tz}, 'YYYY-MM-DD') as day, extract(hour from ended_at at time zone ${tz})::int as hour,
           count(*)::int as n,
           percentile_cont(0.5) within group (order by minutes) as median,
           percentile_cont(0.9) within group (order by minutes) as p90
      from picked group by grouping sets ((direction, segment, day, hour), (direction, segment))
      order by direction, segment, day nulls first, hour nulls first`.execute(ctx.app.db);
  const round = (x: number | null) => (x === null ? null : Math.round(Number(x) * 10) / 10);
  const stats = (r: Row) => ({ direction: r.direction as 'export' | 'import', segment: r.segment as 'arrival_to_call', count: r.n, medianMinutes: round(r.median), p90Minutes: round(r.p90) });
  return {
    gateId: q.gateId,
    from: q.from,
    to: q.to,
    timeZone: tz,
    description:
      'Minutes between recorded timestamps. arrival_to_call: yard arrival → call-forward; call_to_gate: call → gate passage (imports: release → leaving the yard); gate_to_other_side: gate passage → arrival on the other side (imports: gate → yard arrival). Bucketed by the local hour each segment ended.',
    buckets: rows.rows.filter((r) => r.day !== null).map((r) => ({ date: r.day!, hour: r.hour!, ...stats(r) })),
    overall: rows.rows.filter((r) => r.day === null).map(stats),
  };
}
