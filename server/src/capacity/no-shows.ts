import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { notifyUsers } from '../notifications/notify';
import type { Actor } from '../platform/actor';
import { recordTripChange } from '../trips/timeline';
import { endBooking } from './booking';
import { capacitySettings } from './settings';

// The booking job. A booking whose truck has arrived (the trip moved past paid) becomes used; a
// booking still active a grace period after its window ended, while the trip is still paid (the
// truck never came), is a no-show: its capacity goes back to the pool, the trip's timeline says
// so and the enterprise is told. Safe with several server processes: each trip is claimed with
// SKIP LOCKED (trip first, then booking, then counters: the order every writer uses).

const jobActor: Actor = { kind: 'system', label: 'capacity-no-show' };
const ARRIVED = ['checked_in', 'called', 'left_yard', 'crossed', 'completed'];

/** Active bookings of trips whose truck has arrived become used. Returns how many. */
export async function markUsedBookings(db: Kysely<Database>, now: Date): Promise<number> {
  const rows = await db
    .updateTable('crossing_bookings')
    .set({ status: 'used', status_at: now, status_reason: 'truck arrived' })
    .where('status', '=', 'active')
    .where('trip_id', 'in', (qb) => qb.selectFrom('trips').select('id').where('status', 'in', ARRIVED))
    .returning('id')
    .execute();
  return rows.length;
}

export async function releaseNoShows(db: Kysely<Database>, now: Date, graceMinutes = capacitySettings().noShowGraceMinutes): Promise<number> {
  const cutoff = new Date(now.getTime() - graceMinutes * 60_000);
  const due = await db
    .selectFrom('crossing_bookings')
    .innerJoin('trips', 'trips.id', 'crossing_bookings.trip_id')
    .select(['crossing_bookings.id', 'crossing_bookings.trip_id'])
    .where('crossing_bookings.status', '=', 'active')
    .where('crossing_bookings.window_end_at', '<=', cutoff)
    .where('trips.status', '=', 'paid')
    .orderBy('crossing_bookings.window_end_at')
    .limit(500)
    .execute();
  let released = 0;
  for (const { id, trip_id } of due) {
    const done = await db.transaction().execute(async (tx) => {
      const trip = await tx.selectFrom('trips').select(['id', 'status', 'reference', 'enterprise_id']).where('id', '=', trip_id).forUpdate().skipLocked().executeTakeFirst();
      if (!trip || trip.status !== 'paid') return false;
      const booking = await tx.selectFrom('crossing_bookings').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!booking || booking.status !== 'active' || booking.window_end_at > cutoff) return false;
      await endBooking(tx, booking, 'no_show', `no arrival ${graceMinutes} min after the window ended`, now);
      const slot = `${booking.day} ${booking.window_from.slice(0, 5)}–${booking.window_to.slice(0, 5)}`;
      await recordTripChange(tx, jobActor, null, {
        tripId: trip.id,
        action: 'booking_no_show',
        from: trip.status,
        to: trip.status,
        at: now,
        reason: `no-show: not checked in ${graceMinutes} min after the crossing window ended`,
        details: { bookingId: booking.id, gateId: booking.gate_id, date: booking.day, hour: booking.hour, window: { from: booking.window_from.slice(0, 5), to: booking.window_to.slice(0, 5) } },
      });
      const users = await tx.selectFrom('users').select('id').where('enterprise_id', '=', trip.enterprise_id).where('role', '=', 'enterprise').where('active', '=', true).execute();
      await notifyUsers(
        tx,
        users.map((u) => u.id),
        {
          kind: 'booking_no_show',
          titleVi: `Chuyến ${trip.reference}: không đến đúng khung giờ đã đặt`,
          titleEn: `Trip ${trip.reference}: missed its booked crossing window`,
          bodyVi: `Xe không vào bãi trong khung giờ ${slot} (thêm ${graceMinutes} phút). Chỗ qua cửa khẩu đã được trả lại; hãy sửa tờ khai để đặt khung giờ mới.`,
          bodyEn: `The truck did not check in during ${slot} (plus ${graceMinutes} min). The crossing slot was released; amend the declaration to book a new window.`,
          link: `/trips/${trip.id}`,
          entityType: 'trip',
          entityId: trip.id,
          dedupeKey: `booking-no-show:${booking.id}`,
        },
        { channels: ['in_app', 'email'], now },
      );
      return true;
    });
    if (done) released++;
  }
  return released;
}

/** One run of the job. */
export async function runBookingJob(db: Kysely<Database>, now: Date): Promise<{ used: number; noShows: number }> {
  const used = await markUsedBookings(db, now);
  const noShows = await releaseNoShows(db, now);
  return { used, noShows };
}
