import { sql, type Selectable, type Transaction } from 'kysely';
import type { Database } from '../db/database';
import { addDays, localParts } from '../gates/calendar';
import { AppError } from '../platform/errors';
import { gateTimeZone } from '../trips/expiry';
import { instantAt } from '../trips/time';
import type { TripRow } from '../trips/trips.repository';

// Assigning a physical inspection: the earliest slot, from the truck's planned window (or now if
// later), in a bay of the gate that serves the agency and still has room in that slot; between
// bays free at the same time, the one with the lightest day. Locking the gate's bays serialises
// assignments, so two officers never fill the last place of a slot twice.

type Bay = Selectable<Database['clearance_inspection_bays']>;
export type InspectionRow = Selectable<Database['clearance_inspections']>;

const HORIZON_DAYS = 7;
const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

interface Candidate {
  bay: Bay;
  start: Date;
  end: Date;
  dayLoad: number;
}

export function chooseSlot(bays: Bay[], booked: Map<string, number>, from: Date, timeZone: string): Candidate | null {
  const firstDay = localParts(from, timeZone).date;
  const dayLoad = (bayId: string, date: string) => {
    let n = 0;
    for (const [k, count] of booked) if (k.startsWith(`${bayId}|${date}|`)) n += count;
    return n;
  };
  for (let d = 0; d <= HORIZON_DAYS; d++) {
    const date = addDays(firstDay, d);
    let best: Candidate | null = null;
    for (const bay of bays) {
      const load = dayLoad(bay.id, date);
      for (let m = minutes(bay.opens); m + bay.slot_minutes <= minutes(bay.closes); m += bay.slot_minutes) {
        const start = instantAt(date, hhmm(m), timeZone);
        if (start < from) continue;
        if ((booked.get(`${bay.id}|${date}|${start.toISOString()}`) ?? 0) >= bay.trucks_per_slot) continue;
        const better = !best || start < best.start || (start.getTime() === best.start.getTime() && (load < best.dayLoad || (load === best.dayLoad && bay.id < best.bay.id)));
        if (better) best = { bay, start, end: new Date(start.getTime() + bay.slot_minutes * 60_000), dayLoad: load };
        break; // later slots of this bay on this day cannot be earlier
      }
    }
    if (best) return best;
  }
  return null;
}

export async function assignInspection(
  tx: Transaction<Database>,
  trip: TripRow,
  control: { id: string; agency: string },
  bayId: string | undefined,
  now: Date,
): Promise<InspectionRow> {
  const gateId = trip.gate_id!;
  let query = tx.selectFrom('clearance_inspection_bays').selectAll().where('gate_id', '=', gateId).where('active', '=', true).where(sql<boolean>`${control.agency} = any(agencies)`);
  if (bayId) query = query.where('id', '=', bayId);
  const bays = await query.orderBy('id').forUpdate().execute();
  if (bayId && bays.length === 0) throw new AppError('clearance.bay_unknown', { bayId });
  if (bays.length === 0) throw new AppError('clearance.no_inspection_slot');
  const timeZone = await gateTimeZone(tx, gateId);
  const windowStart = trip.planned_date && trip.window_from ? instantAt(trip.planned_date, trip.window_from, timeZone) : now;
  const from = windowStart > now ? windowStart : now;
  const dayStart = instantAt(localParts(from, timeZone).date, '00:00', timeZone);
  const rows = await tx
    .selectFrom('clearance_inspections')
    .select(['bay_id', 'slot_start', (eb) => eb.fn.countAll<number>().as('n')])
    .where('bay_id', 'in', bays.map((b) => b.id))
    .where('status', '=', 'scheduled')
    .where('slot_start', '>=', dayStart)
    .where('slot_start', '<', new Date(dayStart.getTime() + (HORIZON_DAYS + 2) * 86_400_000))
    .groupBy(['bay_id', 'slot_start'])
    .execute();
  const booked = new Map(rows.map((r) => [`${r.bay_id}|${localParts(r.slot_start, timeZone).date}|${r.slot_start.toISOString()}`, Number(r.n)]));
  const slot = chooseSlot(bays, booked, from, timeZone);
  if (!slot) throw new AppError('clearance.no_inspection_slot');
  return tx
    .insertInto('clearance_inspections')
    .values({ control_id: control.id, trip_id: trip.id, agency: control.agency, bay_id: slot.bay.id, slot_start: slot.start, slot_end: slot.end, created_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
}
