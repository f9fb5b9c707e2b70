import type pg from 'pg';
import { addCapabilityHistory, type CapabilityHistory } from './capability-history';
import { createNationalWorld } from './world';

// A year of national history (30 gates, 20,000 trips a day at scale 1, about 7.3 million trips)
// generated inside PostgreSQL with generate_series, one day per statement: trips with a cargo
// line, their payment and bank transaction, the trip log, and the domain events the board and
// statistics read. 92% complete, the rest are cancelled, expired or refused. Deterministic
// (setseed per day) so two runs hold the same history.

export interface HistoryOptions {
  /** Fraction of the national figure: 1 = 20,000 trips a day. */
  scale: number;
  days: number;
  /** The last history day (the day before the benchmark's day). */
  lastDay: string;
  peakGateIds: string[];
  onProgress?: (done: number, of: number) => void;
}

export interface HistoryReport {
  scale: number;
  days: number;
  tripsPerDay: number;
  trips: number;
  rows: Record<string, number>;
  databaseSizeMb: number;
  seconds: number;
  rowsPerSecond: number;
  capability: CapabilityHistory;
}

const DAY_SQL = `
with r as (
  select i, random() as ug, random() as ue, random() as us, random() as uh, random() as uw, random() as ud, random() * 3600 as jitter
  from generate_series(1, $2::int) i
),
x as (
  select r.i, r.jitter, g.gate_id, g.code, f.enterprise_id, f.vehicle_id, f.driver_id,
    case when r.ud < 0.45 then 'export' else 'import' end as direction,
    7 + floor(r.uh * 10)::int as hr,
    case when r.us < 0.92 then 'completed' when r.us < 0.95 then 'cancelled' when r.us < 0.985 then 'expired' else 'refused' end as status,
    (250000 + floor(r.uw * 40) * 100000)::bigint as fee
  from r
  join bench_gate_weights g on r.ug >= g.lo and r.ug < g.hi
  join bench_history_fleet f on f.slot = 1 + floor(r.ue * 6000)::int
),
y as (select x.*, ($1::date + make_time(hr, 0, 0)) at time zone 'Asia/Ho_Chi_Minh' + make_interval(secs => jitter) as win_at from x),
t as (
  insert into trips (reference, enterprise_id, status, version, direction, gate_id, planned_date, window_from, window_to, vehicle_id, driver_id,
    fee_total, paid_amount, submitted_at, paid_at, cancelled_at, expired_at, created_at, updated_at, clearance_status)
  select 'CKS-' || code || '-' || to_char($1::date, 'YYYYMMDD') || '-' || lpad(upper(to_hex($3::int + i)), 6, '0'),
    enterprise_id, status, 4, direction, gate_id, $1::date, make_time(hr, 0, 0), make_time(hr + 3, 0, 0), vehicle_id, driver_id,
    fee, case when status in ('completed', 'refused') then fee else 0 end,
    win_at - interval '20 hours',
    case when status in ('completed', 'refused') then win_at - interval '19 hours' end,
    case when status = 'cancelled' then win_at - interval '10 hours' end,
    case when status = 'expired' then win_at + interval '4 hours' end,
    win_at - interval '21 hours', win_at + interval '5 hours',
    case status when 'completed' then 'cleared' when 'refused' then 'refused' else 'pending' end
  from y
  returning id, reference, enterprise_id, gate_id, direction, status, fee_total, paid_amount, created_at, submitted_at, paid_at, updated_at,
    created_at + interval '21 hours' as win_at
),
c as (
  insert into trip_cargo_lines (trip_id, line_no, hs_code, description, packages, package_kind, quantity, unit, gross_weight_kg, declared_value, currency, origin, perishable)
  select id, 0, (array['08106000', '08109000', '08071100', '07141000', '40012200', '31021000', '52081100', '85176200', '08081000', '72104900'])[1 + floor(random() * 10)::int],
    'Hàng hóa (benchmark)', 800, 'thùng carton', 15000, 'KGM', 16000, 20000 + floor(random() * 60000), 'USD',
    case direction when 'export' then 'VN' else 'CN' end, direction = 'export'
  from t
),
p as (
  insert into payments (trip_id, kind, purpose, amount, status, provider, provider_reference, payer_account, idempotency_key, receipt_number, created_at, confirmed_at)
  select id, 'charge', 'trip_fee', fee_total, 'succeeded', 'simulated', 'SIMH-' || substr(reference, 5), '9704' || lpad(abs(hashtext(enterprise_id::text))::text, 12, '0'),
    'bench-history-' || id, 'H-' || substr(reference, 5), paid_at - interval '1 minute', paid_at
  from t where paid_amount > 0
  returning id, amount, payer_account, provider_reference, created_at, confirmed_at
),
b as (
  insert into simgw_transactions (reference, merchant_reference, kind, account_no, amount, status, created_at, processed_at, notified_at)
  select provider_reference, id::text, 'charge', payer_account, amount, 'succeeded', created_at, confirmed_at, confirmed_at from p
),
e as (
  insert into trip_events (trip_id, at, action, from_status, to_status, actor_label, details)
  select t.id, v.at, v.action, v.f, v.s, 'bench:history', '{}'
  from t cross join lateral (values
    (t.created_at, 'created', null, 'draft'),
    (t.submitted_at, 'submitted', 'draft', 'submitted'),
    (t.paid_at, 'payment_succeeded', 'submitted', 'paid'),
    (case t.status when 'completed' then t.win_at + interval '3 hours' when 'refused' then t.win_at + interval '2 hours'
       when 'cancelled' then t.win_at - interval '10 hours' else t.win_at + interval '4 hours' end,
     t.status,
     case t.status when 'completed' then (case t.direction when 'export' then 'crossed' else 'left_yard' end) when 'refused' then 'checked_in' else 'submitted' end,
     t.status)
  ) v(at, action, f, s)
  where v.at is not null
),
d as (
  insert into domain_events (type, occurred_at, recorded_at, gate_id, trip_id, direction, payload)
  select v.type, t.win_at + v.after, t.win_at + v.after, t.gate_id, t.id, t.direction,
    jsonb_build_object('enterpriseId', t.enterprise_id, 'yardId', t.gate_id || '-yard', 'lane', 'standard')
  from t cross join lateral (values
    ('trip.checked_in', interval '20 minutes', true, true),
    ('clearance.decided', interval '40 minutes', true, true),
    ('clearance.cleared', interval '45 minutes', true, false),
    ('clearance.refused', interval '45 minutes', false, true),
    ('trip.called', interval '90 minutes', true, false),
    ('trip.left_yard', interval '105 minutes', true, false),
    ('trip.crossed', interval '120 minutes', true, false),
    ('trip.completed', interval '150 minutes', true, false)
  ) v(type, after, on_completed, on_refused)
  where (t.status = 'completed' and v.on_completed) or (t.status = 'refused' and v.on_refused)
)
select count(*)::int as n from t`;

