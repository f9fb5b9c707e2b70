import type { Transaction } from 'kysely';
import type { ControlStatus } from '../../../shared/schemas/clearance';
import type { ClearanceStatus } from '../../../shared/workflows/trip';
import type { Database } from '../db/database';
import type { Actor } from '../platform/actor';
import { recordTripChange } from '../trips/timeline';
import { findTripRow } from '../trips/trips.repository';
import { bumpEnterprise } from './counters';
import { emitClearance } from './control-log';
import { driverInstructions } from './driver-instructions';
import { notifyTripParties } from './notify';

// trips.clearance_status is the clearance of the whole trip, written only here: cleared when
// every required control has passed (or was waived), refused when one was refused, held while
// one waits for documents or an inspection, pending otherwise. The queue reads it.

export function clearanceOf(statuses: ControlStatus[]): ClearanceStatus {
  const active = statuses.filter((s) => s !== 'closed');
  if (active.length === 0) return 'pending';
  if (active.includes('refused')) return 'refused';
  if (active.every((s) => s === 'passed' || s === 'waived')) return 'cleared';
  if (active.some((s) => s === 'documents_requested' || s === 'inspection')) return 'held';
  return 'pending';
}

const TITLES: Partial<Record<ClearanceStatus, { vi: string; en: string; zh: string }>> = {
  cleared: { vi: 'Đã thông quan', en: 'Cleared', zh: '已通关' },
  refused: { vi: 'Bị từ chối thông quan', en: 'Clearance refused', zh: '通关被拒' },
};

/** Recomputes the trip's clearance from its controls; records, announces and notifies a change. The trip row must be locked. */
export async function refreshClearance(tx: Transaction<Database>, actor: Actor, requestId: string | null, tripId: string, now: Date): Promise<ClearanceStatus> {
  const trip = (await findTripRow(tx, tripId))!;
  const controls = await tx.selectFrom('clearance_controls').select('status').where('trip_id', '=', tripId).execute();
  const next = clearanceOf(controls.map((c) => c.status as ControlStatus));
  const previous = trip.clearance_status as ClearanceStatus;
  if (next === previous) return next;
  await tx.updateTable('trips').set({ clearance_status: next }).where('id', '=', tripId).execute();
  await recordTripChange(tx, actor, requestId, {
    tripId,
    action: `clearance_${next}`,
    from: trip.status,
    to: trip.status,
    at: now,
    details: { clearanceFrom: previous, clearanceTo: next },
    before: { clearanceStatus: previous },
    after: { clearanceStatus: next },
  });
  const eventId = await emitClearance(tx, trip, `clearance.${next}`, now, { previous });
  // Counted once per trip, whatever amendments do later (the compliance history).
  if (next === 'cleared' || next === 'refused') {
    const column = next === 'cleared' ? 'cleared_at' : 'refused_at';
    const first = await tx.updateTable('clearance_trips').set({ [column]: now }).where('trip_id', '=', tripId).where(column, 'is', null).returning('trip_id').executeTakeFirst();
    if (first) await bumpEnterprise(tx, trip.enterprise_id, next === 'cleared' ? 'cleared' : 'refusals', now);
  }
  const title = TITLES[next];
  if (title) {
    const said = (await driverInstructions(tx, tripId)).filter((i) => i.kind === next);
    const body = {
      vi: `${trip.reference}: ${said.map((i) => i.vi).join(' ')}`,
      en: `${trip.reference}: ${said.map((i) => i.en).join(' ')}`,
      zh: `${trip.reference}: ${said.map((i) => i.zh).join(' ')}`,
    };
    await notifyTripParties(tx, trip, { kind: `clearance.${next}`, title, body, dedupeKey: `clearance:${tripId}:${eventId}` }, now);
  }
  return next;
}
