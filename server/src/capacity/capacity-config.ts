import type { Kysely, Transaction } from 'kysely';
import type { DayAvailability } from '../../../shared/schemas/capacity';
import type { Database } from '../db/database';
import { addDays, dayHours, type Calendar } from '../gates/calendar';
import { findGateRow, loadCalendars, type GateRow } from '../gates/gates.repository';
import { planDay, type DayPlan } from './capacity-plan';
import type { HourMap } from './capacity.tables';
import type { CrossingDirection } from './capacity-query';

// Reads what a day's capacity depends on (gate day capacity, calendar, profile, date override)
// and turns it into plans, and plans plus counters into availability.

export type Executor = Kysely<Database> | Transaction<Database>;

export interface GateCapacityContext {
  gate: GateRow;
  calendar: Calendar;
  direction: CrossingDirection;
  profile: Record<number, number>;
}

export function hourRecord(map: HourMap | null | undefined): Record<number, number> {
  const out: Record<number, number> = {};
  for (const [k, v] of Object.entries(map ?? {})) out[Number(k)] = Number(v);
  return out;
}

export async function gateCapacityContext(db: Executor, gateId: string, direction: CrossingDirection): Promise<GateCapacityContext | null> {
  const gate = await findGateRow(db, gateId);
  if (!gate) return null;
  const calendar = (await loadCalendars(db, [gateId])).get(gateId)!;
  const profile = await db.selectFrom('capacity_profiles').select('hours').where('gate_id', '=', gateId).where('direction', '=', direction).executeTakeFirst();
  return { gate, calendar, direction, profile: hourRecord(profile?.hours) };
}

export async function loadOverrides(db: Executor, gateId: string, direction: CrossingDirection, from: string, to: string) {
  const rows = await db
    .selectFrom('capacity_date_overrides')
    .select(['day', 'per_day', 'hours'])
    .where('gate_id', '=', gateId)
    .where('direction', '=', direction)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .execute();
  return new Map(rows.map((r) => [r.day, { perDay: r.per_day, hours: hourRecord(r.hours) }]));
}

export function planFor(ctx: GateCapacityContext, date: string, override: { perDay: number | null; hours: Record<number, number> } | null): DayPlan {
  const day = dayHours(ctx.calendar, date, ctx.gate.time_zone, ctx.gate.counterpart_time_zone);
  const gatePerDay = ctx.direction === 'export' ? ctx.gate.capacity_export_per_day : ctx.gate.capacity_import_per_day;
  return planDay({ date, gatePerDay, intervals: day.intervals, specialKind: day.special?.kind ?? null, profile: ctx.profile, override });
}

export function datesFrom(from: string, days: number): string[] {
  return Array.from({ length: days }, (_, i) => addDays(from, i));
}

/** Plans for `days` consecutive dates; null when the gate does not exist. */
export async function loadPlans(db: Executor, gateId: string, direction: CrossingDirection, from: string, days: number) {
  const ctx = await gateCapacityContext(db, gateId, direction);
  if (!ctx) return null;
  const dates = datesFrom(from, days);
  const overrides = await loadOverrides(db, gateId, direction, dates[0], dates[dates.length - 1]);
  return { ctx, overrides, plans: dates.map((d) => planFor(ctx, d, overrides.get(d) ?? null)) };
}

/** Booked counts per date (day) and per date and hour (slots). */
export async function loadCounters(db: Executor, gateId: string, direction: CrossingDirection, from: string, to: string) {
  const [days, slots] = await Promise.all([
    db.selectFrom('capacity_day_counters').select(['day', 'booked']).where('gate_id', '=', gateId).where('direction', '=', direction).where('day', '>=', from).where('day', '<=', to).execute(),
    db
      .selectFrom('capacity_slot_counters')
      .select(['day', 'hour', 'booked'])
      .where('gate_id', '=', gateId)
      .where('direction', '=', direction)
      .where('day', '>=', from)
      .where('day', '<=', to)
      .execute(),
  ]);
  return {
    day: new Map(days.map((d) => [d.day, d.booked])),
    slot: new Map(slots.map((s) => [`${s.day}/${s.hour}`, s.booked])),
  };
}

/** What is still free, day by day and hour by hour, under the capacity in force now. */
export async function loadAvailability(db: Executor, gateId: string, direction: CrossingDirection, from: string, days: number): Promise<{ ctx: GateCapacityContext; days: DayAvailability[] } | null> {
  const loaded = await loadPlans(db, gateId, direction, from, days);
  if (!loaded) return null;
  const last = loaded.plans[loaded.plans.length - 1].date;
  const counters = await loadCounters(db, gateId, direction, from, last);
  return { ctx: loaded.ctx, days: loaded.plans.map((plan) => availabilityOf(plan, counters, loaded.overrides.has(plan.date))) };
}

export function availabilityOf(plan: DayPlan, counters: { day: Map<string, number>; slot: Map<string, number> }, overridden: boolean): DayAvailability {
  const dayBooked = counters.day.get(plan.date) ?? 0;
  const dayFree = Math.max(0, plan.perDay - dayBooked);
  return {
    date: plan.date,
    open: plan.open,
    specialKind: plan.specialKind,
    fruitOnly: plan.specialKind === 'fruit_only',
    perDay: plan.perDay,
    booked: dayBooked,
    free: dayFree,
    overridden,
    hours: plan.hours.map((h) => {
      const booked = counters.slot.get(`${plan.date}/${h.hour}`) ?? 0;
      // An hour is never freer than its day.
      return { hour: h.hour, from: h.from, to: h.to, capacity: h.capacity, booked, free: Math.min(dayFree, Math.max(0, h.capacity - booked)), pinned: h.pinned };
    }),
  };
}
