import { tripSettings } from './settings';
import { instantAt, VN_TIME_ZONE } from './time';
import type { Executor, TripRow } from './trips.repository';

// When a trip expires if nothing more happens: unpaid declarations after TRIP_UNPAID_TTL_HOURS
// (and at the latest when their window ends), paid ones when the unused pass runs out.

type Timing = Pick<TripRow, 'status' | 'created_at' | 'submitted_at' | 'planned_date' | 'window_to'>;

export function computeExpiry(t: Timing, timeZone: string): Date | null {
  const settings = tripSettings();
  const windowEnd = t.planned_date && t.window_to ? instantAt(t.planned_date, t.window_to, timeZone) : null;
  switch (t.status) {
    case 'draft':
    case 'submitted': {
      const anchor = t.status === 'submitted' && t.submitted_at ? t.submitted_at : t.created_at;
      const ttl = new Date(anchor.getTime() + settings.unpaidTtlHours * 3_600_000);
      return windowEnd && windowEnd < ttl ? windowEnd : ttl;
    }
    case 'paid':
      return windowEnd ? new Date(windowEnd.getTime() + settings.passUnusedGraceHours * 3_600_000) : null;
    default:
      return null;
  }
}

export async function gateTimeZone(db: Executor, gateId: string | null): Promise<string> {
  if (!gateId) return VN_TIME_ZONE;
  const row = await db.selectFrom('gates').select('time_zone').where('id', '=', gateId).executeTakeFirst();
  return row?.time_zone ?? VN_TIME_ZONE;
}
