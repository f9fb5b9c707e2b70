import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { loadCalendars } from '../gates/gates.repository';
import { AppError } from '../platform/errors';
import { gateTimeZone } from '../trips/expiry';
import { instantAt, todayIn } from '../trips/time';
import { bookWindow, holdingBooking } from './booking';
import { toMinutes } from './capacity-plan';
import { hourlyProfileSeeds } from './rules';
import { targetOf } from './trip-hooks';

// Runs at every start, idempotently:
//  - initial hourly profiles from reference/capacity/hourly-profiles.json, for gates that have no
//    capacity settings yet (an authority's edits always win), recorded in the change history;
//  - bookings for declared trips that have none (trips submitted before capacity existed, or
//    demo trips), while their window is still ahead.

async function seedProfiles(db: Kysely<Database>): Promise<number> {
  const dataset = hourlyProfileSeeds();
  let loaded = 0;
  for (const p of dataset.data.profiles) {
    const done = await db.transaction().execute(async (tx) => {
      const gate = await tx.selectFrom('gates').selectAll().where('id', '=', p.gateId).executeTakeFirst();
      if (!gate) return false;
      const inserted = await tx.insertInto('capacity_settings').values({ gate_id: p.gateId, version: 1, updated_at: new Date() }).onConflict((oc) => oc.column('gate_id').doNothing()).returning('gate_id').executeTakeFirst();
      if (!inserted) return false;
      // The average hourly rate of a regular Monday, from the gate's own calendar.
      const calendar = (await loadCalendars(tx, [p.gateId])).get(p.gateId)!;
      const openHours = calendar.weeklyHours.filter((h) => h.weekday === 1).reduce((s, h) => s + toMinutes(h.closes) - toMinutes(h.opens), 0) / 60;
      for (const direction of p.directions) {
        const perDay = direction === 'export' ? gate.capacity_export_per_day : gate.capacity_import_per_day;
        const average = openHours > 0 ? perDay / openHours : 0;
        const hours = Object.fromEntries(Object.entries(p.factors).map(([hour, factor]) => [hour, Math.round(average * factor)]));
        await tx.insertInto('capacity_profiles').values({ gate_id: p.gateId, direction, hours: JSON.stringify(hours), updated_at: new Date(), updated_by: null }).execute();
        await tx
          .insertInto('capacity_changes')
          .values({
            gate_id: p.gateId,
            direction,
            scope: 'profile',
            day: null,
            before: null,
            after: JSON.stringify({ hours: Object.entries(hours).map(([hour, capacity]) => ({ hour: Number(hour), capacity })) }),
            reason: `Loaded from reference data ${dataset.name} ${dataset.version} (derived from ${perDay} per day)`,
            changed_by: null,
            changed_by_label: 'system:reference-data',
            changed_at: new Date(),
            request_id: null,
          })
          .execute();
      }
      return true;
    });
    if (done) loaded++;
  }
  return loaded;
}

async function backfillBookings(db: Kysely<Database>, now: Date): Promise<{ booked: number; full: number }> {
  const candidates = await db
    .selectFrom('trips')
    .select('id')
    .where('status', 'in', ['submitted', 'paid'])
    .where('planned_date', '>=', todayIn(now))
    .where('id', 'not in', (qb) => qb.selectFrom('crossing_bookings').select('trip_id').where('status', 'in', ['active', 'used']))
    .execute();
  const result = { booked: 0, full: 0 };
  for (const { id } of candidates) {
    await db.transaction().execute(async (tx) => {
      const trip = await tx.selectFrom('trips').selectAll().where('id', '=', id).forUpdate().skipLocked().executeTakeFirst();
      if (!trip || !['submitted', 'paid'].includes(trip.status) || (await holdingBooking(tx, id))) return;
      const target = await targetOf(tx, trip);
      if (instantAt(target.date, target.window.to, await gateTimeZone(tx, target.gateId)) <= now) return;
      try {
        await bookWindow(tx, target, now);
        result.booked++;
      } catch (error) {
        // A trip that no longer fits stays declared; the gate authority sees it on the board.
        if (!(error instanceof AppError)) throw error;
        result.full++;
      }
    });
  }
  return result;
}

export async function seedCapacity(db: Kysely<Database>): Promise<string> {
  const profiles = await seedProfiles(db);
  const { booked, full } = await backfillBookings(db, new Date());
  return `hourly profiles: ${profiles} gates; bookings backfilled: ${booked}${full ? ` (${full} did not fit)` : ''}`;
}
