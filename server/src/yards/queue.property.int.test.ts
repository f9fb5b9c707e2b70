import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../../test/harness';
import { capacityAt } from '../capacity/capacity-query';
import { localParts } from '../gates/calendar';
import { instantAt } from '../trips/time';
import { at, checkIn, makeTrip, putRules, queue, setClearance, setGateCapacity, step, TZ, yardKit, type YardKit } from './__fixtures__/yards.testkit';
import { runCallForwardJob } from './jobs';

// The DB-backed queue under random interleavings of check-ins, clearances, call-forwards (the
// operator's and the job's, with drop-backs of trucks that do not move), departures, check-outs
// and the passing of time: no truck is lost or duplicated, the order follows the rules and calls
// never exceed the hourly capacity nor the called-at-once limit. Few runs: each step is real.

type Op =
  | { kind: 'check_in'; perishable: boolean; windowFrom: number }
  | { kind: 'clear'; pick: number }
  | { kind: 'call'; byJob: boolean; count: number | null }
  | { kind: 'leave'; pick: number }
  | { kind: 'check_out'; pick: number }
  | { kind: 'wait'; minutes: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('check_in' as const), perishable: fc.boolean(), windowFrom: fc.integer({ min: 7, max: 14 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('clear' as const), pick: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('call' as const), byJob: fc.boolean(), count: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('leave' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('check_out' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), minutes: fc.integer({ min: 1, max: 25 }) }) },
);

const BAND = { due: 0, early: 1, late: 2 } as const;
const STATUS_OF_VISIT: Record<string, string[]> = { queued: ['checked_in'], called: ['called'], left: ['left_yard'], ended: ['cancelled'] };

