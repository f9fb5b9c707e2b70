import type { Transaction } from 'kysely';
import type { Database } from '../db/database';
import { normaliseHsCode } from '../hs/nomenclature';
import type { TripHooks } from '../trips/hooks';
import { protocolFruit } from '../trips/rules';
import type { TripRow } from '../trips/trips.repository';
import { gateTimeZone } from '../trips/expiry';
import { instantAt } from '../trips/time';
import { toMinutes } from './capacity-plan';
import { bookWindow, endBooking, holdingBooking, type BookingRow, type BookingTarget } from './booking';
import { crossingDirectionOf } from './capacity-query';

// What the capacity capability does when a declaration changes: a submitted trip books a
// crossing window; an amendment that moves it rebooks atomically (a full new window fails the
// amendment and the old booking stays); a trip that ends gives its window back.

/** Same test as the declaration checks (trips/checks.ts): every line is a protocol fruit. */
export async function isFruitLoad(tx: Transaction<Database>, tripId: string): Promise<boolean> {
  const lines = await tx.selectFrom('trip_cargo_lines').select('hs_code').where('trip_id', '=', tripId).execute();
  return lines.length > 0 && lines.every((l) => l.hs_code && protocolFruit(normaliseHsCode(l.hs_code) ?? ''));
}

export async function targetOf(tx: Transaction<Database>, trip: TripRow): Promise<BookingTarget> {
  if (!trip.gate_id || !trip.planned_date || !trip.window_from || !trip.window_to) throw new Error(`trip ${trip.id} has no gate, date or window`);
  return {
    tripId: trip.id,
    enterpriseId: trip.enterprise_id,
    gateId: trip.gate_id,
    direction: crossingDirectionOf(trip.direction),
    date: trip.planned_date,
    window: { from: trip.window_from.slice(0, 5), to: trip.window_to.slice(0, 5) },
    fruitLoad: await isFruitLoad(tx, trip.id),
  };
}

/** Whether a booking still serves the trip as declared now (same gate, direction, day, and its hour inside the window). */
export function bookingFits(b: BookingRow, t: BookingTarget): boolean {
  const start = b.hour * 60;
  return (
    b.gate_id === t.gateId &&
    b.direction === t.direction &&
    b.day === t.date &&
    start < toMinutes(t.window.to) &&
    toMinutes(t.window.from) < start + 60
  );
}

export const capacityTripHooks: TripHooks = {
  async submitted({ tx, trip, now }) {
    const existing = await holdingBooking(tx, trip.id);
    if (existing) return;
    await bookWindow(tx, await targetOf(tx, trip), now);
  },

  async amended({ tx, trip, now }) {
    const target = await targetOf(tx, trip);
    const held = await holdingBooking(tx, trip.id);
    if (held?.status === 'used') return;
    if (held && bookingFits(held, target)) {
      // Same hour still inside the window: keep it, but the no-show clock follows the new window.
      const windowEndAt = instantAt(target.date, target.window.to, await gateTimeZone(tx, target.gateId));
      await tx.updateTable('crossing_bookings').set({ window_from: target.window.from, window_to: target.window.to, window_end_at: windowEndAt }).where('id', '=', held.id).execute();
      return;
    }
    await bookWindow(tx, target, now, held);
  },

  async ended({ tx, trip, now }) {
    const held = await holdingBooking(tx, trip.id);
    if (!held) return;
    // An hour that has already begun cannot be used by anyone else: a used booking keeps it;
    // anything else goes back to the pool.
    const slotStart = instantAt(held.day, `${String(held.hour).padStart(2, '0')}:00`, await gateTimeZone(tx, held.gate_id));
    if (held.status === 'used' && now >= slotStart) return;
    await endBooking(tx, held, 'released', `trip ${trip.status}`, now);
  },
};
