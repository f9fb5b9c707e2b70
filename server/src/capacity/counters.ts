import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/database';
import type { CrossingDirection } from './capacity-query';

// Counter rows and the only ways they change. Concurrency rules, so bookings never exceed
// capacity and never deadlock:
//  - a slot (hour) row is only touched while its day row is locked by the same transaction;
//  - a transaction locks all the day rows it needs first, in one sorted order (lockDays);
//  - an increment is a conditional UPDATE (booked < capacity in force), never read-then-write;
//    the CHECK (booked <= capacity) catches any path that forgets it.

type Tx = Transaction<Database>;

export interface DayKey {
  gateId: string;
  direction: CrossingDirection;
  date: string;
}

const keyOf = (k: DayKey) => `${k.gateId}|${k.direction}|${k.date}`;

/**
 * Creates missing day rows and locks all of them, in a stable order. A new row starts with no
 * room; the first booking sets the limit in force (takeDay).
 */
export async function lockDays(tx: Tx, keys: DayKey[]): Promise<void> {
  const unique = [...new Map(keys.map((k) => [keyOf(k), k])).values()].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  for (const k of unique) {
    await tx
      .insertInto('capacity_day_counters')
      .values({ gate_id: k.gateId, direction: k.direction, day: k.date, capacity: 0, booked: 0 })
      .onConflict((oc) => oc.columns(['gate_id', 'direction', 'day']).doNothing())
      .execute();
    await tx
      .selectFrom('capacity_day_counters')
      .select('booked')
      .where('gate_id', '=', k.gateId)
      .where('direction', '=', k.direction)
      .where('day', '=', k.date)
      .forUpdate()
      .executeTakeFirstOrThrow();
  }
}

/** Takes one unit of the day if the capacity in force leaves room; refreshes the stored limit. */
export async function takeDay(tx: Tx, k: DayKey, capacity: number): Promise<boolean> {
  const row = await tx
    .updateTable('capacity_day_counters')
    .set({ booked: sql`booked + 1`, capacity })
    .where('gate_id', '=', k.gateId)
    .where('direction', '=', k.direction)
    .where('day', '=', k.date)
    .where('booked', '<', capacity)
    .returning('booked')
    .executeTakeFirst();
  return row !== undefined;
}

/** Takes one unit of an hour (its day row must be locked by this transaction). */
export async function takeSlot(tx: Tx, k: DayKey, hour: number, capacity: number): Promise<boolean> {
  await tx
    .insertInto('capacity_slot_counters')
    .values({ gate_id: k.gateId, direction: k.direction, day: k.date, hour, capacity, booked: 0 })
    .onConflict((oc) => oc.columns(['gate_id', 'direction', 'day', 'hour']).doNothing())
    .execute();
  const row = await tx
    .updateTable('capacity_slot_counters')
    .set({ booked: sql`booked + 1`, capacity })
    .where('gate_id', '=', k.gateId)
    .where('direction', '=', k.direction)
    .where('day', '=', k.date)
    .where('hour', '=', hour)
    .where('booked', '<', capacity)
    .returning('booked')
    .executeTakeFirst();
  return row !== undefined;
}

/** Gives back one unit of a day and one of its hours (day row locked first). */
export async function giveBack(tx: Tx, k: DayKey, hour: number): Promise<void> {
  const day = await tx
    .updateTable('capacity_day_counters')
    .set({ booked: sql`booked - 1` })
    .where('gate_id', '=', k.gateId)
    .where('direction', '=', k.direction)
    .where('day', '=', k.date)
    .where('booked', '>', 0)
    .returning('booked')
    .executeTakeFirst();
  const slot = await tx
    .updateTable('capacity_slot_counters')
    .set({ booked: sql`booked - 1` })
    .where('gate_id', '=', k.gateId)
    .where('direction', '=', k.direction)
    .where('day', '=', k.date)
    .where('hour', '=', hour)
    .where('booked', '>', 0)
    .returning('booked')
    .executeTakeFirst();
  // A booking always holds one unit of both; anything else is a bug worth stopping for.
  if (!day || !slot) throw new Error(`capacity counters out of step for ${keyOf(k)} hour ${hour}`);
}

/**
 * After the authority changed capacity: stored limits follow the new plan, but never drop
 * below what is booked (existing bookings stay; the slot just takes no more).
 */
export async function refreshLimits(tx: Tx, k: DayKey, perDay: number, hours: Map<number, number>): Promise<void> {
  await tx
    .updateTable('capacity_day_counters')
    .set({ capacity: sql`greatest(${perDay}::int, booked)` })
    .where('gate_id', '=', k.gateId)
    .where('direction', '=', k.direction)
    .where('day', '=', k.date)
    .execute();
  const slots = await tx
    .selectFrom('capacity_slot_counters')
    .select('hour')
    .where('gate_id', '=', k.gateId)
    .where('direction', '=', k.direction)
    .where('day', '=', k.date)
    .execute();
  for (const { hour } of slots) {
    await tx
      .updateTable('capacity_slot_counters')
      .set({ capacity: sql`greatest(${hours.get(hour) ?? 0}::int, booked)` })
      .where('gate_id', '=', k.gateId)
      .where('direction', '=', k.direction)
      .where('day', '=', k.date)
      .where('hour', '=', hour)
      .execute();
  }
}
