import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, login, testClock, type Clock, type DbKind, type TestApp } from '../../../test/harness';

// Builders and shortcuts for the trips integration tests. The clock starts on Monday
// 2027-03-01 at 08:00 in Vietnam; the default trip crosses Trà Lĩnh on Wednesday 2027-03-03.

export const START = new Date('2027-03-01T01:00:00Z');
export const CROSSING_DATE = '2027-03-03';
export const OK_ACCOUNT = '9704000000000018';
export const FAILING = { insufficient: '9704000000000026', declined: '9704000000000034', closed: '9704000000000042' };

export interface Kit {
  t: TestApp;
  clock: Clock;
  cookies: Record<string, string>;
  enterpriseIds: { nongsan: string; thanhthuy: string };
  userIds: Record<string, string>;
  req(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, who?: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export async function startKit(kind: DbKind, users: string[] = ['dn.nongsan', 'dn.thanhthuy', 'admin']): Promise<Kit> {
  const clock = testClock(new Date(START));
  // Long sessions: tests move the clock by days (expiry) and keep their sign-ins.
  const t = await createTestApp(kind, { sessionIdleMinutes: 24 * 60, sessionAbsoluteHours: 24 * 30 }, clock);
  const cookies: Record<string, string> = {};
  for (const u of users) cookies[u] = await login(t.app, u);
  const ents = await t.db.selectFrom('enterprises').select(['id', 'tax_code']).execute();
  const userIds = Object.fromEntries((await t.db.selectFrom('users').select(['id', 'username']).execute()).map((u) => [u.username, u.id]));
  return {
    t,
    clock,
    cookies,
    userIds,
    enterpriseIds: { nongsan: ents.find((e) => e.tax_code === '4800123456')!.id, thanhthuy: ents.find((e) => e.tax_code === '5100234567')!.id },
    req(method, url, who, payload, headers = {}) {
      return t.app.inject({ method, url, payload: payload as never, headers: { ...(who ? { cookie: cookies[who] } : {}), ...headers } });
    },
  };
}

let plateSerial = 100;
/** A fresh valid Cao Bằng plate (11C-5NN.NN). */
export function nextPlate(): string {
  plateSerial++;
  return `11C-5${String(plateSerial % 100).padStart(2, '0')}.${String(Math.floor(plateSerial / 100)).padStart(2, '0')}`;
}

let documentSerial = 1000;
export const nextDocument = () => `B${String(++documentSerial).padStart(7, '0')}`;

export async function addVehicle(kit: Kit, who = 'dn.nongsan', overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await kit.req('POST', '/api/v1/vehicles', who, { plate: nextPlate(), type: 'truck', axles: 3, tonnageCapacity: 15, inspectionExpiresOn: '2028-12-31', ...overrides });
  if (res.statusCode !== 201) throw new Error(`vehicle: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

export async function addDriver(kit: Kit, who = 'dn.nongsan', overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await kit.req('POST', '/api/v1/drivers', who, {
    fullName: 'Nông Văn Thử',
    nationality: 'VN',
    documentType: 'border_pass',
    documentNumber: nextDocument(),
    documentExpiresOn: '2030-01-01',
    ...overrides,
  });
  if (res.statusCode !== 201) throw new Error(`driver: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

export const durianLine = (overrides: Record<string, unknown> = {}) => ({
  hsCode: '0810.60.00',
  description: 'Sầu riêng tươi',
  packages: 400,
  packageKind: 'thùng',
  quantity: 8000,
  unit: 'KGM',
  grossWeightKg: 8500,
  declaredValue: 30000,
  currency: 'USD',
  origin: 'VN',
  perishable: true,
  growingAreaCode: 'VNORC-0123',
  packingHouseCode: 'VNPHC-0456',
  ...overrides,
});

export const furnitureLine = (overrides: Record<string, unknown> = {}) => ({
  hsCode: '9403.60.90',
  description: 'Bàn ghế gỗ',
  packages: 50,
  quantity: 50,
  unit: 'PCE',
  grossWeightKg: 5000,
  declaredValue: 10000,
  currency: 'USD',
  origin: 'VN',
  perishable: false,
  ...overrides,
});

/** A complete, valid export of durian at Trà Lĩnh: 8.5 t × 25,000 = 212,500 VND. */
export function tripBody(vehicleId: string, driverId: string, overrides: Record<string, unknown> = {}) {
  return {
    direction: 'export',
    gateId: 'tra-linh',
    plannedDate: CROSSING_DATE,
    window: { from: '08:00', to: '11:00' },
    vehicleId,
    driverId,
    cargoLines: [durianLine()],
    documents: [{ kind: 'customs_declaration', number: '307512345670' }],
    ...overrides,
  };
}

/** Creates and submits a trip; returns the submitted trip. */
export async function submittedTrip(kit: Kit, who = 'dn.nongsan', overrides: Record<string, unknown> = {}) {
  const vehicleId = await addVehicle(kit, who);
  const driverId = await addDriver(kit, who);
  const created = await kit.req('POST', '/api/v1/trips', who, tripBody(vehicleId, driverId, overrides));
  if (created.statusCode !== 201) throw new Error(`create: ${created.statusCode} ${created.body}`);
  const submitted = await kit.req('POST', `/api/v1/trips/${created.json().id}/submit`, who, { version: created.json().version });
  if (submitted.statusCode !== 200) throw new Error(`submit: ${submitted.statusCode} ${submitted.body}`);
  return submitted.json();
}

let keySerial = 0;
export const newKey = (label = 'pay') => `${label}-${Date.now()}-${++keySerial}`;

/** Pays what the trip owes and lets the simulated bank confirm it; returns the trip. */
export async function pay(kit: Kit, tripId: string, who = 'dn.nongsan', account = OK_ACCOUNT) {
  const trip = (await kit.req('GET', `/api/v1/trips/${tripId}`, who)).json();
  const res = await kit.req('POST', `/api/v1/trips/${tripId}/payments`, who, { amount: trip.fee.outstanding, payerAccount: account }, { 'idempotency-key': newKey() });
  if (res.statusCode !== 201) throw new Error(`pay: ${res.statusCode} ${res.body}`);
  await kit.req('POST', '/api/v1/payments/simulated/process', who);
  return (await kit.req('GET', `/api/v1/trips/${tripId}`, who)).json();
}

export async function paidTrip(kit: Kit, who = 'dn.nongsan', overrides: Record<string, unknown> = {}) {
  const trip = await submittedTrip(kit, who, overrides);
  return pay(kit, trip.id, who);
}
