import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database';
import { dayHours, localParts } from '../gates/calendar';
import { findGateRow, loadCalendars } from '../gates/gates.repository';

// CONTRACT used by yards (call-forward) and operations (board): keep these signatures.
// The capacity helper replaces the bodies with the per-hour capacity the gate authority sets.

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
  const gate = await findGateRow(db, gateId);
  if (!gate) throw new Error(`unknown gate ${gateId}`);
  const calendar = (await loadCalendars(db, [gateId])).get(gateId)!;
  const { date, time } = localParts(at, gate.time_zone);
  const day = dayHours(calendar, date, gate.time_zone, gate.counterpart_time_zone);
  const perDay = (direction === 'export' ? gate.capacity_export_per_day : gate.capacity_import_per_day) ?? 0;
  const openMinutes = day.intervals.reduce((sum, i) => sum + minutes(i.closes) - minutes(i.opens), 0);
  const open = day.intervals.some((i) => i.opens <= time && time < i.closes);
  return {
    gateId,
    direction,
    date,
    hour: Number(time.slice(0, 2)),
    open,
    perDay,
    perHour: openMinutes > 0 ? Math.ceil((perDay * 60) / openMinutes) : 0,
    specialKind: day.special?.kind ?? null,
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
  void db;
  void gateId;
  void fromDate;
  void days;
  return [];
}

function minutes(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}
