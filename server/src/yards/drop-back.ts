import type { Transaction } from 'kysely';
import type { YardRules } from '../../../shared/schemas/yards';
import type { CrossingDirection } from '../capacity/capacity-query';
import type { Database } from '../db/database';
import type { Actor } from '../platform/actor';
import { emitEvent } from '../platform/events';
import { recordTripChange } from '../trips/timeline';
import { findTripRow } from '../trips/trips.repository';
import { raiseFlag } from './flags';
import { localTime, noticeDriver } from './notify-driver';
import { loadVisits } from './queue-read';
import { requeueKey } from './queue-order';
import { touchTimings } from './timings';

// The drop-back rule (reference/yards/rules.json, per gate): a called truck that has not left
// the yard by its deadline goes back to the queue behind `dropBackBehind` trucks of its lane;
// after `maxDropBacks` drop-backs it is held (not called again) and flagged for an operator.
// Applied by the call-forward under the gate's queue lock, never by hand.

export interface DroppedBack {
  tripId: string;
  reference: string;
  held: boolean;
}

export async function applyDropBacks(
  tx: Transaction<Database>,
  actor: Actor,
  gateId: string,
  direction: CrossingDirection,
  rules: YardRules,
  now: Date,
): Promise<DroppedBack[]> {
  const overdue = await tx
    .selectFrom('yard_visits')
    .select('trip_id')
    .where('gate_id', '=', gateId)
    .where('direction', '=', direction)
    .where('status', '=', 'called')
    .where('call_deadline', '<=', now)
    .orderBy('call_deadline')
    .execute();
  const out: DroppedBack[] = [];
  const { dropBackBehind, maxDropBacks, respondMinutes } = rules.rules.callForward;
  for (const { trip_id } of overdue) {
    const trip = await tx.selectFrom('trips').selectAll().where('id', '=', trip_id).forUpdate().executeTakeFirst();
    if (!trip || trip.status !== 'called') continue;
    const all = await loadVisits(tx, gateId, direction);
    const me = all.find((v) => v.tripId === trip_id);
    if (!me || me.visitStatus !== 'called') continue;
    const others = all.filter((v) => v.visitStatus === 'queued');
    const key = requeueKey(me, others, dropBackBehind, now);
    const count = me.dropBacks + 1;
    const held = count >= maxDropBacks;
    await tx.updateTable('trips').set({ status: 'checked_in', version: trip.version + 1, updated_at: now }).where('id', '=', trip_id).execute();
    await tx
      .updateTable('yard_visits')
      .set({ status: 'queued', called_at: null, call_deadline: null, queue_key: key, drop_backs: count, held, updated_at: now, version: (eb) => eb('version', '+', 1) })
      .where('trip_id', '=', trip_id)
      .execute();
    await tx.updateTable('yard_calls').set({ outcome: 'dropped_back', outcome_at: now }).where('trip_id', '=', trip_id).where('outcome', '=', 'pending').execute();
    await touchTimings(tx, { id: trip_id, gateId, direction }, { called_at: null, drop_backs: count }, now);
    const reason = `not out of the yard within ${respondMinutes} minutes of the call (drop-back ${count} of ${maxDropBacks})`;
    await recordTripChange(tx, actor, null, {
      tripId: trip_id, action: 'drop_back', from: 'called', to: 'checked_in', at: now, reason,
      details: { yardId: me.yardId, lane: me.lane, dropBacks: count, held, behind: dropBackBehind, deadline: me.callDeadline?.toISOString() ?? null },
    });
    await emitEvent(tx, { type: 'trip.dropped_back', occurredAt: now, gateId, tripId: trip_id, direction, payload: { enterpriseId: trip.enterprise_id, yardId: me.yardId, reason, held } });
    if (held) {
      await raiseFlag(tx, actor, null, {
        gateId, yardId: me.yardId, tripId: trip_id, plate: me.plate, direction, reason: 'repeated_drop_back', source: 'job', details: { dropBacks: count, maxDropBacks }, at: now,
      });
    }
    const gate = await tx.selectFrom('gates').select('time_zone').where('id', '=', gateId).executeTakeFirstOrThrow();
    await noticeDriver(
      tx,
      (await findTripRow(tx, trip_id))!,
      held ? 'held' : 'dropped_back',
      { plate: me.plate, deadline: me.callDeadline ? localTime(me.callDeadline, gate.time_zone) : null, count },
      { at: now, now, sms: true, dedupeKey: `yard:dropped_back:${trip_id}:${count}` },
    );
    out.push({ tripId: trip_id, reference: trip.reference, held });
  }
  return out;
}
