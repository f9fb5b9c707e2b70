import type pg from 'pg';
import { gateShortCode } from '../../server/src/trips/rules';

// The national-scale world, written with SQL because a year of history cannot go through the API
// in a benchmark's time: 30 gates (the 10 goods gates of the registry with capacity, the 4
// peak-day benchmark gates and 16 synthetic ones named bench-n01…), 600 enterprises with their
// trucks and drivers. Everything synthetic is named bench-* or "(benchmark)".

export interface NationalGate {
  id: string;
  code: string;
  weight: number;
}

export const SYNTHETIC_GATES = 16;
export const HISTORY_ENTERPRISES = 600;
export const HISTORY_VEHICLES = 6000;

export async function createNationalWorld(db: pg.Client, peakGateIds: string[]): Promise<NationalGate[]> {
  for (let n = 1; n <= SYNTHETIC_GATES; n++) {
    const id = `bench-n${String(n).padStart(2, '0')}`;
    await db.query(
      `insert into gates (id, province, name_vi, name_en, counterpart_name_vi, class, status, traffic, capacity_export_per_day, capacity_import_per_day, notes)
       values ($1, 'VN', $2, $3, 'Synthetic counterpart', 'bilateral', 'operating', array['goods'], $4, $4, '{"en":"Synthetic gate for the national-scale benchmark"}')
       on conflict (id) do nothing`,
      [id, `Cửa khẩu tổng hợp ${n} (benchmark)`, `Synthetic gate ${n} (benchmark)`, 300 + 40 * n],
    );
    await db.query(`insert into gate_weekly_hours (gate_id, weekday, opens, closes) select $1, d, '07:00', '19:00' from generate_series(1, 7) d on conflict do nothing`, [id]);
  }
  const rows = await db.query<{ id: string; cap: number }>(
    `select id, capacity_export_per_day + capacity_import_per_day as cap from gates
     where status in ('operating', 'upgrading') and 'goods' = any(traffic) and capacity_export_per_day + capacity_import_per_day > 0
       and (id like 'bench-%' or province in ('CB', 'TQ'))
     order by id`,
  );
  const gates = rows.rows.filter((g) => peakGateIds.includes(g.id) || !g.id.startsWith('bench-') || /^bench-n\d\d$/.test(g.id)).slice(0, 30);
  const total = gates.reduce((s, g) => s + g.cap, 0);
  await db.query('drop table if exists bench_gate_weights');
  await db.query('create table bench_gate_weights (gate_id text primary key, code text not null, lo double precision not null, hi double precision not null)');
  let lo = 0;
  const out: NationalGate[] = [];
  for (const g of gates) {
    const weight = g.cap / total;
    // Trip references spell the gate's short code; synthetic gates get BNA, BNB, ….
    const code = g.id.startsWith('bench-n') ? `BN${String.fromCharCode(64 + Number(g.id.slice(-2)))}` : gateShortCode(g.id);
    await db.query('insert into bench_gate_weights values ($1, $2, $3, $4)', [g.id, code, lo, lo + weight]);
    out.push({ id: g.id, code, weight });
    lo += weight;
  }
  await db.query('update bench_gate_weights set hi = 1.0000001 where hi = (select max(hi) from bench_gate_weights)');

  await db.query(
    `insert into enterprises (tax_code, name, address)
     select '48' || lpad(n::text, 8, '0'), 'Doanh nghiệp biên mậu ' || n || ' (benchmark)', 'Synthetic'
     from generate_series(1, $1) n on conflict (tax_code) do nothing`,
    [HISTORY_ENTERPRISES],
  );
  await db.query('drop table if exists bench_history_fleet');
  // Trucks and drivers of the synthetic enterprises; enterprise k owns a Zipf-like share.
  await db.query(`
    create table bench_history_fleet as
    with e as (select id, row_number() over (order by tax_code) as k from enterprises where tax_code like '48%')
    select n as slot, e.id as enterprise_id, gen_random_uuid() as vehicle_id, gen_random_uuid() as driver_id
    from generate_series(1, ${HISTORY_VEHICLES}) n
    join e on e.k = 1 + floor(${HISTORY_ENTERPRISES} * power(((n * 7919) % ${HISTORY_VEHICLES})::float / ${HISTORY_VEHICLES}, 2.2))::int`);
  await db.query(`
    insert into vehicles (id, enterprise_id, plate, plate_country, plate_province, type, axles, tonnage_capacity, inspection_expires_on)
    select vehicle_id, enterprise_id, '14C-' || lpad((slot / 100)::text, 3, '0') || '.' || lpad((slot % 100)::text, 2, '0'), 'VN', 'Quảng Ninh', 'truck', 4, 30, '2030-01-01'
    from bench_history_fleet on conflict do nothing`);
  await db.query(`
    insert into drivers (id, enterprise_id, full_name, nationality, document_type, document_number, document_expires_on)
    select driver_id, enterprise_id, 'Lái xe ' || slot, 'VN', 'border_pass', 'HB' || lpad(slot::text, 7, '0'), '2031-01-01'
    from bench_history_fleet on conflict do nothing`);
  await db.query('create index on bench_history_fleet (slot)');
  return out;
}
