import { localParts, offsetMinutes } from '../gates/calendar';

// Calendar days are Vietnamese days: documents expire, receipts are numbered and payments are
// reconciled by the date in Vietnam, whatever the server's own time zone.

export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export function todayIn(now: Date, timeZone = VN_TIME_ZONE): string {
  return localParts(now, timeZone).date;
}

/** The UTC instant of a local date and HH:MM (24:00 is the end of the day) in a time zone. */
export function instantAt(date: string, time: string, timeZone: string): Date {
  const [h, m] = time.slice(0, 5).split(':').map(Number);
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  return new Date(utcMidnight + (h * 60 + m - offsetMinutes(timeZone, date)) * 60_000);
}

/** The UTC bounds [from, to) of a local calendar day. */
export function dayBounds(date: string, timeZone: string): { from: Date; to: Date } {
  return { from: instantAt(date, '00:00', timeZone), to: instantAt(date, '24:00', timeZone) };
}
