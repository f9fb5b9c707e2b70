import type { QueueBand } from '../../../shared/schemas/yards';

// The queue order, as pure functions (the service and the property tests use the same ones).
// Per gate and crossing direction, a queued truck goes before another when, in this order:
//   1. its lane has a lower priority number (e.g. live animals 1, perishable 2, standard 9);
//   2. its band comes first: due (booked window started, not late) < early (window not started
//      yet) < late (arrived after window end + late grace; fixed at arrival);
//   3. its queue key is earlier (the arrival time; a drop-back moves it behind K trucks);
//   4. its trip reference sorts first (only to make ties deterministic).
// Calls go down this order to the first trucks that are eligible (cleared, not held); a truck
// that is not yet eligible keeps its place.

export interface QueueFacts {
  tripId: string;
  reference: string;
  lanePriority: number;
  lane: string;
  windowStart: Date | null;
  late: boolean;
  queueKey: Date;
}

const BAND_RANK: Record<QueueBand, number> = { due: 0, early: 1, late: 2 };

export function bandOf(f: Pick<QueueFacts, 'late' | 'windowStart'>, now: Date): QueueBand {
  if (f.late) return 'late';
  if (f.windowStart === null || f.windowStart.getTime() <= now.getTime()) return 'due';
  return 'early';
}

export function compareQueue(a: QueueFacts, b: QueueFacts, now: Date): number {
  return (
    a.lanePriority - b.lanePriority ||
    BAND_RANK[bandOf(a, now)] - BAND_RANK[bandOf(b, now)] ||
    a.queueKey.getTime() - b.queueKey.getTime() ||
    (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0)
  );
}

/** The queue in call order (a new array). */
export function orderQueue<T extends QueueFacts>(entries: readonly T[], now: Date): T[] {
  return [...entries].sort((a, b) => compareQueue(a, b, now));
}

/**
 * The queue key of a dropped-back truck: just behind the K-th truck that now follows it in its
 * lane and band (behind the last one when fewer follow; unchanged when none do).
 */
export function requeueKey(dropped: QueueFacts, others: readonly QueueFacts[], behind: number, now: Date): Date {
  const band = bandOf(dropped, now);
  const mates = orderQueue(
    others.filter((o) => o.tripId !== dropped.tripId && o.lane === dropped.lane && bandOf(o, now) === band && compareQueue(o, dropped, now) > 0),
    now,
  );
  if (behind <= 0 || mates.length === 0) return dropped.queueKey;
  const target = mates[Math.min(behind, mates.length) - 1];
  return new Date(target.queueKey.getTime() + 1);
}