describe.each(dbKinds())('queue service under random interleavings on %s', (kind) => {
  let kit: YardKit;
  const MAX_AT_ONCE = 2;
  beforeAll(async () => {
    kit = await yardKit(kind, ['bai.tralinh', 'bql.tralinh', 'admin'], at('07:05'));
    await setGateCapacity(kit, 36);
    await putRules(kit, (r) => {
      r.callForward.maxCalledAtOnce = MAX_AT_ONCE;
      r.callForward.respondMinutes = 10;
      r.callForward.dropBackBehind = 1;
      r.callForward.maxDropBacks = 2;
    });
  }, 120_000);
  afterAll(async () => kit?.t.close());

  async function checkInvariants(mine: Set<string>) {
    const db = kit.t.db;
    // No truck lost or duplicated: each truck checked in has one visit, in the state its trip is in.
    const visits = await db.selectFrom('yard_visits as v').innerJoin('trips as t', 't.id', 'v.trip_id').select(['v.trip_id', 'v.status', 'v.held', 'v.queue_key', 't.status as trip_status', 't.clearance_status', 't.reference']).where('v.gate_id', '=', 'tra-linh').execute();
    for (const id of mine) {
      const rows = visits.filter((v) => v.trip_id === id);
      expect(rows).toHaveLength(1);
      expect(STATUS_OF_VISIT[rows[0].status]).toContain(rows[0].trip_status);
    }
    const q = await queue(kit);
    const listed = [...q.called, ...q.queued].map((e: { tripId: string }) => e.tripId);
    expect(new Set(listed).size).toBe(listed.length);
    expect(q.queued.length).toBe(visits.filter((v) => v.status === 'queued').length);
    expect(q.called.length).toBe(visits.filter((v) => v.status === 'called').length);
    // Order: lane priority, band, queue key, reference (written out again here).
    const key = (e: { tripId: string; lanePriority: number; band: keyof typeof BAND }) => {
      const v = visits.find((x) => x.trip_id === e.tripId)!;
      return [e.lanePriority, BAND[e.band], v.queue_key.getTime(), v.reference] as const;
    };
    for (let i = 1; i < q.queued.length; i++) {
      const [a, b] = [key(q.queued[i - 1]), key(q.queued[i])];
      const cmp = a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || (a[3] < b[3] ? -1 : 1);
      expect(cmp).toBeLessThan(0);
    }
    // Called trucks were cleared and not held; at most the called-at-once limit; one open call each.
    const called = visits.filter((v) => v.status === 'called');
    expect(called.length).toBeLessThanOrEqual(MAX_AT_ONCE);
    for (const v of called) expect([v.clearance_status, v.held]).toEqual(['cleared', false]);
    const pending = await db.selectFrom('yard_calls').select('trip_id').where('gate_id', '=', 'tra-linh').where('outcome', '=', 'pending').execute();
    expect(pending.map((p) => p.trip_id).sort()).toEqual(called.map((v) => v.trip_id).sort());
    // Calls that stood never exceed the hour's capacity.
    const slots = await db
      .selectFrom('yard_calls')
      .select(['slot_date', 'slot_hour', (eb) => eb.fn.countAll<number>().as('n')])
      .where('gate_id', '=', 'tra-linh')
      .where('direction', '=', 'export')
      .where('outcome', '<>', 'dropped_back')
      .groupBy(['slot_date', 'slot_hour'])
      .execute();
    for (const s of slots) {
      const cap = await capacityAt(db, 'tra-linh', 'export', instantAt(s.slot_date, `${String(s.slot_hour).padStart(2, '0')}:30`, TZ));
      expect(Number(s.n)).toBeLessThanOrEqual(cap.perHour);
    }
  }

  it('keeps every truck, the order and the capacity', async () => {
    const perHour = (await queue(kit)).capacity.perHour;
    expect(perHour).toBeGreaterThan(0);
    expect(perHour).toBeLessThanOrEqual(4);
    const mine = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 18 }), async (ops) => {
        for (const op of ops) {
          const visits = await kit.t.db.selectFrom('yard_visits').select(['trip_id', 'status']).where('trip_id', 'in', mine.size ? [...mine] : ['00000000-0000-0000-0000-000000000000']).execute();
          const of = (status: string) => visits.filter((v) => v.status === status).map((v) => v.trip_id).sort();
          if (op.kind === 'check_in') {
            const date = localParts(kit.clock.now, TZ).date;
            const from = String(op.windowFrom).padStart(2, '0');
            const trip = await makeTrip(kit, { perishable: op.perishable, plannedDate: date, window: { from: `${from}:00`, to: `${String(op.windowFrom + 4).padStart(2, '0')}:00` } });
            const res = await checkIn(kit, trip, op.perishable ? 'tra-linh-b' : 'tra-linh-a');
            expect(res.outcome).toBe('checked_in');
            mine.add(trip.id);
          } else if (op.kind === 'clear') {
            const all = [...mine].sort();
            if (all.length) await setClearance(kit, all[op.pick % all.length]);
          } else if (op.kind === 'call') {
            if (op.byJob) await runCallForwardJob({ db: kit.t.db, now: () => kit.clock.now });
            else {
              const res = await kit.req('POST', '/api/v1/yards/call-next', 'bai.tralinh', { gateId: 'tra-linh', direction: 'export', ...(op.count ? { count: op.count } : {}) });
              expect(res.statusCode).toBe(200);
            }
          } else if (op.kind === 'leave') {
            const list = of('called');
            if (list.length) expect((await step(kit, list[op.pick % list.length], 'leave_yard')).statusCode).toBe(200);
          } else if (op.kind === 'check_out') {
            const list = of('queued');
            if (list.length) expect((await step(kit, list[op.pick % list.length], 'check_out', 'bai.tralinh', { reason: 'Rút khỏi hàng chờ' })).statusCode).toBe(200);
          } else {
            kit.clock.advance(op.minutes * 60_000);
          }
          await checkInvariants(mine);
        }
      }),
      { numRuns: 4, endOnFailure: true },
    );
  }, 600_000);
});
