// Pure capacity arithmetic: how a day's crossing capacity is spread over the gate's open hours.
// Hours the authority pinned (standing profile, or an override for the date) keep their value;
// the rest of the day capacity is shared by the other open hours in proportion to their open
// minutes (largest remainder, earlier hours first on ties), so the hours add up to the day.

export interface Interval {
  opens: string;
  closes: string;
}

export interface PlanInput {
  date: string;
  /** The gate's day capacity for the direction (gates.capacity_*_per_day). */
  gatePerDay: number;
  /** Opening intervals that day in local time (empty when closed). */
  intervals: Interval[];
  specialKind: string | null;
  /** Standing pinned hours {hour: capacity}. */
  profile: Record<number, number>;
  override: { perDay: number | null; hours: Record<number, number> } | null;
}

export interface HourPlan {
  hour: number;
  /** The open part of the hour, HH:MM local. */
  from: string;
  to: string;
  capacity: number;
  pinned: boolean;
}

export interface DayPlan {
  date: string;
  open: boolean;
  specialKind: string | null;
  /** Crossings the day can take: the day capacity, but never more than its hours add up to. */
  perDay: number;
  hours: HourPlan[];
}

export function toMinutes(time: string): number {
  const [h, m] = time.slice(0, 5).split(':').map(Number);
  return h * 60 + m;
}

export function toTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Open part of each local hour: [{hour, from, to, minutes}] for hours with any open minute. */
export function openHours(intervals: Interval[]): Array<{ hour: number; from: number; to: number; minutes: number }> {
  const out: Array<{ hour: number; from: number; to: number; minutes: number }> = [];
  for (let hour = 0; hour < 24; hour++) {
    const start = hour * 60;
    const end = start + 60;
    let minutes = 0;
    let from = end;
    let to = start;
    for (const i of intervals) {
      const a = Math.max(start, toMinutes(i.opens));
      const b = Math.min(end, toMinutes(i.closes));
      if (b > a) {
        minutes += b - a;
        from = Math.min(from, a);
        to = Math.max(to, b);
      }
    }
    if (minutes > 0) out.push({ hour, from, to, minutes });
  }
  return out;
}

/** Splits `total` into integer shares proportional to `weights` (largest remainder; ties to the first). */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (total <= 0 || sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((s, v) => s + v, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    shares[i]++;
    left--;
  }
  return shares;
}

export function planDay(input: PlanInput): DayPlan {
  const open = openHours(input.intervals);
  const dayCapacity = Math.max(0, input.override?.perDay ?? input.gatePerDay);
  const pinnedOf = (hour: number): number | undefined => input.override?.hours[hour] ?? input.profile[hour];
  const pinnedTotal = open.reduce((s, h) => s + (pinnedOf(h.hour) ?? 0), 0);
  const free = open.filter((h) => pinnedOf(h.hour) === undefined);
  const shares = apportion(Math.max(0, dayCapacity - pinnedTotal), free.map((h) => h.minutes));
  const shareOf = new Map(free.map((h, i) => [h.hour, shares[i]]));
  const hours = open.map((h) => {
    const pinned = pinnedOf(h.hour);
    return { hour: h.hour, from: toTime(h.from), to: toTime(h.to), capacity: pinned ?? shareOf.get(h.hour)!, pinned: pinned !== undefined };
  });
  const sum = hours.reduce((s, h) => s + h.capacity, 0);
  return { date: input.date, open: open.length > 0, specialKind: input.specialKind, perDay: Math.min(dayCapacity, sum), hours };
}

/** The hours of a plan that a declared window [from, to) overlaps, earliest first. */
export function hoursInWindow(plan: DayPlan, window: { from: string; to: string }): HourPlan[] {
  const from = toMinutes(window.from);
  const to = toMinutes(window.to);
  return plan.hours.filter((h) => toMinutes(h.from) < to && from < toMinutes(h.to));
}
