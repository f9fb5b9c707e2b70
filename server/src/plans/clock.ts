import { localParts, offsetMinutes } from '../gates/calendar';
import { reportingCalendar } from './reference';

/** Today's calendar day where the plans are carried out (deadlines are calendar days there). */
export function planToday(now: Date): string {
  return localParts(now, reportingCalendar().timeZone).date;
}

export function planYear(now: Date): number {
  return Number(planToday(now).slice(0, 4));
}

/** The instant a calendar day begins where the plans are carried out. */
export function dayStart(date: string): Date {
  const tz = reportingCalendar().timeZone;
  return new Date(Date.parse(`${date}T00:00:00Z`) - offsetMinutes(tz, date) * 60_000);
}
