import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CargoLineInput, TripContainer, TripDocumentInput, TripOptions } from '../../../shared/schemas/trips';
import { loadConfig } from '../config';
import type { Database } from '../db/database';
import { readDataset } from '../db/reference-data';
import { createDriver } from '../fleet/drivers.service';
import { createVehicle } from '../fleet/vehicles.service';
import { findGateRow, loadCalendars } from '../gates/gates.repository';
import { addDays, dayHours } from '../gates/calendar';
import { createPayment } from '../payments/create-payment';
import { processPayments } from '../payments/confirm';
import { seedGatewayAccounts } from '../payments/simulated-gateway';
import { buildActor } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { createTrip } from './create-trip';
import { submitTrip } from './submit-trip';
import { todayIn } from './time';

// Demo fleet and trips (reference/demo/demo-trips.json), created through the same services a
// user goes through, as the enterprise's own administrator. Runs once: skipped when any vehicle exists.

interface DemoTrip {
  key: string;
  gate: string;
  inDays: number;
  window: { from: string; to: string };
  direction: 'export' | 'import' | 'transit' | 'temporary_import_reexport' | 'empty_return';
  vehicle: string;
  driver: string;
  containers?: TripContainer[];
  cargoLines: CargoLineInput[];
  documents: TripDocumentInput[];
  options?: TripOptions;
  submit: boolean;
  payWith?: string;
}
interface DemoEnterprise {
  enterprise: string;
  actor: string;
  vehicles: Array<{ plate: string; type: 'truck'; axles: number; tonnageCapacity: number; trailerPlate?: string; containerNumbers?: string[]; inspectionExpiresOn?: string }>;
  drivers: Array<{ fullName: string; nationality: string; documentType: 'passport' | 'border_pass'; documentNumber: string; documentExpiresOn: string; phone?: string; account?: string }>;
  trips: DemoTrip[];
}

async function contextFor(db: Kysely<Database>, username: string): Promise<RequestContext> {
  const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
  const actor = buildActor({ id: user.id, username: user.username, role: user.role, enterpriseId: user.enterprise_id, agencyCode: user.agency_code, isOrgAdmin: user.is_org_admin, gateIds: [] }, {});
  const log = { info() {}, warn() {}, error() {}, debug() {}, trace() {}, fatal() {}, child() { return log; }, level: 'silent', silent() {} };
  // Seeding never listens for events.
  return { app: { db, dbKind: 'pglite', listen: async () => async () => {}, config: loadConfig({}), log: log as never, now: () => new Date() }, actor, requestId: `seed-${crypto.randomUUID()}` };
}

/** The first day from `inDays` on when the gate is open for the whole window. */
async function openDay(db: Kysely<Database>, gateId: string, inDays: number, window: { from: string; to: string }): Promise<string> {
  const gate = (await findGateRow(db, gateId))!;
  const calendar = (await loadCalendars(db, [gateId])).get(gateId)!;
  const start = todayIn(new Date(), gate.time_zone);
  for (let d = inDays; d < inDays + 60; d++) {
    const date = addDays(start, d);
    const day = dayHours(calendar, date, gate.time_zone, gate.counterpart_time_zone);
    if (day.special?.kind !== 'fruit_only' && day.intervals.some((i) => i.opens <= window.from && window.to <= i.closes)) return date;
  }
  throw new Error(`Demo trips: gate ${gateId} has no open day in the next 60 days`);
}

export async function seedTrips(db: Kysely<Database>, options: { demo: boolean }): Promise<string> {
  const accounts = await seedGatewayAccounts(db);
  if (!options.demo) return `gateway accounts: ${accounts} new`;
  if (await db.selectFrom('vehicles').select('id').limit(1).executeTakeFirst()) return 'demo fleet exists';
  if (!(await db.selectFrom('users').select('id').where('username', '=', 'dn.nongsan').executeTakeFirst())) return 'no demo accounts';
  const demo = readDataset<{ enterprises: DemoEnterprise[] }>('demo/demo-trips.json').data;
  let trips = 0;
  for (const e of demo.enterprises) {
    const ctx = await contextFor(db, e.actor);
    const vehicles = new Map<string, string>();
    const drivers = new Map<string, string>();
    for (const v of e.vehicles) vehicles.set(v.plate, (await createVehicle(ctx, v, undefined)).body.id);
    for (const { account, ...d } of e.drivers) {
      const accountId = account ? (await db.selectFrom('users').select('id').where('username', '=', account).executeTakeFirstOrThrow()).id : null;
      drivers.set(d.documentNumber, (await createDriver(ctx, { ...d, accountId }, undefined)).body.id);
    }
    for (const t of e.trips) {
      const plannedDate = await openDay(db, t.gate, t.inDays, t.window);
      const created = await createTrip(
        ctx,
        {
          direction: t.direction,
          gateId: t.gate,
          plannedDate,
          window: t.window,
          vehicleId: vehicles.get(t.vehicle)!,
          driverId: drivers.get(t.driver)!,
          containers: t.containers ?? [],
          cargoLines: t.cargoLines,
          documents: t.documents,
          options: t.options ?? {},
        },
        undefined,
      );
      trips++;
      if (!t.submit) continue;
      const submitted = await submitTrip(ctx, created.body.id, created.body.version);
      if (t.payWith && submitted.fee.outstanding > 0) {
        await createPayment(ctx, submitted.id, { amount: submitted.fee.outstanding, payerAccount: t.payWith }, `demo-${t.key}-${submitted.id}`);
        await processPayments(db, new Date());
      }
    }
  }
  return `demo fleet and ${trips} trips created; gateway accounts: ${accounts} new`;
}
