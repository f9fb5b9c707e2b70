import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freeSlots, planCalls } from './call-plan';
import { bandOf, orderQueue, requeueKey, type QueueFacts } from './queue-order';

// A pure model of a gate's queue driven by the same ordering and call-planning functions as the
// service, under random interleavings of check-ins, clearances, call-forwards (with drop-backs of
// trucks that did not move), departures, cancellations and the passing of time. The invariants
// are checked independently of the code under test.

const MIN = 60_000;
const T0 = Date.UTC(2027, 2, 3, 0, 0);

interface Truck extends QueueFacts {
  status: 'queued' | 'called' | 'left' | 'ended';
  cleared: boolean;
  held: boolean;
  dropBacks: number;
  deadline: number | null;
}

type Op =
  | { kind: 'check_in'; lane: number; windowOffset: number; late: boolean }
  | { kind: 'clear'; pick: number }
  | { kind: 'call'; count: number | null }
  | { kind: 'leave'; pick: number }
  | { kind: 'cancel'; pick: number }
  | { kind: 'wait'; minutes: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('check_in' as const), lane: fc.integer({ min: 0, max: 2 }), windowOffset: fc.integer({ min: -240, max: 240 }), late: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('clear' as const), pick: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('call' as const), count: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('leave' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), minutes: fc.integer({ min: 1, max: 50 }) }) },
);

const LANES = [1, 2, 9];
const BAND = { due: 0, early: 1, late: 2 } as const;

/** The rule, written out again: lane priority, band, queue key, reference. */
function inOrder(a: Truck, b: Truck, now: Date): boolean {
  const ka = [a.lanePriority, BAND[bandOf(a, now)], a.queueKey.getTime()];
  const kb = [b.lanePriority, BAND[bandOf(b, now)], b.queueKey.getTime()];
  for (let i = 0; i < 3; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i];
  return a.reference <= b.reference;
}

describe('queue model', () => {
  it('never loses or duplicates a truck, keeps the order and never calls beyond capacity', () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { minLength: 1, maxLength: 120 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        (ops, perHour, maxCalledAtOnce, behind, maxDropBacks) => {
          let now = T0 + 7 * 60 * MIN;
          const trucks: Truck[] = [];
          const calls: Array<{ tripId: string; hour: number; droppedBack: boolean }> = [];
          const respond = 10 * MIN;
          const pick = (list: Truck[], n: number) => (list.length ? list[n % list.length] : undefined);
          for (const op of ops) {
            const at = new Date(now);
            if (op.kind === 'check_in') {
              const id = `t${trucks.length}`;
              trucks.push({
                tripId: id, reference: `R${String(trucks.length).padStart(4, '0')}`, lane: `l${op.lane}`, lanePriority: LANES[op.lane],
                windowStart: new Date(now + op.windowOffset * MIN), late: op.late, queueKey: at, status: 'queued', cleared: false, held: false, dropBacks: 0, deadline: null,
              });
            } else if (op.kind === 'clear') {
              const t = pick(trucks, op.pick);
              if (t) t.cleared = true;
            } else if (op.kind === 'leave') {
              const t = pick(trucks.filter((x) => x.status === 'called'), op.pick);
              if (t) t.status = 'left';
            } else if (op.kind === 'cancel') {
              const t = pick(trucks.filter((x) => x.status === 'queued'), op.pick);
              if (t) t.status = 'ended';
            } else if (op.kind === 'wait') {
              now += op.minutes * MIN;
            } else {
              // Drop-backs first, as the service does.
              for (const t of trucks.filter((x) => x.status === 'called' && x.deadline! <= now)) {
                const before = t.queueKey.getTime();
                t.queueKey = requeueKey(t, trucks.filter((x) => x.status === 'queued'), behind, at);
                expect(t.queueKey.getTime()).toBeGreaterThanOrEqual(before);
                t.status = 'queued';
                t.dropBacks++;
                t.held = t.dropBacks >= maxDropBacks;
                t.deadline = null;
                calls.filter((c) => c.tripId === t.tripId).forEach((c) => (c.droppedBack = true));
              }
              const hour = Math.floor(now / (60 * MIN));
              const used = calls.filter((c) => c.hour === hour && !c.droppedBack).length;
              const calledNow = trucks.filter((x) => x.status === 'called').length;
              const queued = orderQueue(trucks.filter((x) => x.status === 'queued'), at);
              const plan = planCalls(queued.map((q) => ({ cleared: q.cleared, held: q.held })), { open: true, perHour, usedThisHour: used, calledNow, maxCalledAtOnce }, op.count ?? undefined);
              const free = freeSlots({ open: true, perHour, usedThisHour: used, calledNow, maxCalledAtOnce });
              expect(plan.picks.length).toBeLessThanOrEqual(free);
              // The picks are exactly the first eligible trucks in order.
              const eligible = queued.map((q, i) => (q.cleared && !q.held ? i : -1)).filter((i) => i >= 0);
              expect(plan.picks).toEqual(eligible.slice(0, plan.picks.length));
              if (plan.picks.length < Math.min(free, op.count ?? Infinity)) expect(plan.picks.length).toBe(eligible.length);
              for (const i of plan.picks) {
                queued[i].status = 'called';
                queued[i].deadline = now + respond;
                calls.push({ tripId: queued[i].tripId, hour, droppedBack: false });
              }
            }
            // No truck lost or duplicated: every truck is in exactly one state, the queue holds each queued one once.
            const ordered = orderQueue(trucks.filter((x) => x.status === 'queued'), at);
            expect(new Set(ordered.map((x) => x.tripId)).size).toBe(ordered.length);
            const counts = { queued: 0, called: 0, left: 0, ended: 0 };
            trucks.forEach((x) => counts[x.status]++);
            expect(counts.queued + counts.called + counts.left + counts.ended).toBe(trucks.length);
            expect(ordered.length).toBe(counts.queued);
            for (let i = 1; i < ordered.length; i++) expect(inOrder(ordered[i - 1], ordered[i], at)).toBe(true);
            // Capacity: per hour (calls that stood) and at once.
            const perSlot = new Map<number, number>();
            calls.filter((c) => !c.droppedBack).forEach((c) => perSlot.set(c.hour, (perSlot.get(c.hour) ?? 0) + 1));
            for (const n of perSlot.values()) expect(n).toBeLessThanOrEqual(perHour);
            expect(counts.called).toBeLessThanOrEqual(maxCalledAtOnce);
            // A held truck is never called; an uncleared one never is either.
            for (const x of trucks.filter((t) => t.status === 'called')) expect(x.cleared && !x.held).toBe(true);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('moves a dropped-back truck behind exactly K trucks of its lane and band', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }), (mates, behind) => {
        const now = new Date(T0 + 10 * 60 * MIN);
        const mk = (i: number, lane = 'a'): QueueFacts => ({ tripId: `m${i}`, reference: `M${i}`, lane, lanePriority: lane === 'a' ? 2 : 9, windowStart: null, late: false, queueKey: new Date(T0 + (i + 1) * MIN) });
        const dropped: QueueFacts = { tripId: 'x', reference: 'X', lane: 'a', lanePriority: 2, windowStart: null, late: false, queueKey: new Date(T0) };
        const others = [...Array.from({ length: mates }, (_, i) => mk(i)), mk(90, 'b'), mk(91, 'b')];
        const moved = { ...dropped, queueKey: requeueKey(dropped, others, behind, now) };
        const lane = orderQueue([...others.filter((o) => o.lane === 'a'), moved], now);
        expect(lane.findIndex((q) => q.tripId === 'x')).toBe(Math.min(behind, mates));
      }),
    );
  });
});
