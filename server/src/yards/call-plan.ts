import type { CALL_STOP_REASONS } from '../../../shared/schemas/yards';

// How many trucks may be called now and which: pure, shared by the service and the tests.
// free = 0 when the gate is closed, else min(hourly capacity − calls used this local hour,
// called-at-once limit − trucks called and not yet out of the yard), never below zero.

export interface CapacityFacts {
  open: boolean;
  perHour: number;
  usedThisHour: number;
  calledNow: number;
  maxCalledAtOnce: number;
}

export function freeSlots(c: CapacityFacts): number {
  if (!c.open) return 0;
  return Math.max(0, Math.min(c.perHour - c.usedThisHour, c.maxCalledAtOnce - c.calledNow));
}

export type StopReason = (typeof CALL_STOP_REASONS)[number];

export interface CallPlan {
  /** Indexes into the ordered queue, in call order. */
  picks: number[];
  stoppedBecause: StopReason;
  skipped: { notCleared: number; held: number };
}

/** Walks the ordered queue and picks the first eligible trucks, up to the free slots and count. */
export function planCalls(ordered: ReadonlyArray<{ cleared: boolean; held: boolean }>, capacity: CapacityFacts, count?: number): CallPlan {
  const skipped = { notCleared: 0, held: 0 };
  if (ordered.length === 0) return { picks: [], stoppedBecause: 'queue_empty', skipped };
  if (!capacity.open) return { picks: [], stoppedBecause: 'gate_closed', skipped };
  const free = freeSlots(capacity);
  const hourLeft = capacity.perHour - capacity.usedThisHour;
  const limit = count === undefined ? free : Math.min(free, count);
  const picks: number[] = [];
  for (let i = 0; i < ordered.length && picks.length < limit; i++) {
    if (ordered[i].held) skipped.held++;
    else if (!ordered[i].cleared) skipped.notCleared++;
    else picks.push(i);
  }
  let stoppedBecause: StopReason;
  if (picks.length === limit && limit > 0) stoppedBecause = count !== undefined && limit === count && count < free ? 'count_reached' : hourLeft <= picks.length ? 'no_capacity' : 'called_limit';
  else if (free === 0) stoppedBecause = hourLeft <= 0 ? 'no_capacity' : 'called_limit';
  else stoppedBecause = skipped.notCleared + skipped.held === 0 ? 'queue_empty' : 'none_eligible';
  return { picks, stoppedBecause, skipped };
}
