import type { Eta, YardRules } from '../../../shared/schemas/yards';
import { capacityAt, type CrossingDirection } from '../capacity/capacity-query';
import type { Executor } from '../trips/trips.repository';
import { estimateWait, lowerConfidence } from './eta';
import { gateQueue, type QueueRow } from './queue-read';

// Position and estimate of one queued truck, from the stored queue and the gate's recent calls.

export interface Standing {
  row: QueueRow | null;
  position: number | null;
  aheadCount: number | null;
}

export async function standingOf(db: Executor, gateId: string, direction: CrossingDirection, tripId: string, now: Date): Promise<Standing> {
  const queue = await gateQueue(db, gateId, direction, now);
  const index = queue.queued.findIndex((q) => q.tripId === tripId);
  if (index >= 0) return { row: queue.queued[index], position: index + 1, aheadCount: index };
  return { row: queue.called.find((q) => q.tripId === tripId) ?? null, position: null, aheadCount: null };
}

export async function etaFor(db: Executor, gateId: string, direction: CrossingDirection, standing: Standing, rules: YardRules, now: Date): Promise<Eta | null> {
  const { eta: cfg } = rules.rules;
  const empty = (reason: Eta['reason']): Eta => ({
    minutes: reason === 'called' ? 0 : null, low: null, high: null, confidence: 'none', basis: 'none', reason, aheadCount: standing.aheadCount, sampleSize: 0, callsPerHour: null, windowHours: cfg.windowHours,
  });
  if (!standing.row) return null;
  if (standing.row.visitStatus === 'called') return empty('called');
  if (standing.row.held) return empty('held');
  const since = new Date(now.getTime() - cfg.windowHours * 3_600_000);
  const calls = await db
    .selectFrom('yard_calls')
    .select('called_at')
    .where('gate_id', '=', gateId)
    .where('direction', '=', direction)
    .where('called_at', '>=', since)
    .where('called_at', '<=', now)
    .execute();
  const cap = await capacityAt(db, gateId, direction, now);
  const eta = estimateWait({
    aheadCount: standing.aheadCount ?? 0,
    callTimes: calls.map((c) => c.called_at),
    windowHours: cfg.windowHours,
    perHour: cap.perHour,
    minSamplesMedium: cfg.minSamplesMedium,
    minSamplesHigh: cfg.minSamplesHigh,
  });
  if (eta.reason !== 'ok') return eta;
  // Measured, but the truck cannot be called until cleared, or the gate is closed now.
  if (standing.row.clearanceStatus !== 'cleared') return { ...eta, reason: 'awaiting_clearance', confidence: lowerConfidence(eta) };
  if (!cap.open) return { ...eta, reason: 'gate_closed', confidence: lowerConfidence(eta) };
  return eta;
}
