import type { DayHours, SpecialDay, WeeklyHours } from '../../../shared/schemas/gates';

// Pure operating-calendar logic. Hours are kept in the gate's local time because that is how
// they are agreed and published; the counterpart's view is derived, never stored.

export interface Calendar {
  weeklyHours: WeeklyHours[];
  specialDays: SpecialDay[];
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = dateFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    });
    dateFormatters.set(timeZone, f);
  }
  return f;
}

/** The calendar date and HH:MM wall time of an instant in a time zone. */
export function localParts(instant: Date, timeZone: string): { date: string; time: string } {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a YYYY-MM-DD date. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Offset from UTC in minutes of a time zone at noon on a date (gates close at night, so noon is safe). */
export function offsetMinutes(timeZone: string, date: string): number {
  const noonUtc = new Date(`${date}T12:00:00Z`);
  const local = localParts(noonUtc, timeZone);
  const [h, m] = local.time.split(':').map(Number);
  const dayShift = local.date === date ? 0 : local.date > date ? 1 : -1;
  return (h - 12 + dayShift * 24) * 60 + m;
}

export function normaliseTime(value: string): string {
  return value.slice(0, 5);
}

function shift(time: string, minutes: number): string {
  const [h, m] = time.split(':').map(Number);
  const total = (((h * 60 + m + minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

export function dayHours(calendar: Calendar, date: string, timeZone: string, counterpartTimeZone: string): DayHours {
  const special = calendar.specialDays.find((d) => d.date === date) ?? null;
  let intervals: Array<{ opens: string; closes: string }>;
  if (special?.kind === 'closed') intervals = [];
  else if ((special?.kind === 'special_hours' || special?.kind === 'extended_hours') && special.opens && special.closes) {
    intervals = [{ opens: special.opens, closes: special.closes }];
  } else {
    const weekday = isoWeekday(date);
    intervals = calendar.weeklyHours
      .filter((h) => h.weekday === weekday)
      .map((h) => ({ opens: h.opens, closes: h.closes }))
      .sort((a, b) => a.opens.localeCompare(b.opens));
  }
  const delta = offsetMinutes(counterpartTimeZone, date) - offsetMinutes(timeZone, date);
  return {
    date,
    open: intervals.length > 0,
    intervals,
    special,
    counterpartIntervals: intervals.map((i) => ({ opens: shift(i.opens, delta), closes: shift(i.closes, delta) })),
  };
}

/** Whether the gate is open at an instant (its local date and time). */
export function isOpenAt(calendar: Calendar, instant: Date, timeZone: string): boolean {
  const { date, time } = localParts(instant, timeZone);
  return dayHours(calendar, date, timeZone, timeZone).intervals.some((i) => i.opens <= time && time < i.closes);
}

/** Problems a calendar has that a schema cannot express; empty when it is valid. */
export function calendarProblems(calendar: Calendar): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = [];
  calendar.weeklyHours.forEach((h, i) => {
    if (h.opens >= h.closes) problems.push({ path: `/weeklyHours/${i}`, message: 'opens must be before closes' });
  });
  for (let day = 1; day <= 7; day++) {
    const list = calendar.weeklyHours.filter((h) => h.weekday === day).sort((a, b) => a.opens.localeCompare(b.opens));
    for (let i = 1; i < list.length; i++) {
      if (list[i].opens < list[i - 1].closes) problems.push({ path: '/weeklyHours', message: `intervals overlap on weekday ${day}` });
    }
  }
  const seen = new Set<string>();
  calendar.specialDays.forEach((d, i) => {
    if (seen.has(d.date)) problems.push({ path: `/specialDays/${i}`, message: `date ${d.date} appears twice` });
    seen.add(d.date);
    const needsHours = d.kind === 'special_hours' || d.kind === 'extended_hours';
    if (needsHours && (!d.opens || !d.closes || d.opens >= d.closes)) {
      problems.push({ path: `/specialDays/${i}`, message: `${d.kind} needs opens before closes` });
    }
    if (!needsHours && (d.opens || d.closes)) {
      problems.push({ path: `/specialDays/${i}`, message: `${d.kind} takes no hours` });
    }
    if (Number.isNaN(new Date(`${d.date}T00:00:00Z`).getTime())) problems.push({ path: `/specialDays/${i}/date`, message: 'not a real date' });
  });
  return problems;
}
