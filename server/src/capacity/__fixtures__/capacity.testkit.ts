import { sql } from 'kysely';
import type { Kit } from '../../trips/__fixtures__/trips.testkit';
import type { TestApp } from '../../../test/harness';

// Shortcuts for the capacity integration tests (on top of the trips test kit: the clock starts
// on Monday 2027-03-01 08:00 in Vietnam).

let keySerial = 0;
export const capacityKey = () => `capacity-test-${Date.now()}-${++keySerial}`;

export async function capacityVersion(kit: Kit, gateId = 'tra-linh'): Promise<number> {
  return (await kit.req('GET', `/api/v1/gates/${gateId}/capacity`)).json().version;
}

/** Pins a date's capacity (as the Trà Lĩnh authority); hours not listed are shared from perDay. */
export async function setDate(kit: Kit, date: string, body: { direction?: 'export' | 'import'; perDay?: number | null; hours?: Array<{ hour: number; capacity: number }> }, gateId = 'tra-linh') {
  const res = await kit.req('PUT', `/api/v1/gates/${gateId}/capacity/dates/${date}`, 'bql.tralinh', {
    version: await capacityVersion(kit, gateId),
    direction: body.direction ?? 'export',
    perDay: body.perDay ?? null,
    hours: body.hours ?? [],
    reason: 'Thỏa thuận với phía Trung Quốc',
  });
  if (res.statusCode !== 200) throw new Error(`set date: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Every open hour of the day pinned: `hours` as given, the others 0. */
export const onlyHours = (hours: Record<number, number>) =>
  Array.from({ length: 24 }, (_, hour) => ({ hour, capacity: hours[hour] ?? 0 }));

export async function availability(kit: Kit, date: string, direction = 'export', gateId = 'tra-linh') {
  const res = await kit.req('GET', `/api/v1/gates/${gateId}/availability?date=${date}&direction=${direction}`);
  if (res.statusCode !== 200) throw new Error(`availability: ${res.statusCode} ${res.body}`);
  return res.json().days[0] as { perDay: number; booked: number; free: number; open: boolean; fruitOnly: boolean; hours: Array<{ hour: number; capacity: number; booked: number; free: number; pinned: boolean }> };
}

export async function bookingOf(kit: Kit, tripId: string, who = 'dn.nongsan') {
  return (await kit.req('GET', `/api/v1/trips/${tripId}/booking`, who)).json();
}

/**
 * The invariant every test ends with: each counter row holds exactly the bookings that hold
 * capacity (active or used), and never more than its limit.
 */
export async function counterProblems(t: TestApp): Promise<string[]> {
  const days = await sql<{ key: string; booked: number; capacity: number; holding: number }>`
    select c.gate_id || '/' || c.direction || '/' || c.day as key, c.booked, c.capacity,
      (select count(*)::int from crossing_bookings b where b.gate_id = c.gate_id and b.direction = c.direction and b.day = c.day and b.status in ('active', 'used')) as holding
    from capacity_day_counters c`.execute(t.db);
  const slots = await sql<{ key: string; booked: number; capacity: number; holding: number }>`
    select c.gate_id || '/' || c.direction || '/' || c.day || '/' || c.hour as key, c.booked, c.capacity,
      (select count(*)::int from crossing_bookings b where b.gate_id = c.gate_id and b.direction = c.direction and b.day = c.day and b.hour = c.hour and b.status in ('active', 'used')) as holding
    from capacity_slot_counters c`.execute(t.db);
  return [...days.rows, ...slots.rows]
    .filter((r) => r.booked !== r.holding || r.booked > r.capacity)
    .map((r) => `${r.key}: booked ${r.booked}, holding ${r.holding}, capacity ${r.capacity}`);
}
