import { loadPeakProfile } from '../../bench/peak/day';
import { runFlow } from '../../bench/peak/flow';
import { flowSteps, prepareDay } from '../../bench/peak/run-peak';
import { withClient } from '../../bench/lib/postgres';
import { sleep } from '../../bench/lib/server';
import type { DrillLog } from './drill';
import { checkAcknowledged, checkPayments, checkTrips, queryOf } from './invariants';
import { checkQueues } from './queues';

// The peak-day load a drill breaks something under: careful clients (they resend after a network
// error or a 503 with the same Idempotency-Key), each truck going through its whole day.

export interface DrillLoad {
  day: Awaited<ReturnType<typeof prepareDay>>;
  flow: ReturnType<typeof runFlow>;
  /** Trucks whose declaration was acknowledged so far. */
  declared(): number;
  /** Requests the clients resent. */
  retries(): number;
  /** Resolves when this share of the trucks has been declared (or after five minutes). */
  untilDeclared(share: number): Promise<void>;
}

export async function startDrillLoad(baseUrl: string, databaseUrl: string, options: { trucks: number; concurrency: number; seed: number }): Promise<DrillLoad> {
  const day = await prepareDay(baseUrl, databaseUrl, loadPeakProfile(), { ...options, flowTimeoutMs: 120_000 });
  let retries = 0;
  day.ctx.retry = true;
  day.ctx.onRetry = () => retries++;
  const flow = runFlow(day.ctx, day.trips, flowSteps(), { concurrency: options.concurrency, deadlineMs: 600_000 });
  const declared = () => day.trips.filter((t) => t.acknowledged.some((a) => a.kind === 'submitted')).length;
  return {
    day,
    flow,
    declared,
    retries: () => retries,
    untilDeclared: async (share) => {
      const until = Date.now() + 300_000;
      while (declared() < options.trucks * share && Date.now() < until) await sleep(50);
    },
  };
}

/** After the drill: no answer was a 5xx other than 503 (a fault must never look like a bug). */
export function checkNoServerErrors(log: DrillLog, load: DrillLoad, label = 'no 5xx other than 503 answered during the whole drill'): void {
  const errors = load.day.recorder.errors();
  const serverErrors = Object.entries(errors).flatMap(([op, byCode]) => Object.entries(byCode).filter(([code]) => code.startsWith('5') && !code.startsWith('503')).map(([code, n]) => `${op}: ${code} ×${n}`));
  log.check(label, serverErrors.length === 0, serverErrors.join('; '));
}

/** The invariants read straight from the database: acknowledged writes, payments, trips, queues. */
export async function checkStoredInvariants(databaseUrl: string, log: DrillLog, load: DrillLoad): Promise<void> {
  await withClient(databaseUrl, async (client) => {
    const q = queryOf(client);
    await checkAcknowledged(q, load.day.trips, log);
    await checkPayments(q, log, load.day.trips);
    await checkTrips(q, log);
    await checkQueues(q, log);
  });
}
