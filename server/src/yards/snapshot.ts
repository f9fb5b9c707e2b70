import type { ExpectedTruck, YardSnapshot } from '../../../shared/schemas/yards';
import { crossingDirectionOf } from '../capacity/capacity-query';
import { addDays, localParts } from '../gates/calendar';
import { publishedKeys } from '../passes/keys';
import type { RequestContext } from '../platform/context';
import { gateQueue, toEntry } from './queue-read';
import { laneFor, rulesFor } from './rules';
import { yardInScope } from './scope';
import { yardViews } from './yards-read';

// What the offline yard page keeps so it can work without the server: the queue, the trucks that
// may arrive (plates, pass serials and validity, so a QR is checked offline), passes it must refuse
// (superseded or revoked), the public keys that verify passes, and the gate's rules.

export async function yardSnapshot(ctx: RequestContext, yardId: string): Promise<YardSnapshot> {
  const { yard } = await yardInScope(ctx.app.db, ctx.actor, 'yards:read', yardId);
  const db = ctx.app.db;
  const now = ctx.app.now();
  const gate = await db.selectFrom('gates').select(['id', 'name_vi', 'name_en', 'name_zh', 'time_zone']).where('id', '=', yard.gate_id).executeTakeFirstOrThrow();
  const rules = await rulesFor(db, gate.id);
  const today = localParts(now, gate.time_zone).date;
  const from = addDays(today, -1);
  const to = addDays(today, rules.rules.arrival.earlyDays);
  const trips = await db
    .selectFrom('trips as t')
    .innerJoin('vehicles as v', 'v.id', 't.vehicle_id')
    .innerJoin('drivers as d', 'd.id', 't.driver_id')
    .innerJoin('enterprises as e', 'e.id', 't.enterprise_id')
    .select([
      't.id', 't.reference', 't.direction', 't.status', 't.clearance_status', 't.planned_date', 't.window_from', 't.window_to',
      'v.plate', 'v.trailer_plate', 'd.full_name', 'e.name as enterprise_name',
    ])
    .where('t.gate_id', '=', gate.id)
    .where((eb) =>
      eb.or([
        eb.and([eb('t.status', 'in', ['paid', 'crossed', 'cancelled', 'expired']), eb('t.planned_date', '>=', from), eb('t.planned_date', '<=', to)]),
        eb('t.status', 'in', ['checked_in', 'called', 'left_yard']),
      ]),
    )
    .orderBy('t.planned_date')
    .orderBy('t.window_from')
    .limit(5000)
    .execute();
  const ids = trips.map((t) => t.id);
  const passes = ids.length ? await db.selectFrom('gate_passes').select(['trip_id', 'serial', 'status', 'valid_until']).where('trip_id', 'in', ids).execute() : [];
  const lines = ids.length ? await db.selectFrom('trip_cargo_lines').select(['trip_id', 'hs_code', 'perishable']).where('trip_id', 'in', ids).execute() : [];
  const expected: ExpectedTruck[] = [];
  for (const t of trips) {
    const direction = crossingDirectionOf(t.direction);
    if (!yard.directions.includes(direction) || t.status === 'cancelled' || t.status === 'expired') continue;
    const current = passes.filter((p) => p.trip_id === t.id).sort((a, b) => b.serial - a.serial)[0];
    const mine = lines.filter((l) => l.trip_id === t.id);
    expected.push({
      tripId: t.id,
      reference: t.reference,
      plate: t.plate,
      trailerPlate: t.trailer_plate,
      direction,
      tripStatus: t.status as ExpectedTruck['tripStatus'],
      clearanceStatus: t.clearance_status as ExpectedTruck['clearanceStatus'],
      plannedDate: t.planned_date!,
      window: { from: t.window_from!.slice(0, 5), to: t.window_to!.slice(0, 5) },
      passSerial: current?.serial ?? null,
      passStatus: current?.status ?? null,
      passValidUntil: current?.valid_until.toISOString() ?? null,
      enterpriseName: t.enterprise_name,
      driverName: t.full_name,
      lane: laneFor(rules.lanes, { hsCodes: mine.map((l) => l.hs_code ?? ''), perishable: mine.some((l) => l.perishable) }, direction).code,
    });
  }
  const queue = [];
  for (const direction of yard.directions as Array<'export' | 'import'>) {
    const q = await gateQueue(db, gate.id, direction, now);
    queue.push(...q.called.map((r) => toEntry(r, now, null)), ...q.queued.map((r, i) => toEntry(r, now, i + 1)));
  }
  return {
    yard: (await yardViews(db, [yard.id]))[0],
    gate: { id: gate.id, nameVi: gate.name_vi, nameEn: gate.name_en, nameZh: gate.name_zh, timeZone: gate.time_zone },
    generatedAt: now.toISOString(),
    rules,
    queue,
    expected,
    revokedPasses: passes.filter((p) => p.status !== 'valid').map((p) => ({ tripId: p.trip_id, serial: p.serial, status: p.status })),
    passKeys: await publishedKeys(db),
  };
}
