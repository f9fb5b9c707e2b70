import type { DrillLog } from './drill';

// Queue invariants, straight from the database: the yard's current state agrees with the trips,
// no truck is called twice (a drop-back ends a call before the next), yards hold no more trucks
// than their capacity unless an operator admitted one over capacity on purpose.

type Query = (text: string, values?: unknown[]) => Promise<Array<Record<string, unknown>>>;

export async function checkQueues(q: Query, log: DrillLog): Promise<void> {
  const tables = await q(`select table_name from information_schema.tables where table_schema = 'public' and table_name in ('yard_visits', 'yard_calls')`);
  if (tables.length < 2) {
    log.note('queues not checked: the yards capability has no tables');
    return;
  }
  const twice = await q(`select trip_id from yard_calls where outcome in ('pending', 'left') group by trip_id having count(*) > 1`);
  log.check('no truck called twice (a second call only after a drop-back)', twice.length === 0, `${twice.length} trips`);
  const mismatch = await q(`
    select v.trip_id, v.status as visit, t.status as trip from yard_visits v join trips t on t.id = v.trip_id
    where (v.status = 'queued' and t.status <> 'checked_in')
       or (v.status = 'called' and t.status <> 'called')
       or (v.status = 'left' and t.status not in ('left_yard', 'crossed', 'completed'))`);
  log.check('every queued or called truck is in that state on its trip', mismatch.length === 0, mismatch.length ? JSON.stringify(mismatch.slice(0, 3)) : '');
  const lost = await q(`
    select t.id from trips t where t.status in ('checked_in', 'called')
      and not exists (select 1 from yard_visits v where v.trip_id = t.id and v.status in ('queued', 'called'))`);
  log.check('every truck checked in or called has its place in a yard', lost.length === 0, `${lost.length} without`);
  const pending = await q(`
    select v.trip_id from yard_visits v where v.status = 'called'
      and (select count(*) from yard_calls c where c.trip_id = v.trip_id and c.outcome = 'pending') <> 1`);
  log.check('every called truck has exactly one open call', pending.length === 0, `${pending.length} mismatches`);
  const full = await q(`
    select y.id, y.capacity, count(v.*)::int as occupancy from yards y join yard_visits v on v.yard_id = y.id and v.status in ('queued', 'called') and not v.over_capacity
    group by y.id, y.capacity having count(v.*) > y.capacity`);
  log.check('no yard holds more trucks than its capacity', full.length === 0, JSON.stringify(full.slice(0, 3)));
}
