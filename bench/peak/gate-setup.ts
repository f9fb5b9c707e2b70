import { expectStatus, newKey, type Client } from '../lib/http';
import { withClient } from '../lib/postgres';
import type { Api } from './api';
import type { PeakProfile } from './day';
import type { BenchWorld } from './setup';

// What the gate authority of each benchmark gate sets up before the peak day, through the API
// where the product offers it: a yard with its plate cameras and a camera token, extended hours
// today (and tomorrow near midnight) so the day can be replayed whatever the clock says, the
// call-forward capacity of this hour and the next two opened to the whole day's volume, and (as
// reference data, SQL) an inspection bay.

export interface BenchGate {
  gateId: string;
  yardId: string;
  cameras: { entry: string; exit: string; gate: string };
  camera: Client;
}

function localNow(now = new Date()): { date: string; hour: number } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) };
}

async function referenceData(databaseUrl: string, profile: PeakProfile, days: string[]): Promise<void> {
  await withClient(databaseUrl, async (db) => {
    for (const g of profile.gates) {
      for (const day of days) {
        await db.query(
          `insert into gate_special_days (gate_id, day, kind, opens, closes, name_vi, name_en)
           values ($1, $2, 'extended_hours', '00:00', '23:59', 'Ngày cao điểm: mở cửa cả ngày (benchmark)', 'Peak day: open around the clock (benchmark)')
           on conflict (gate_id, day) do update set kind = excluded.kind, opens = excluded.opens, closes = excluded.closes`,
          [g.id, day],
        );
      }
      const bays = await db.query(`select 1 from information_schema.tables where table_name = 'clearance_inspection_bays'`);
      if (bays.rowCount) {
        await db.query(
          `insert into clearance_inspection_bays (id, gate_id, name_vi, name_en, name_zh, place_vi, place_en, place_zh, agencies, opens, closes, slot_minutes, trucks_per_slot)
           values ($1, $2, 'Khu kiểm tra liên ngành (benchmark)', 'Joint inspection bay (benchmark)', '联合查验区（基准测试）', 'Bãi kiểm hóa', 'Inspection yard', '查验场',
             array['customs', 'plant_quarantine', 'animal_quarantine', 'health_quarantine'], '07:30', '17:00', 30, 6)
           on conflict (id) do nothing`,
          [`${g.id}-kt1`, g.id],
        );
      }
    }
  });
}

export async function setUpGates(world: BenchWorld, api: Api, databaseUrl: string, profile: PeakProfile, volumes: Map<string, number>): Promise<Map<string, BenchGate>> {
  const gates = new Map<string, BenchGate>();
  // This hour and the next two, which may fall on the next local day (a run near midnight).
  const byDay = new Map<string, number[]>();
  for (const k of [0, 1, 2]) {
    const { date, hour } = localNow(new Date(Date.now() + k * 3_600_000));
    byDay.set(date, [...(byDay.get(date) ?? []), hour]);
  }
  await referenceData(databaseUrl, profile, [...byDay.keys()]);
  for (const g of profile.gates) {
    const authority = world.officers.get(g.id)!.get('gate_authority')!;
    const volume = volumes.get(g.id) ?? 0;
    if (api.has('PUT', '/api/v1/gates/{id}/capacity/dates/{date}')) {
      // This hour and the next two may call the whole day's volume (the replay runs now).
      for (const [day, dayHours] of byDay) for (const direction of ['export', 'import']) {
        const current = expectStatus(await authority.get<{ version: number }>(`/api/v1/gates/${g.id}/capacity`), 200);
        const hours = dayHours.map((h) => ({ hour: h, capacity: Math.max(10, volume) }));
        expectStatus(
          await authority.request('PUT', `/api/v1/gates/${g.id}/capacity/dates/${day}`, {
            body: { version: current.body.version, direction, perDay: Math.max(10, volume * 3), hours, reason: 'Peak day replay (benchmark): call-forward capacity opened this hour' },
            idempotencyKey: newKey('bench-capacity'),
          }),
          200,
        );
      }
    }
    if (!api.has('POST', '/api/v1/gates/{gateId}/yards')) continue;
    const yardId = `${g.id.replace('bench-', 'bench-bai-')}`;
    const cameras = { entry: `${g.id}-entry`, exit: `${g.id}-exit`, gate: `${g.id}-gate` };
    const created = await authority.post(
      `/api/v1/gates/${g.id}/yards`,
      {
        id: yardId,
        nameVi: `Bãi chờ ${g.nameVi}`,
        nameEn: `Waiting yard ${g.modelledOn} (benchmark)`,
        nameZh: null,
        capacity: volume + 50,
        directions: ['export', 'import'],
        cameras: [
          { id: cameras.entry, position: 'entry' },
          { id: cameras.exit, position: 'exit' },
          { id: cameras.gate, position: 'gate' },
        ],
        reason: 'Benchmark yard for the peak day',
      },
      { idempotencyKey: `bench-yard-${yardId}` },
    );
    if (created.status !== 201 && created.status !== 200 && created.status !== 409) expectStatus(created, 201);
    const token = expectStatus(await authority.post<{ secret: string }>('/api/v1/tokens', { name: `cameras ${g.id}`, scopes: ['yards:camera'] }, { idempotencyKey: newKey('bench-camera') }), 201);
    gates.set(g.id, { gateId: g.id, yardId, cameras, camera: authority.as({ token: token.body.secret }) });
  }
  return gates;
}
