import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database';
import { localParts } from '../gates/calendar';
import { loadCounters, loadPlans } from './capacity-config';

// CONTRACT used by yards (call-forward) and operations (board): keep these signatures.
// Figures come from the capacity model: the gate's day capacity, spread over its open hours,
// with the hours and dates the gate authority pinned (capacity-plan.ts).

type Executor = Kysely<Database> | Transaction<Database>;

/** Capacity is agreed per crossing direction: out of Vietnam (export) or into it (import). */
export type CrossingDirection = 'export' | 'import';

/** Which crossing capacity a trip uses, from its declared direction. */
export function crossingDirectionOf(tripDirection: string | null): CrossingDirection {
  return tripDirection === 'export' ? 'export' : 'import';
}

export interface CapacityAt {
  gateId: string;
  direction: CrossingDirection;
  /** The gate's local date and hour (0–23) the figures are for. */
  date: string;
  hour: number;
  /** Whether the gate is open at that instant (calendar, special days). */
  open: boolean;
  perDay: number;
  perHour: number;
  /** The special day in force (closed, extended_hours, fruit_only…), if any. */
  specialKind: string | null;
}

/** Crossing capacity agreed with the other side for a gate and direction at an instant. */
export async function capacityAt(db: Executor, gateId: string, direction: CrossingDirection, at: Date): Promise<CapacityAt> {
  const zone = await db.selectFrom('gates').select('time_zone').where('id', '=', gateId).executeTakeFirst();
  if (!zone) throw new Error(`unknown gate ${gateId}`);
  const { date, time } = localParts(at, zone.time_zone);
  const loaded = (await loadPlans(db, gateId, direction, date, 1))!;
  const plan = loaded.plans[0];
  const hour = Number(time.slice(0, 2));
  const slot = plan.hours.find((h) => h.hour === hour);
  return {
    gateId,
    direction,
    date,
    hour,
    open: !!slot && slot.from <= time && time < slot.to,
    perDay: plan.perDay,
    perHour: slot?.capacity ?? 0,
    specialKind: plan.specialKind,
  };
}

export interface DayBookings {
  date: string;
  direction: CrossingDirection;
  capacity: number;
  booked: number;
}

/** Bookings against capacity for the coming days (the board's "next days" panel). */
export async function bookingsOverview(db: Executor, gateId: string, fromDate: string, days: number): Promise<DayBookings[]> {
  const out: DayBookings[] = [];
  for (const direction of ['export', 'import'] as const) {
    const loaded = await loadPlans(db, gateId, direction, fromDate, days);
    if (!loaded) throw new Error(`unknown gate ${gateId}`);
    const counters = await loadCounters(db, gateId, direction, fromDate, loaded.plans[loaded.plans.length - 1].date);
    for (const plan of loaded.plans) out.push({ date: plan.date, direction, capacity: plan.perDay, booked: counters.day.get(plan.date) ?? 0 });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.direction.localeCompare(b.direction));
}
