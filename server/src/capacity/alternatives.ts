import type { Alternative } from '../../../shared/schemas/capacity';
import { localParts } from '../gates/calendar';
import { toMinutes } from './capacity-plan';
import { availabilityOf, datesFrom, loadCounters, loadOverrides, planFor, type Executor, type GateCapacityContext } from './capacity-config';
import { bookingRules } from './rules';

// The nearest windows with room, offered when the requested one is full: first on the same day
// (closest to the requested start), then the same time of day on the following days.

export async function findAlternatives(
  db: Executor,
  ctx: GateCapacityContext,
  request: { date: string; window: { from: string; to: string }; fruitLoad: boolean },
  now: Date,
): Promise<Alternative[]> {
  const rules = bookingRules().alternatives;
  const dates = datesFrom(request.date, rules.daysAhead + 1);
  const last = dates[dates.length - 1];
  const overrides = await loadOverrides(db, ctx.gate.id, ctx.direction, request.date, last);
  const counters = await loadCounters(db, ctx.gate.id, ctx.direction, request.date, last);
  const local = localParts(now, ctx.gate.time_zone);
  const start = toMinutes(request.window.from);
  const out: Alternative[] = [];
  for (const date of dates) {
    if (out.length >= rules.max || date < local.date) continue;
    const day = availabilityOf(planFor(ctx, date, overrides.get(date) ?? null), counters, overrides.has(date));
    if (day.fruitOnly && !request.fruitLoad) continue;
    const free = day.hours
      .filter((h) => h.free > 0 && (date > local.date || h.to > local.time))
      .sort((a, b) => Math.abs(toMinutes(a.from) - start) - Math.abs(toMinutes(b.from) - start) || a.hour - b.hour);
    const take = date === request.date ? rules.sameDay : rules.perFollowingDay;
    for (const h of free.slice(0, Math.min(take, rules.max - out.length))) out.push({ date, hour: h.hour, from: h.from, to: h.to, free: h.free });
  }
  return out;
}

/** "2027-03-03 09:00–10:00, …" for the message shown next to the window field. */
export function alternativesText(list: Alternative[]): { vi: string; en: string } {
  const text = list.map((a) => `${a.date} ${a.from}–${a.to}`).join(', ');
  return list.length > 0
    ? { vi: `Còn chỗ: ${text}.`, en: `Free: ${text}.` }
    : { vi: 'Không còn chỗ trong những ngày tới.', en: 'No room in the coming days.' };
}
