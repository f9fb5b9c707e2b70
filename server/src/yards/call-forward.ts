import type { Transaction } from 'kysely';
import type { CallNextResponse } from '../../../shared/schemas/yards';
import type { CrossingDirection } from '../capacity/capacity-query';
import type { Database } from '../db/database';
import type { Actor } from '../platform/actor';
import { callTruck } from './call';
import { planCalls } from './call-plan';
import { applyDropBacks } from './drop-back';
import { capacityNow, gateQueue } from './queue-read';
import { rulesFor } from './rules';

// One call-forward run for a gate and direction: drop back the called trucks past their deadline,
// then call the next eligible trucks in queue order within the free capacity. The whole run holds
// the row lock of (gate, direction) in yard_queue_locks, so runs in several server processes (the
// job, an operator's "call next") are serialised: capacity is counted and used by one at a time
// and the same truck is never called twice (a partial unique index on pending calls backs it up).

export interface CallForwardOptions {
  by: 'job' | 'operator';
  count?: number;
  /** skip: give up when another run holds the lock (the job); wait: queue behind it (an operator). */
  lock: 'skip' | 'wait';
}

export async function callForward(
  tx: Transaction<Database>,
  actor: Actor,
  requestId: string | null,
  gateId: string,
  direction: CrossingDirection,
  now: Date,
  options: CallForwardOptions,
): Promise<CallNextResponse | null> {
  await tx.insertInto('yard_queue_locks').values({ gate_id: gateId, direction, last_run_at: null }).onConflict((oc) => oc.columns(['gate_id', 'direction']).doNothing()).execute();
  const lockQuery = tx.selectFrom('yard_queue_locks').select('gate_id').where('gate_id', '=', gateId).where('direction', '=', direction).forUpdate();
  const locked = await (options.lock === 'skip' ? lockQuery.skipLocked() : lockQuery).executeTakeFirst();
  if (!locked) return null;

  const rules = await rulesFor(tx, gateId);
  const droppedBack = await applyDropBacks(tx, actor, gateId, direction, rules, now);
  const capacity = await capacityNow(tx, gateId, direction, now, rules);
  const queue = await gateQueue(tx, gateId, direction, now);
  const plan = planCalls(
    queue.queued.map((q) => ({ cleared: q.clearanceStatus === 'cleared', held: q.held })),
    capacity,
    options.count,
  );
  const called: CallNextResponse['called'] = [];
  for (const index of plan.picks) {
    const entry = queue.queued[index];
    // Clearance may have changed since the queue was read: re-check on the locked trip.
    const trip = await tx.selectFrom('trips').selectAll().where('id', '=', entry.tripId).forUpdate().executeTakeFirst();
    if (!trip || trip.status !== 'checked_in' || trip.clearance_status !== 'cleared') continue;
    const { deadline } = await callTruck(
      tx,
      actor,
      requestId,
      {
        trip,
        visit: { yard_id: entry.yardId, lane: entry.lane, plate: entry.plate, direction },
        at: now,
        respondMinutes: rules.rules.callForward.respondMinutes,
        calledBy: options.by,
      },
      now,
    );
    called.push({ tripId: trip.id, reference: trip.reference, plate: entry.plate, lane: entry.lane, yardId: entry.yardId, calledAt: now.toISOString(), deadlineAt: deadline.toISOString() });
  }
  await tx.updateTable('yard_queue_locks').set({ last_run_at: now }).where('gate_id', '=', gateId).where('direction', '=', direction).execute();
  const after = await capacityNow(tx, gateId, direction, now, rules);
  return { called, droppedBack, stoppedBecause: plan.stoppedBecause, skipped: plan.skipped, capacity: after };
}
