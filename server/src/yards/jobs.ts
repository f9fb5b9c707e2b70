import type { Job } from '../platform/capability';
import type { Actor } from '../platform/actor';
import type { CrossingDirection } from '../capacity/capacity-query';
import type { AppServices } from '../platform/context';
import { callForward } from './call-forward';
import { settleTrip } from './sync-apply';

// Periodic work, safe with several server processes: each gate and direction is handled under
// its queue lock (skipped when another process holds it), each trip under its row lock.

const callForwardActor: Actor = { kind: 'system', label: 'yard-call-forward' };
const syncActor: Actor = { kind: 'system', label: 'yard-sync-retry' };

/** One pass of the call-forward over every gate and direction with trucks queued or called. */
export async function runCallForwardJob(services: Pick<AppServices, 'db' | 'now'>): Promise<number> {
  const pairs = await services.db
    .selectFrom('yard_visits')
    .select(['gate_id', 'direction'])
    .where('status', 'in', ['queued', 'called'])
    .groupBy(['gate_id', 'direction'])
    .execute();
  let called = 0;
  for (const p of pairs) {
    const now = services.now();
    const result = await services.db
      .transaction()
      .execute((tx) => callForward(tx, callForwardActor, null, p.gate_id, p.direction as CrossingDirection, now, { by: 'job', lock: 'skip' }));
    called += result?.called.length ?? 0;
  }
  return called;
}

/** Retries offline events that were waiting for an earlier step (it may have been recorded online since). */
export async function runSyncRetryJob(services: Pick<AppServices, 'db' | 'now'>): Promise<void> {
  const trips = await services.db
    .selectFrom('yard_sync_events')
    .select('trip_id')
    .distinct()
    .where('status', '=', 'conflict')
    .where('conflict_reason', '=', 'not_allowed_now')
    .where('trip_id', 'is not', null)
    .limit(200)
    .execute();
  for (const t of trips) {
    await services.db.transaction().execute((tx) => settleTrip(tx, syncActor, t.trip_id!, services.now(), 'skip'));
  }
}

export const yardJobs: Job[] = [
  { name: 'yards.call-forward', everyMs: 5_000, run: async (s) => void (await runCallForwardJob(s)) },
  { name: 'yards.sync-retry', everyMs: 30_000, run: runSyncRetryJob },
];
