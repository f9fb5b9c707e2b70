import type { TripHooks } from '../trips/hooks';
import { noticeDriver } from './notify-driver';

// What the yards capability does when a declaration changes (see trips/hooks.ts): a trip that
// ends while in a yard (refused by clearance, checked out) leaves the queue and frees its place.
export const yardsTripHooks: TripHooks = {
  async ended({ tx, trip, now }) {
    const visit = await tx.selectFrom('yard_visits').select(['status']).where('trip_id', '=', trip.id).executeTakeFirst();
    if (!visit || (visit.status !== 'queued' && visit.status !== 'called')) return;
    await tx
      .updateTable('yard_visits')
      .set({ status: 'ended', ended_at: now, end_reason: trip.status, updated_at: now, version: (eb) => eb('version', '+', 1) })
      .where('trip_id', '=', trip.id)
      .execute();
    await tx.updateTable('yard_calls').set({ outcome: 'ended', outcome_at: now }).where('trip_id', '=', trip.id).where('outcome', '=', 'pending').execute();
    if (trip.status === 'refused') {
      await noticeDriver(tx, trip, 'refused', {}, { at: now, now, sms: true, dedupeKey: `yard:refused:${trip.id}` });
    }
  },
};