export async function generateHistory(db: pg.Client, options: HistoryOptions): Promise<HistoryReport> {
  const started = performance.now();
  await createNationalWorld(db, options.peakGateIds);
  const tripsPerDay = Math.max(1, Math.round(20_000 * options.scale));
  let trips = 0;
  // Bulk load: the generated rows are consistent by construction, so foreign-key triggers are
  // skipped for this session (as pg_restore does); constraints and indexes still apply.
  await db.query('set session_replication_role = replica');
  for (let k = options.days - 1; k >= 0; k--) {
    const day = shiftDate(options.lastDay, -k);
    await db.query('select setseed($1)', [((options.days - k) % 1000) / 1000]);
    const res = await db.query<{ n: number }>(DAY_SQL, [day, tripsPerDay, trips]);
    trips += res.rows[0].n;
    options.onProgress?.(options.days - k, options.days);
  }
  const capability = await addCapabilityHistory(db, options.lastDay, options.days);
  await db.query('set session_replication_role = origin');
  await db.query('vacuum analyze');
  const rows: Record<string, number> = {};
  for (const table of ['trips', 'trip_cargo_lines', 'payments', 'simgw_transactions', 'trip_events', 'domain_events', ...capability.tables]) {
    rows[table] = Number((await db.query(`select count(*)::bigint as n from ${table}`)).rows[0].n);
  }
  const size = await db.query<{ mb: number }>('select (pg_database_size(current_database()) / 1048576)::int as mb');
  const seconds = (performance.now() - started) / 1000;
  const totalRows = Object.values(rows).reduce((s, n) => s + n, 0);
  return {
    scale: options.scale,
    days: options.days,
    tripsPerDay,
    trips,
    rows,
    databaseSizeMb: size.rows[0].mb,
    seconds: Math.round(seconds),
    rowsPerSecond: Math.round(totalRows / seconds),
    capability,
  };
}

export function shiftDate(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
