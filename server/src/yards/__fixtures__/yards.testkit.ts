import crypto from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { issuePass } from '../../passes/issue';
import { instantAt } from '../../trips/time';
import { createTestApp, login, testClock, type Clock, type DbKind, type TestApp } from '../../../test/harness';

// Builders for the yards tests. The clock starts on Wednesday 2027-03-03 at 07:30 in Vietnam
// (Trà Lĩnh opens 07:00–19:00). Trips are written straight into the database as paid trips with a
// real signed pass: the yards tests are about what happens at the gate, not about declaring.

export const DAY = '2027-03-03';
export const TZ = 'Asia/Ho_Chi_Minh';
/** The instant of a local time on DAY (or another date) at the gates' time zone. */
export const at = (hhmm: string, date = DAY) => instantAt(date, hhmm, TZ);

export interface YardKit {
  t: TestApp;
  clock: Clock;
  cookies: Record<string, string>;
  ids: Record<string, string>;
  req(method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, who?: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export const STAFF = ['bai.tralinh', 'bql.tralinh', 'bienphong.tralinh', 'dn.nongsan', 'admin'];

export async function yardKit(kind: DbKind, users: string[] = STAFF, start = at('07:30')): Promise<YardKit> {
  const clock = testClock(new Date(start));
  const t = await createTestApp(kind, { sessionIdleMinutes: 24 * 60, sessionAbsoluteHours: 24 * 30 }, clock);
  const cookies: Record<string, string> = {};
  for (const u of users) cookies[u] = await login(t.app, u);
  const ids: Record<string, string> = {};
  for (const u of await t.db.selectFrom('users').select(['id', 'username']).execute()) ids[u.username] = u.id;
  for (const e of await t.db.selectFrom('enterprises').select(['id', 'tax_code']).execute()) ids[e.tax_code] = e.id;
  return {
    t,
    clock,
    cookies,
    ids,
    req(method, url, who, payload, headers = {}) {
      return t.app.inject({ method, url, payload: payload as never, headers: { ...(who ? { cookie: cookies[who] } : {}), ...headers } });
    },
  };
}

let serial = 0;
const LETTERS = 'ABCDEFGHKLMNPSTUVXYZ';

/** A fresh valid Cao Bằng plate, unique within the process. */
export function freshPlate(): string {
  serial++;
  const n = String(10000 + (serial % 90000)).slice(-5);
  return `11${LETTERS[Math.floor(serial / 90000) % LETTERS.length]}-${n.slice(0, 3)}.${n.slice(3)}`;
}

export interface TripOptions {
  gateId?: string;
  direction?: 'export' | 'import';
  plannedDate?: string;
  window?: { from: string; to: string };
  perishable?: boolean;
  hsCode?: string;
  status?: 'submitted' | 'paid' | 'crossed';
  enterprise?: '4800123456' | '5100234567';
  cleared?: boolean;
  plate?: string;
  phone?: string | null;
  driverAccount?: string | null;
}

export interface TestTrip {
  id: string;
  reference: string;
  plate: string;
  passToken: string | null;
  driverId: string;
}

/** A paid (or submitted, or for imports crossed) trip with its vehicle, driver and signed pass. */
export async function makeTrip(kit: YardKit, o: TripOptions = {}): Promise<TestTrip> {
  const db = kit.t.db;
  const enterpriseId = kit.ids[o.enterprise ?? '4800123456'];
  const plate = o.plate ?? freshPlate();
  const vehicle = await db
    .insertInto('vehicles')
    .values({ enterprise_id: enterpriseId, plate, plate_country: 'VN', plate_province: 'Cao Bằng', type: 'truck', axles: 3, tonnage_capacity: 15, trailer_plate: null, container_numbers: [], inspection_expires_on: '2029-01-01' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const driver = await db
    .insertInto('drivers')
    .values({
      enterprise_id: enterpriseId, full_name: 'Lái Xe Thử', nationality: 'VN', document_type: 'border_pass', document_number: `T${crypto.randomBytes(4).toString("hex").toUpperCase()}`,
      document_expires_on: '2031-01-01', phone: o.phone === undefined ? '+84 900 000 001' : o.phone, account_id: o.driverAccount ? kit.ids[o.driverAccount] : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const reference = `CKS-TRL-${(o.plannedDate ?? DAY).replace(/-/g, '')}-${crypto.randomBytes(3).toString('hex').toUpperCase()}`;
  const now = kit.clock.now;
  const status = o.status ?? (o.direction === 'import' ? 'crossed' : 'paid');
  const trip = await db
    .insertInto('trips')
    .values({
      reference, enterprise_id: enterpriseId, status, clearance_status: o.cleared ? 'cleared' : 'pending', direction: o.direction ?? 'export', gate_id: o.gateId ?? 'tra-linh',
      planned_date: o.plannedDate ?? DAY, window_from: o.window?.from ?? '08:00', window_to: o.window?.to ?? '12:00', vehicle_id: vehicle.id, driver_id: driver.id,
      options: '{}', fee_total: 100000, paid_amount: status === 'submitted' ? 0 : 100000, submitted_at: now, paid_at: status === 'submitted' ? null : now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('trip_cargo_lines')
    .values({ trip_id: trip.id, line_no: 1, hs_code: o.hsCode ?? (o.perishable ? '0810.60.00' : '9403.60.90'), description: 'Hàng thử', perishable: o.perishable ?? false, gross_weight_kg: 8000 })
    .execute();
  let passToken: string | null = null;
  if (status !== 'submitted') {
    await db.transaction().execute((tx) => issuePass(tx, trip.id, now));
    passToken = (await db.selectFrom('gate_passes').select('token').where('trip_id', '=', trip.id).where('status', '=', 'valid').executeTakeFirstOrThrow()).token;
  }
  if (status === 'crossed') {
    await db.insertInto('trip_timings').values({ trip_id: trip.id, gate_id: o.gateId ?? 'tra-linh', direction: 'import', crossed_at: now }).execute();
  }
  return { id: trip.id, reference, plate, passToken, driverId: driver.id };
}

/** Stands in for the clearance capability, which alone writes clearance_status in the product. */
export async function setClearance(kit: YardKit, tripId: string, status: 'pending' | 'held' | 'cleared' | 'refused' = 'cleared'): Promise<void> {
  await kit.t.db.updateTable('trips').set({ clearance_status: status }).where('id', '=', tripId).execute();
}

/** Manual check-in by the Trà Lĩnh yard operator; returns the answer body. */
export async function checkIn(kit: YardKit, trip: { reference: string }, yardId = 'tra-linh-a', extra: Record<string, unknown> = {}) {
  const res = await kit.req('POST', `/api/v1/yards/${yardId}/check-ins/manual`, 'bai.tralinh', { tripReference: trip.reference, reason: 'Camera bảo trì', ...extra });
  if (res.statusCode !== 200) throw new Error(`check-in: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function step(kit: YardKit, tripId: string, action: string, who = 'bai.tralinh', extra: Record<string, unknown> = {}) {
  return kit.req('POST', `/api/v1/yards/trips/${tripId}/actions`, who, { action, ...extra });
}

export async function queue(kit: YardKit, gateId = 'tra-linh', direction = 'export', who = 'bai.tralinh') {
  const res = await kit.req('GET', `/api/v1/yards/queue?gateId=${gateId}&direction=${direction}`, who);
  if (res.statusCode !== 200) throw new Error(`queue: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Sets the gate's lanes and rules (as its authority). */
export async function putRules(kit: YardKit, change: (rules: Record<string, any>) => void, gateId = 'tra-linh') {
  const current = (await kit.req('GET', `/api/v1/gates/${gateId}/yard-rules`, 'bql.tralinh')).json();
  const rules = structuredClone(current.rules);
  change(rules);
  const res = await kit.req('PUT', `/api/v1/gates/${gateId}/yard-rules`, 'bql.tralinh', { version: current.version, reason: 'Điều chỉnh thử nghiệm', lanes: current.lanes, rules });
  if (res.statusCode !== 200) throw new Error(`rules: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Sets the gate's daily export and import capacity (as administrator). */
export async function setGateCapacity(kit: YardKit, perDay: number, gateId = 'tra-linh') {
  const gate = (await kit.req('GET', `/api/v1/gates/${gateId}`, 'admin')).json();
  const res = await kit.req('PATCH', `/api/v1/gates/${gateId}`, 'admin', { version: gate.version, reason: 'Năng lực thử nghiệm', capacity: { exportPerDay: perDay, importPerDay: perDay } });
  if (res.statusCode !== 200) throw new Error(`gate: ${res.statusCode} ${res.body}`);
}
