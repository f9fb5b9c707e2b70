import { sql } from 'kysely';
import type { DailyStatistics, StatisticsRow, StatisticsTotal } from '../../../../shared/schemas/market';
import type { Executor } from '../../notices/notices.repository';
import { addDays } from '../../gates/calendar';
import { hsPrefixes } from '../reference';
import { rateTableOn, toVnd } from './rates';
import { crossedRows } from './rollup';

// Daily figures from the platform's own records: trucks, gross weight and declared value per day,
// gate, crossing direction and commodity.
// - crossed: the day (in the gate's zone) a trip passed the gate, from the earliest of its
//   trip.crossed domain event (the real time, also for offline yards) and its pass_gate step
//   (the only action that leads to crossed in shared/workflows/trip.ts).
// - declared: trips submitted and not cancelled or expired, by their planned day.
// A mixed load counts as one truck under each commodity it carries; totals count distinct trucks.

export type Basis = 'crossed' | 'declared';

interface Figures {
  rows: StatisticsRow[];
  totals: StatisticsTotal[];
  rateTables: DailyStatistics['rateTables'];
}

function tripsIn(gateIds: string[], from: string, to: string, basis: Basis) {
  if (basis === 'declared') {
    return sql`
      select t.id, t.gate_id, t.direction, to_char(t.planned_date, 'YYYY-MM-DD') as day
      from trips t
      where t.gate_id = any(${gateIds}) and t.submitted_at is not null and t.status not in ('cancelled', 'expired')
        and t.planned_date between ${from}::date and ${to}::date`;
  }
  // A day wider on each side than the period, so every zone's local day is inside it.
  const lo = `${addDays(from, -1)}T00:00:00Z`;
  const hi = `${addDays(to, 2)}T00:00:00Z`;
  return sql`
    select t.id, t.gate_id, t.direction, to_char((c.crossed_at at time zone g.time_zone)::date, 'YYYY-MM-DD') as day
    from (
      select x.trip_id, min(x.at) as crossed_at from (
        select e.trip_id, e.occurred_at as at from domain_events e
        where e.type = 'trip.crossed' and e.gate_id = any(${gateIds}) and e.trip_id is not null
          and e.occurred_at >= ${lo}::timestamptz and e.occurred_at < ${hi}::timestamptz
        union all
        select te.trip_id, te.at from trip_events te join trips tt on tt.id = te.trip_id
        where te.action = 'pass_gate' and tt.gate_id = any(${gateIds})
          and te.at >= ${lo}::timestamptz and te.at < ${hi}::timestamptz
      ) x group by x.trip_id
    ) c
    join trips t on t.id = c.trip_id
    join gates g on g.id = t.gate_id`;
}

/** One row of the grouping sets: per commodity and currency, per commodity, or the day's total. */
export interface GroupedRow {
  day: string; gate_id: string; direction: 'export' | 'import'; commodity: string | null; currency: string | null;
  g_commodity: number; g_currency: number; trucks: number; weight: number; value: number;
}

/** The grouped figures computed from the records themselves. */
export async function groupedRows(db: Executor, gateIds: string[], from: string, to: string, basis: Basis, direction?: 'export' | 'import'): Promise<GroupedRow[]> {
  if (gateIds.length === 0) return [];
  const prefixes = sql.join(hsPrefixes().map((p) => sql`(${p.prefix}::text, ${p.commodity}::text)`));
  const result = await sql<GroupedRow>`
    with trips_in as (
      select ti.id, ti.gate_id, ti.day, case when ti.direction = 'export' then 'export' else 'import' end as direction
      from (${tripsIn(gateIds, from, to, basis)}) ti
      where ti.day between ${from} and ${to}
    ), lines as (
      select ti.day, ti.gate_id, ti.direction, ti.id as trip_id,
        case when l.trip_id is null then 'empty' else coalesce(m.commodity, 'other') end as commodity,
        l.gross_weight_kg as weight, l.declared_value as value, l.currency
      from trips_in ti
      left join trip_cargo_lines l on l.trip_id = ti.id
      left join lateral (
        select p.commodity from (values ${prefixes}) p(prefix, commodity)
        where regexp_replace(coalesce(l.hs_code, ''), '[^0-9]', '', 'g') like p.prefix || '%'
        order by length(p.prefix) desc limit 1
      ) m on true
    )
    select day, gate_id, direction, commodity, currency,
      grouping(commodity)::int as g_commodity, grouping(currency)::int as g_currency,
      count(distinct trip_id)::int as trucks, coalesce(sum(weight), 0)::float8 as weight, coalesce(sum(value), 0)::float8 as value
    from lines
    ${direction ? sql`where direction = ${direction}` : sql``}
    group by grouping sets ((day, gate_id, direction, commodity, currency), (day, gate_id, direction, commodity), (day, gate_id, direction))
    order by day, gate_id, direction, commodity nulls first, currency nulls first`.execute(db);
  return result.rows;
}

export async function dailyFigures(db: Executor, gateIds: string[], from: string, to: string, basis: Basis, direction?: 'export' | 'import'): Promise<Figures> {
  if (gateIds.length === 0) return { rows: [], totals: [], rateTables: [] };
  // Crossings come from the daily rollup where it is up to date (rollup.ts); declarations change
  // with each cancellation and are always computed from the trips.
  const grouped = basis === 'crossed' ? await crossedRows(db, gateIds, from, to, direction) : await groupedRows(db, gateIds, from, to, basis, direction);
  return assemble(grouped);
}

function assemble(grouped: GroupedRow[]): Figures {
  const rows = new Map<string, StatisticsRow>();
  const totals = new Map<string, StatisticsTotal>();
  const perCurrency: GroupedRow[] = [];
  for (const r of grouped) {
    const base = `${r.day}|${r.gate_id}|${r.direction}`;
    if (r.g_commodity === 1) {
      totals.set(base, { date: r.day, gateId: r.gate_id, direction: r.direction, trucks: r.trucks, grossWeightKg: r.weight, values: {}, valueVnd: 0 });
    } else if (r.g_currency === 1) {
      rows.set(`${base}|${r.commodity}`, { date: r.day, gateId: r.gate_id, direction: r.direction, commodity: r.commodity!, trucks: r.trucks, grossWeightKg: r.weight, values: {}, valueVnd: 0 });
    } else if (r.currency !== null) {
      perCurrency.push(r);
    }
  }
  for (const r of perCurrency) {
    const base = `${r.day}|${r.gate_id}|${r.direction}`;
    const row = rows.get(`${base}|${r.commodity}`)!;
    const total = totals.get(base)!;
    row.values[r.currency!] = (row.values[r.currency!] ?? 0) + r.value;
    total.values[r.currency!] = (total.values[r.currency!] ?? 0) + r.value;
  }
  for (const x of [...rows.values(), ...totals.values()]) x.valueVnd = toVnd(x.values, x.date);
  const used = new Map<string, DailyStatistics['rateTables'][number]>();
  for (const t of totals.values()) {
    const table = rateTableOn(t.date);
    used.set(table.effectiveFrom, table);
  }
  return { rows: [...rows.values()], totals: [...totals.values()], rateTables: [...used.values()] };
}
