import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CargoLineInput, TripDocumentInput } from '../../../shared/schemas/trips';
import { loadConfig } from '../config';
import type { Database } from '../db/database';
import { readDataset } from '../db/reference-data';
import { createDriver } from '../fleet/drivers.service';
import { createVehicle } from '../fleet/vehicles.service';
import { addDays, dayHours, localParts } from '../gates/calendar';
import { findGateRow, loadCalendars } from '../gates/gates.repository';
import { processPayments } from '../payments/confirm';
import { createPayment } from '../payments/create-payment';
import { buildActor } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { createTrip } from '../trips/create-trip';
import { submitTrip } from '../trips/submit-trip';
import { admitTruck } from './admit';

// Demo queue (reference/yards/demo-queue.json): trucks of the demo enterprise declared, paid and
// checked in at Trà Lĩnh through the same services people use. Runs once (skipped when its first
// vehicle exists) and only on a database with the demo accounts.

interface DemoTruck {
  plate: string;
  type: 'truck' | 'refrigerated_truck';
  axles: number;
  tonnageCapacity: number;
  driver: { fullName: string; nationality: string; documentType: 'passport' | 'border_pass'; documentNumber: string; documentExpiresOn: string; phone?: string };
  yard: string;
  minutesAgo: number;
  cargoLines: CargoLineInput[];
  documents: TripDocumentInput[];
}
interface DemoQueue {
  enterprise: string;
  operator: string;
  gate: string;
  trucks: DemoTruck[];
}

const PAYER = '9704000000000018';

async function contextFor(db: Kysely<Database>, username: string): Promise<RequestContext | null> {
  const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  if (!user) return null;
  const gateIds = (await db.selectFrom('user_gates').select('gate_id').where('user_id', '=', user.id).execute()).map((g) => g.gate_id);
  const actor = buildActor({ id: user.id, username: user.username, role: user.role, enterpriseId: user.enterprise_id, agencyCode: user.agency_code, isOrgAdmin: user.is_org_admin, gateIds }, {});
  const log = { info() {}, warn() {}, error() {}, debug() {}, trace() {}, fatal() {}, child() { return log; }, level: 'silent', silent() {} };
  return { app: { db, dbKind: 'pglite', listen: async () => async () => {}, config: loadConfig({}), log: log as never, now: () => new Date() }, actor, requestId: `seed-${crypto.randomUUID()}` };
}

/** Today when the gate is open for at least another hour, else the next day it opens; with its hours. */
async function crossingDay(db: Kysely<Database>, gateId: string, now: Date): Promise<{ date: string; from: string; to: string } | null> {
  const gate = (await findGateRow(db, gateId))!;
  const calendar = (await loadCalendars(db, [gateId])).get(gateId)!;
  const local = localParts(now, gate.time_zone);
  for (const date of [local.date, addDays(local.date, 1)]) {
    const day = dayHours(calendar, date, gate.time_zone, gate.counterpart_time_zone);
    if (day.special?.kind === 'fruit_only' || day.intervals.length === 0) continue;
    const last = day.intervals[day.intervals.length - 1];
    const first = day.intervals[0];
    if (date === local.date && minutesOf(last.closes) - minutesOf(local.time) < 60) continue;
    return { date, from: first.opens, to: last.closes === '24:00' ? '23:59' : last.closes };
  }
  return null;
}

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

export async function seedDemoQueue(db: Kysely<Database>): Promise<string> {
  const demo = readDataset<DemoQueue>('yards/demo-queue.json').data;
  const ctx = await contextFor(db, demo.enterprise);
  const operator = await contextFor(db, demo.operator);
  if (!ctx || !operator) return 'demo queue: no demo accounts';
  if (await db.selectFrom('vehicles').select('id').where('plate', '=', demo.trucks[0].plate).executeTakeFirst()) return 'demo queue exists';
  const now = new Date();
  const day = await crossingDay(db, demo.gate, now);
  if (!day) return 'demo queue skipped: the gate is closed today and tomorrow';
  let admitted = 0;
  try {
    admitted = await createTrucks(db, demo, ctx, operator, day, now);
  } catch (error) {
    // Demo data never stops the server; the report says what went wrong.
    return `demo queue failed: ${(error as Error).message}`;
  }
  return `demo queue: ${admitted} of ${demo.trucks.length} trucks checked in at ${demo.gate}`;
}

async function createTrucks(db: Kysely<Database>, demo: DemoQueue, ctx: RequestContext, operator: RequestContext, day: { date: string; from: string; to: string }, now: Date): Promise<number> {
  let admitted = 0;
  for (const t of demo.trucks) {
    const vehicle = await createVehicle(ctx, { plate: t.plate, type: t.type, axles: t.axles, tonnageCapacity: t.tonnageCapacity, inspectionExpiresOn: '2029-12-31' }, undefined);
    const driver = await createDriver(ctx, { ...t.driver, accountId: null }, undefined);
    const created = await createTrip(
      ctx,
      { direction: 'export', gateId: demo.gate, plannedDate: day.date, window: { from: day.from, to: day.to }, vehicleId: vehicle.body.id, driverId: driver.body.id, containers: [], cargoLines: t.cargoLines, documents: t.documents, options: {} },
      undefined,
    );
    const submitted = await submitTrip(ctx, created.body.id, created.body.version);
    if (submitted.fee.outstanding > 0) {
      await createPayment(ctx, submitted.id, { amount: submitted.fee.outstanding, payerAccount: PAYER }, `demo-queue-${submitted.id}`);
      await processPayments(db, new Date());
    }
    const arrivedAt = new Date(now.getTime() - t.minutesAgo * 60_000);
    const result = await db.transaction().execute((tx) =>
      admitTruck(tx, operator.actor, operator.requestId, { yardId: t.yard, who: { reference: submitted.reference }, source: 'manual', occurredAt: arrivedAt, reason: 'Demo data' }, new Date()),
    );
    if (result.outcome === 'checked_in') admitted++;
  }
  return admitted;
}
