import type pg from 'pg';

// History rows of the capabilities built on top of trips (capacity bookings and counters, yard
// visits, calls and timings, clearance records and counters), derived from the history trips so
// that every capability's queries run against a year of data. Each part runs only when its tables
// exist; the rows follow the same invariants the services keep (booked ≤ capacity, one visit per
// trip, counters equal to what they count).

export interface CapabilityHistory {
  tables: string[];
  notes: string[];
}

async function exists(db: pg.Client, table: string): Promise<boolean> {
  return ((await db.query('select 1 from information_schema.tables where table_schema = $1 and table_name = $2', ['public', table])).rowCount ?? 0) > 0;
}

/** History trips that reached the gate, with their window start as an instant. */
const CROSSED = `
  select t.id, t.enterprise_id, t.gate_id, t.direction, t.status, t.planned_date, t.window_from, t.window_to, t.submitted_at, t.vehicle_id,
    (t.planned_date + t.window_from) at time zone 'Asia/Ho_Chi_Minh' as win_at,
    extract(hour from t.window_from)::int as hour
  from trips t
  where t.status in ('completed', 'refused') and t.planned_date between $1::date and $2::date`;

async function capacity(db: pg.Client, from: string, to: string): Promise<void> {
  await db.query(
    `insert into capacity_day_counters (gate_id, direction, day, capacity, booked)
     select c.gate_id, c.direction, c.planned_date, greatest(count(*), max(case c.direction when 'export' then g.capacity_export_per_day else g.capacity_import_per_day end)), count(*)
     from (${CROSSED}) c join gates g on g.id = c.gate_id
     group by c.gate_id, c.direction, c.planned_date
     on conflict do nothing`,
    [from, to],
  );
  await db.query(
    `insert into capacity_slot_counters (gate_id, direction, day, hour, capacity, booked)
     select gate_id, direction, planned_date, hour, count(*) + 5, count(*) from (${CROSSED}) c
     group by gate_id, direction, planned_date, hour
     on conflict do nothing`,
    [from, to],
  );
  await db.query(
    `insert into crossing_bookings (trip_id, enterprise_id, gate_id, direction, day, hour, window_from, window_to, window_end_at, status, created_at, status_at, status_reason)
     select id, enterprise_id, gate_id, direction, planned_date, hour, window_from, window_to, win_at + interval '3 hours', 'used', submitted_at, win_at + interval '20 minutes', 'checked in'
     from (${CROSSED}) c`,
    [from, to],
  );
}

async function yards(db: pg.Client, from: string, to: string): Promise<void> {
  await db.query(`
    insert into yards (id, gate_id, name_vi, name_en, capacity, directions)
    select 'bench-hist-' || id, id, 'Bãi lịch sử (benchmark)', 'History yard (benchmark)', 500, array['export', 'import']
    from gates where id in (select gate_id from bench_gate_weights) on conflict do nothing`);
  const times = `
    select c.*, 'bench-hist-' || c.gate_id as yard_id, v.plate,
      c.win_at + interval '20 minutes' as arrived_at, c.win_at + interval '90 minutes' as called_at,
      c.win_at + interval '105 minutes' as left_at, c.win_at + interval '45 minutes' as refused_at
    from (${CROSSED}) c join vehicles v on v.id = c.vehicle_id`;
  await db.query(
    `insert into yard_visits (trip_id, gate_id, yard_id, direction, lane, lane_priority, status, source, plate, arrived_at, queue_key, window_start, window_end,
       called_at, call_deadline, left_at, ended_at, end_reason, created_at, updated_at)
     select id, gate_id, yard_id, direction, 'standard', 9, case status when 'completed' then 'left' else 'ended' end, 'camera', plate, arrived_at, arrived_at,
       win_at, win_at + interval '3 hours',
       case status when 'completed' then called_at end, case status when 'completed' then called_at + interval '30 minutes' end,
       case status when 'completed' then left_at end, case status when 'refused' then refused_at end, case status when 'refused' then 'refused' end,
       arrived_at, coalesce(case status when 'completed' then left_at end, refused_at)
     from (${times}) x on conflict do nothing`,
    [from, to],
  );
  await db.query(
    `insert into yard_calls (trip_id, gate_id, direction, yard_id, lane, called_at, deadline_at, slot_date, slot_hour, called_by, actor_label, outcome, outcome_at)
     select id, gate_id, direction, yard_id, 'standard', called_at, called_at + interval '30 minutes', planned_date,
       extract(hour from called_at at time zone 'Asia/Ho_Chi_Minh')::int, 'job', 'system:call-forward', 'left', left_at
     from (${times}) x where status = 'completed'`,
    [from, to],
  );
  await db.query(
    `insert into trip_timings (trip_id, gate_id, direction, yard_id, lane, arrived_at, first_called_at, called_at, left_yard_at, crossed_at, completed_at, updated_at)
     select id, gate_id, direction, yard_id, 'standard', arrived_at,
       case status when 'completed' then called_at end, case status when 'completed' then called_at end, case status when 'completed' then left_at end,
       case when status <> 'completed' then null when direction = 'export' then win_at + interval '120 minutes' else win_at + interval '5 minutes' end,
       case status when 'completed' then win_at + interval '150 minutes' end, arrived_at
     from (${times}) x on conflict do nothing`,
    [from, to],
  );
}

