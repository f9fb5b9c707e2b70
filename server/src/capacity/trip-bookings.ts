import type { Booking, TripBookings } from '../../../shared/schemas/capacity';
import type { RequestContext } from '../platform/context';
import { readableTrip } from '../trips/trip-scope';
import type { BookingRow } from './booking';
import { capacitySettings } from './settings';

// The crossing windows a trip booked, for whoever may read the trip (its enterprise, its
// driver, officers at its gate, leaders).

const hh = (hour: number) => String(hour).padStart(2, '0');

export function bookingView(b: BookingRow): Booking {
  return {
    id: b.id,
    tripId: b.trip_id,
    gateId: b.gate_id,
    direction: b.direction as Booking['direction'],
    date: b.day,
    hour: b.hour,
    slotFrom: `${hh(b.hour)}:00`,
    slotTo: b.hour === 23 ? '24:00' : `${hh(b.hour + 1)}:00`,
    window: { from: b.window_from.slice(0, 5), to: b.window_to.slice(0, 5) },
    status: b.status as Booking['status'],
    createdAt: b.created_at.toISOString(),
    statusAt: b.status_at.toISOString(),
    statusReason: b.status_reason,
  };
}

export async function tripBookings(ctx: RequestContext, tripId: string): Promise<TripBookings> {
  const { row } = await readableTrip(ctx.app.db, ctx.actor, tripId);
  const rows = await ctx.app.db.selectFrom('crossing_bookings').selectAll().where('trip_id', '=', row.id).orderBy('seq', 'desc').execute();
  const items = rows.map(bookingView);
  return { current: items.find((b) => b.status === 'active' || b.status === 'used') ?? null, items, noShowGraceMinutes: capacitySettings().noShowGraceMinutes };
}
