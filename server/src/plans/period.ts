import type { TaskPeriodInput } from '../../../shared/schemas/plans';
import type { ReportingCalendar } from './reference';

// Pure date logic of plans: the deadline a period implies, the occurrences of recurring tasks,
// and report periods. Dates are 'YYYY-MM-DD' calendar days in the plan's time zone.

export function isRealDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** A task repeats when it is "Thường xuyên" or "Hằng năm", or belongs to the recurring group over several years. */
export function isRecurring(group: string, period: Pick<TaskPeriodInput, 'kind'>): boolean {
  return period.kind === 'recurring' || period.kind === 'yearly' || (group === 'recurring' && period.kind === 'range');
}

/** The single deadline of a non-recurring task: the date, 31 December of the year, or the end of the range. */
export function taskDeadline(group: string, period: TaskPeriodInput): string | null {
  if (isRecurring(group, period)) return null;
  switch (period.kind) {
    case 'date':
      return period.date!;
    case 'year':
      return `${period.year}-12-31`;
    case 'range':
      return period.to!;
    default:
      return null;
  }
}

/**
 * The years recurring tasks repeat in: the plan's own stage ("Giai đoạn 2026–2030") when tasks
 * print one, else the years its dated tasks fall in. A specific task due in 2045 (a vision item)
 * does not make "Thường xuyên" tasks repeat until 2045.
 */
export function planYears(periods: TaskPeriodInput[], fallbackYear: number): { startYear: number; endYear: number } {
  const ranges = periods.filter((p) => p.kind === 'range' && p.from && p.to);
  const years: number[] = [];
  if (ranges.length > 0) {
    for (const p of ranges) years.push(Number(p.from!.slice(0, 4)), Number(p.to!.slice(0, 4)));
  } else {
    for (const p of periods) {
      if (p.kind === 'date' && p.date) years.push(Number(p.date.slice(0, 4)));
      if (p.kind === 'year' && p.year) years.push(p.year);
    }
  }
  if (years.length === 0) return { startYear: fallbackYear, endYear: fallbackYear };
  return { startYear: Math.min(...years), endYear: Math.max(...years) };
}

export interface Occurrence {
  label: string;
  from: string;
  to: string;
  due: string;
}

/** The periodic occurrences of a recurring task, each with the date its report is due. */
export function occurrencesFor(
  group: string,
  period: TaskPeriodInput,
  span: { startYear: number; endYear: number },
  calendar: ReportingCalendar,
): Occurrence[] {
  if (!isRecurring(group, period)) return [];
  const windows = period.kind === 'recurring' ? calendar.occurrences.recurring : calendar.occurrences.yearly;
  const first = period.kind === 'range' ? Number(period.from!.slice(0, 4)) : span.startYear;
  const last = period.kind === 'range' ? Number(period.to!.slice(0, 4)) : span.endYear;
  const result: Occurrence[] = [];
  for (let year = first; year <= last; year++) {
    for (const w of windows) {
      let from = `${year}-${w.from}`;
      let to = `${year}-${w.to}`;
      let due = `${year}-${w.due}`;
      // A multi-year range may start or end inside a year: clip the occurrence to it.
      if (period.kind === 'range') {
        if (from < period.from!) from = period.from!;
        if (to > period.to!) to = period.to!;
        if (due > period.to!) due = period.to!;
        if (from > to) continue;
      }
      result.push({ label: w.label ? `${year}-${w.label}` : String(year), from, to, due });
    }
  }
  return result;
}

/** The period a 6-month or annual report covers and the day it is due. */
export function reportPeriod(kind: 'six_month' | 'annual', year: number, calendar: ReportingCalendar) {
  const r = calendar.reports[kind];
  return { from: `${year}-${r.periodFrom}`, to: `${year}-${r.periodTo}`, due: `${year}-${r.due}` };
}

/** Whether a task period overlaps [from, to]; recurring periods overlap the plan's span. */
export function periodOverlaps(
  period: { kind: string; date: string | null; year: number | null; from: string | null; to: string | null },
  span: { startYear: number; endYear: number },
  from: string,
  to: string,
): boolean {
  switch (period.kind) {
    case 'date':
      return period.date! >= from && period.date! <= to;
    case 'year':
      return `${period.year}-01-01` <= to && `${period.year}-12-31` >= from;
    case 'range':
      return period.from! <= to && period.to! >= from;
    default:
      return `${span.startYear}-01-01` <= to && `${span.endYear}-12-31` >= from;
  }
}
