import type { Selectable, Transaction } from 'kysely';
import { errorCatalog } from '../../../shared/errors/index';
import type { Database } from '../db/database';
import { localParts } from '../gates/calendar';
import { AppError } from '../platform/errors';
import { emitEvent } from '../platform/events';
import { instantAt } from '../trips/time';
import { alternativesText, findAlternatives } from './alternatives';
import { gateCapacityContext, loadOverrides, planFor, type GateCapacityContext } from './capacity-config';
import { hoursInWindow, type DayPlan } from './capacity-plan';
import type { CrossingDirection } from './capacity-query';
import { giveBack, lockDays, takeDay, takeSlot, type DayKey } from './counters';

// Booking a crossing window for a trip, and ending a booking. Runs inside the caller's
// transaction (a trip hook or the no-show job), so the trip and its booking never disagree.

type Tx = Transaction<Database>;
export type BookingRow = Selectable<Database['crossing_bookings']>;

export interface BookingTarget {
  tripId: string;
  enterpriseId: string;
  gateId: string;
  direction: CrossingDirection;
  date: string;
  window: { from: string; to: string };
  /** Every cargo line is fresh fruit under a China protocol (fruit-only days). */
  fruitLoad: boolean;
}

/** The booking a trip holds now (active or used), locked. */
export function holdingBooking(tx: Tx, tripId: string): Promise<BookingRow | undefined> {
  return tx.selectFrom('crossing_bookings').selectAll().where('trip_id', '=', tripId).where('status', 'in', ['active', 'used']).forUpdate().executeTakeFirst();
}

const dayKey = (b: { gate_id: string; direction: string; day: string }): DayKey => ({ gateId: b.gate_id, direction: b.direction as CrossingDirection, date: b.day });

async function refuse(tx: Tx, code: 'capacity.window_full' | 'capacity.no_capacity', ctx: GateCapacityContext, target: BookingTarget, now: Date): Promise<never> {
  const alternatives = await findAlternatives(tx, ctx, target, now);
  const def = errorCatalog[code];
  const extra = alternativesText(alternatives);
  const path = code === 'capacity.no_capacity' ? '/plannedDate' : '/window';
  throw new AppError(code, {
    gateId: target.gateId,
    date: target.date,
    direction: target.direction,
    window: target.window,
    alternatives,
    errors: [{ path, code, message: { vi: `${def.vi} ${extra.vi}`, en: `${def.en} ${extra.en}` } }],
  });
}

/** Which hour of the window to book (not one already over), judged under the day lock; null when none has room. */
async function chooseHour(tx: Tx, key: DayKey, plan: DayPlan, target: BookingTarget, replacing: BookingRow | undefined, local: { date: string; time: string }): Promise<number | null> {
  const sameDay = replacing && replacing.gate_id === key.gateId && replacing.direction === key.direction && replacing.day === key.date;
  const day = await tx.selectFrom('capacity_day_counters').select('booked').where('gate_id', '=', key.gateId).where('direction', '=', key.direction).where('day', '=', key.date).executeTakeFirstOrThrow();
  const slots = await tx.selectFrom('capacity_slot_counters').select(['hour', 'booked']).where('gate_id', '=', key.gateId).where('direction', '=', key.direction).where('day', '=', key.date).execute();
  const booked = new Map(slots.map((s) => [s.hour, s.booked - (sameDay && s.hour === replacing.hour ? 1 : 0)]));
  if (day.booked - (sameDay ? 1 : 0) >= plan.perDay) return null;
  const hour = hoursInWindow(plan, target.window).find((h) => (key.date > local.date || h.to > local.time) && (booked.get(h.hour) ?? 0) < h.capacity);
  return hour?.hour ?? null;
}

/**
 * Books one unit of the day and one hour inside the window (the first with room). When
 * `replacing` is given it is released in the same transaction; if the new window is full
 * nothing is written and the error lists the nearest free windows.
 */
export async function bookWindow(tx: Tx, target: BookingTarget, now: Date, replacing?: BookingRow): Promise<BookingRow> {
  const key: DayKey = { gateId: target.gateId, direction: target.direction, date: target.date };
  // Lock first, read the capacity in force second: a settings change that committed before the
  // lock is seen, one that commits after it waits for this booking (it locks the same rows).
  await lockDays(tx, [key, ...(replacing ? [dayKey(replacing)] : [])]);
  const ctx = await gateCapacityContext(tx, target.gateId, target.direction);
  if (!ctx) throw new Error(`unknown gate ${target.gateId}`);
  const plan = planFor(ctx, target.date, (await loadOverrides(tx, target.gateId, target.direction, target.date, target.date)).get(target.date) ?? null);
  if (plan.specialKind === 'fruit_only' && !target.fruitLoad) {
    const def = errorCatalog['capacity.fruit_only'];
    throw new AppError('capacity.fruit_only', { errors: [{ path: '/plannedDate', code: 'capacity.fruit_only', message: { vi: def.vi, en: def.en } }] });
  }
  if (plan.perDay === 0) return refuse(tx, 'capacity.no_capacity', ctx, target, now);
  const hour = await chooseHour(tx, key, plan, target, replacing, localParts(now, ctx.gate.time_zone));
  if (hour === null) return refuse(tx, 'capacity.window_full', ctx, target, now);
  if (replacing) await endBooking(tx, replacing, 'released', 'rebooked', now, { locked: true });
  const slot = plan.hours.find((h) => h.hour === hour)!;
  // The day lock makes these succeed; the conditional updates and CHECKs still guard them.
  if (!(await takeDay(tx, key, plan.perDay)) || !(await takeSlot(tx, key, hour, slot.capacity))) return refuse(tx, 'capacity.window_full', ctx, target, now);
  const row = await tx
    .insertInto('crossing_bookings')
    .values({
      trip_id: target.tripId,
      enterprise_id: target.enterpriseId,
      gate_id: target.gateId,
      direction: target.direction,
      day: target.date,
      hour,
      window_from: target.window.from,
      window_to: target.window.to,
      window_end_at: instantAt(target.date, target.window.to, ctx.gate.time_zone),
      status: 'active',
      created_at: now,
      status_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await emitEvent(tx, {
    type: 'booking.created',
    occurredAt: now,
    gateId: target.gateId,
    tripId: target.tripId,
    direction: target.direction,
    payload: { enterpriseId: target.enterpriseId, date: target.date, hour, bookingId: row.id },
  });
  return row;
}

/** Ends an active or used booking and gives its capacity back. */
export async function endBooking(tx: Tx, booking: BookingRow, status: 'released' | 'no_show', reason: string, now: Date, options: { locked?: boolean } = {}): Promise<void> {
  if (!options.locked) await lockDays(tx, [dayKey(booking)]);
  await giveBack(tx, dayKey(booking), booking.hour);
  await tx.updateTable('crossing_bookings').set({ status, status_at: now, status_reason: reason }).where('id', '=', booking.id).execute();
  await emitEvent(tx, {
    type: status === 'no_show' ? 'booking.no_show' : 'booking.released',
    occurredAt: now,
    gateId: booking.gate_id,
    tripId: booking.trip_id,
    direction: booking.direction,
    payload: { enterpriseId: booking.enterprise_id, date: booking.day, hour: booking.hour, bookingId: booking.id, reason },
  });
}