async function clearance(db: pg.Client, from: string, to: string, ruleSet: number | null): Promise<void> {
  const picked = `
    select c.*, case when abs(hashtext(c.id::text)) % 100 < 80 then 'green' when abs(hashtext(c.id::text)) % 100 < 95 then 'yellow' else 'red' end as channel
    from (${CROSSED}) c`;
  await db.query(
    `insert into clearance_trips (trip_id, enterprise_id, control_rules_version, derived_at, cleared_at, refused_at)
     select id, enterprise_id, 'bench-history', submitted_at, case status when 'completed' then win_at + interval '45 minutes' end, case status when 'refused' then win_at + interval '45 minutes' end
     from (${CROSSED}) c on conflict do nothing`,
    [from, to],
  );
  if (ruleSet !== null) {
    await db.query(
      `insert into clearance_selections (trip_id, rule_set_version, channel, stage, fired_rule_id, gate_id, day, record, selected_at)
       select id, $3, channel, 'default', null, gate_id, planned_date, '{}', submitted_at from (${picked}) p`,
      [from, to, ruleSet],
    );
  }
  await db.query(
    `with p as (${picked}),
     s as (select distinct on (trip_id) trip_id, id from clearance_selections where trip_id in (select id from p) order by trip_id, seq desc),
     k as (
       insert into clearance_controls (trip_id, agency, kind, status, channel, selection_id, ready_at, decision, decided_by_label, decided_at, created_at, updated_at)
       select p.id, v.agency, v.kind,
         case when p.status = 'refused' and v.kind = 'customs' then 'refused' else 'passed' end,
         case v.kind when 'customs' then p.channel end, case v.kind when 'customs' then s.id end, p.submitted_at,
         case when p.status = 'refused' and v.kind = 'customs' then 'refuse' when p.channel = 'green' then 'auto_pass' else 'pass' end,
         case when p.channel = 'green' and p.status = 'completed' then 'system: green lane' else 'bench:history' end,
         p.win_at + interval '40 minutes', p.submitted_at, p.win_at + interval '40 minutes'
       from p left join s on s.trip_id = p.id
       cross join (values ('customs', 'customs'), ('border_guard', 'border_control')) v(agency, kind)
       returning id, trip_id, status, decision, decided_at, created_at)
     insert into clearance_control_events (control_id, trip_id, at, action, from_status, to_status, actor_label)
     select id, trip_id, created_at, 'derived', null, 'pending', 'system:clearance' from k
     union all
     select id, trip_id, decided_at, decision, 'pending', status, 'bench:history' from k`,
    [from, to],
  );
}

export async function addCapabilityHistory(db: pg.Client, lastDay: string, days: number): Promise<CapabilityHistory> {
  const out: CapabilityHistory = { tables: [], notes: [] };
  const first = new Date(`${lastDay}T00:00:00Z`);
  first.setUTCDate(first.getUTCDate() - days + 1);
  // One month per statement: big enough to be fast, small enough to keep memory flat.
  const months: Array<[string, string]> = [];
  for (let d = new Date(first); d.toISOString().slice(0, 10) <= lastDay; d.setUTCDate(d.getUTCDate() + 31)) {
    const end = new Date(d);
    end.setUTCDate(end.getUTCDate() + 30);
    months.push([d.toISOString().slice(0, 10), end.toISOString().slice(0, 10) > lastDay ? lastDay : end.toISOString().slice(0, 10)]);
  }
  if (await exists(db, 'crossing_bookings')) {
    for (const [from, to] of months) await capacity(db, from, to);
    out.tables.push('crossing_bookings', 'capacity_day_counters', 'capacity_slot_counters');
  } else out.notes.push('no capacity tables: bookings not generated');
  if (await exists(db, 'yard_visits')) {
    for (const [from, to] of months) await yards(db, from, to);
    out.tables.push('yard_visits', 'yard_calls', 'trip_timings');
  } else out.notes.push('no yard tables: visits not generated');
  if (await exists(db, 'clearance_controls')) {
    const rs = await db.query<{ v: number | null }>('select max(version) as v from clearance_rule_sets');
    const ruleSet = rs.rows[0]?.v ?? null;
    for (const [from, to] of months) await clearance(db, from, to, ruleSet);
    await db.query(`
      insert into clearance_enterprise_counters (enterprise_id, trips, cleared, refusals, updated_at)
      select enterprise_id, count(*), count(cleared_at), count(refused_at), now() from clearance_trips group by enterprise_id
      on conflict (enterprise_id) do update set trips = excluded.trips, cleared = excluded.cleared, refusals = excluded.refusals`);
    await db.query(`
      insert into clearance_channel_counters (gate_id, day, green, yellow, red)
      select gate_id, day, count(*) filter (where channel = 'green'), count(*) filter (where channel = 'yellow'), count(*) filter (where channel = 'red')
      from clearance_selections group by gate_id, day on conflict do nothing`);
    out.tables.push('clearance_trips', 'clearance_selections', 'clearance_controls', 'clearance_control_events');
    if (ruleSet === null) out.notes.push('no clearance rule set: selections not generated');
  } else out.notes.push('no clearance tables: controls not generated');
  return out;
}
