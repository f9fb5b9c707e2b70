import { sql } from 'kysely';
import type { Executor } from '../../notices/notices.repository';
import type { AppServices } from '../../platform/context';
import { groupedRows, type GroupedRow } from './daily';

// The daily rollup of crossings (statistics_daily, migration 0075). The crossing records are
// append-only, so the rollup is exact up to a pair of ids (the cursor): a record after it can only
// change the (gate, local day) of its own trip — the day of its earliest record before and after.
// Readers take the rollup for every other pair and compute the touched pairs live; the job
// recomputes touched pairs and moves the cursor. A year of figures reads ~1 row per gate, day,
// direction and commodity instead of every trip and cargo line.

interface Cursor {
  domainEventId: string;
  tripEventId: string;
}

const pairKey = (gateId: string, day: string) => `${gateId}|${day}`;

async function readCursor(db: Executor): Promise<Cursor & { seenDomainEventId: string; seenTripEventId: string }> {
  const row = await db.selectFrom('statistics_rollup_state').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  return { domainEventId: String(row.domain_event_id), tripEventId: String(row.trip_event_id), seenDomainEventId: String(row.seen_domain_event_id), seenTripEventId: String(row.seen_trip_event_id) };
}

/** (gate, local day) pairs whose figures records after the cursor may have changed. */
async function touchedPairs(db: Executor, cursor: Cursor, gateIds: string[] | null): Promise<Array<{ gate_id: string; day: string }>> {
  const result = await sql<{ gate_id: string; day: string }>`
    with new_trips as (
      select e.trip_id from domain_events e where e.id > ${cursor.domainEventId}::bigint and e.type = 'trip.crossed' and e.trip_id is not null
      union
      select te.trip_id from trip_events te where te.id > ${cursor.tripEventId}::bigint and te.action = 'pass_gate'
    ), records as (
      select e.trip_id, e.occurred_at as at, e.id > ${cursor.domainEventId}::bigint as fresh
      from domain_events e where e.type = 'trip.crossed' and e.trip_id in (select trip_id from new_trips)
      union all
      select te.trip_id, te.at, te.id > ${cursor.tripEventId}::bigint
      from trip_events te where te.action = 'pass_gate' and te.trip_id in (select trip_id from new_trips)
    ), firsts as (
      select trip_id, min(at) as now_first, min(at) filter (where not fresh) as before_first from records group by trip_id
    )
    select distinct t.gate_id, to_char((x.at at time zone g.time_zone)::date, 'YYYY-MM-DD') as day
    from firsts f
    cross join lateral (values (f.now_first), (f.before_first)) x(at)
    join trips t on t.id = f.trip_id
    join gates g on g.id = t.gate_id
    where x.at is not null ${gateIds ? sql`and t.gate_id = any(${gateIds})` : sql``}`.execute(db);
  return result.rows;
}

/**
 * Recomputes the given pairs from the records, one local day at a time: touched pairs are mostly
 * today's, but a late record can also touch a day long past, and one query spanning both would
 * read every crossing in between.
 */
async function livePairs(db: Executor, pairs: Array<{ gate_id: string; day: string }>, direction?: 'export' | 'import'): Promise<GroupedRow[]> {
  const gatesByDay = new Map<string, string[]>();
  for (const p of pairs) gatesByDay.set(p.day, [...(gatesByDay.get(p.day) ?? []), p.gate_id]);
  const rows: GroupedRow[] = [];
  for (const [day, gates] of [...gatesByDay].sort(([a], [b]) => (a < b ? -1 : 1))) rows.push(...(await groupedRows(db, gates, day, day, 'crossed', direction)));
  return rows;
}

const compare = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1);
const ORDER: Array<keyof GroupedRow> = ['day', 'gate_id', 'direction', 'commodity', 'currency'];

/** Grouped crossing figures: the rollup where it is exact, the records for the pairs it is not. */
export async function crossedRows(db: Executor, gateIds: string[], from: string, to: string, direction?: 'export' | 'import'): Promise<GroupedRow[]> {
  const cursor = await readCursor(db);
  // Never rolled up yet (a new database, or no job running): every pair would be touched.
  if (cursor.domainEventId === '0' && cursor.tripEventId === '0') return groupedRows(db, gateIds, from, to, 'crossed', direction);
  const touched = (await touchedPairs(db, cursor, gateIds)).filter((p) => p.day >= from && p.day <= to);
  const stale = new Set(touched.map((p) => pairKey(p.gate_id, p.day)));
  let q = db
    .selectFrom('statistics_daily')
    .select(['gate_id', 'direction', 'commodity', 'currency', 'g_commodity', 'g_currency', 'trucks', 'weight', 'value', sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day')])
    .where('gate_id', 'in', gateIds)
    .where('day', '>=', from)
    .where('day', '<=', to);
  if (direction) q = q.where('direction', '=', direction);
  const rolled = (await q.execute()).filter((r) => !stale.has(pairKey(r.gate_id, r.day))) as GroupedRow[];
  const rows = [...rolled, ...(await livePairs(db, touched, direction))];
  // The same order as the SQL's (day, gate, direction, commodity and currency nulls first).
  return rows.sort((a, b) => {
    for (const k of ORDER) {
      const c = compare(a[k] as string | null, b[k] as string | null);
      if (c !== 0) return c;
    }
    return 0;
  });
}

/**
 * The statistics.rollup job: recomputes the pairs touched since the cursor and moves the cursor to
 * the highest ids seen on the previous run (one run of margin for transactions that took an id
 * before others but committed after them). One process at a time (SKIP LOCKED).
 */
export async function refreshStatisticsRollup(services: Pick<AppServices, 'db'>): Promise<{ pairs: number } | null> {
  return services.db.transaction().execute(async (tx) => {
    const locked = await tx.selectFrom('statistics_rollup_state').select('id').where('id', '=', 1).forUpdate().skipLocked().executeTakeFirst();
    if (!locked) return null;
    const state = await readCursor(tx);
    const newest = await sql<{ de: string; te: string }>`
      select coalesce((select max(id) from domain_events), 0)::text as de, coalesce((select max(id) from trip_events), 0)::text as te`.execute(tx);
    const target = { domainEventId: state.seenDomainEventId, tripEventId: state.seenTripEventId };
    const never = [state.domainEventId, state.tripEventId, target.domainEventId, target.tripEventId].every((id) => id === '0');
    if (never) {
      // First run: only note how far the records go; the next run builds the rollup once up to there.
      await tx.updateTable('statistics_rollup_state').set({ seen_domain_event_id: newest.rows[0].de, seen_trip_event_id: newest.rows[0].te, updated_at: new Date() }).where('id', '=', 1).execute();
      return { pairs: 0 };
    }
    const pairs = await touchedPairs(tx, state, null);
    const rows = await livePairs(tx, pairs);
    for (const gateId of new Set(pairs.map((p) => p.gate_id))) {
      const days = pairs.filter((p) => p.gate_id === gateId).map((p) => p.day);
      await tx.deleteFrom('statistics_daily').where('gate_id', '=', gateId).where(sql<boolean>`day = any(${days}::date[])`).execute();
    }
    for (let i = 0; i < rows.length; i += 1000) await tx.insertInto('statistics_daily').values(rows.slice(i, i + 1000)).execute();
    await tx
      .updateTable('statistics_rollup_state')
      .set({ domain_event_id: target.domainEventId, trip_event_id: target.tripEventId, seen_domain_event_id: newest.rows[0].de, seen_trip_event_id: newest.rows[0].te, updated_at: new Date() })
      .where('id', '=', 1)
      .execute();
    return { pairs: pairs.length };
  });
}
