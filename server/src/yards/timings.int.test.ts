import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../../test/harness';
import { at, checkIn, makeTrip, putRules, setClearance, step, yardKit, type YardKit } from './__fixtures__/yards.testkit';

// Measured, not guessed: per-hour aggregates come from recorded timestamps, and the estimate a
// driver sees comes from the measured call-forwards, saying how sure it is.

const MIN = 60_000;

describe.each(dbKinds())('measured times and estimates on %s', (kind) => {
  let kit: YardKit;
  beforeAll(async () => {
    kit = await yardKit(kind, ['bai.tralinh', 'bql.tralinh', 'lanhdao.caobang', 'dn.nongsan'], at('07:00'));
    await putRules(kit, (r) => {
      r.callForward.maxCalledAtOnce = 50;
      r.callForward.respondMinutes = 60;
    });
  }, 120_000);
  afterAll(async () => kit?.t.close());

  const callOne = () => kit.req('POST', '/api/v1/yards/call-next', 'bai.tralinh', { gateId: 'tra-linh', direction: 'export', count: 1 });

  it('aggregates each segment per local hour from the recorded timestamps', async () => {
    // Three trucks: arrival → call of 10, 19 and 30 minutes, calls at 07:40, 07:50 and 08:10.
    const plan = [
      { arrive: '07:30', call: '07:40', leave: '07:45', cross: '07:55', done: '08:30' },
      { arrive: '07:31', call: '07:50', leave: '07:52', cross: '08:05', done: '08:20' },
      { arrive: '07:40', call: '08:10', leave: '08:12', cross: '08:15', done: '08:40' },
    ];
    const trips = [];
    for (const p of plan) {
      const t = await makeTrip(kit, { cleared: true, window: { from: '07:00', to: '12:00' } });
      kit.clock.now = at(p.arrive);
      await checkIn(kit, t, 'tra-linh-a');
      trips.push(t);
    }
    for (const [i, p] of plan.entries()) {
      kit.clock.now = at(p.call);
      const res = (await callOne()).json();
      expect(res.called.map((c: { tripId: string }) => c.tripId)).toEqual([trips[i].id]);
      kit.clock.now = at(p.leave);
      await step(kit, trips[i].id, 'leave_yard');
    }
    kit.clock.now = at('09:00');
    for (const [i, p] of plan.entries()) {
      await step(kit, trips[i].id, 'pass_gate', 'bai.tralinh', { occurredAt: at(p.cross).toISOString() });
      await step(kit, trips[i].id, 'arrive', 'bai.tralinh', { occurredAt: at(p.done).toISOString() });
    }
    const res = await kit.req('GET', '/api/v1/yards/timings?gateId=tra-linh&from=2027-03-03&to=2027-03-03&direction=export', 'lanhdao.caobang');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const bucket = (segment: string, hour: number) => body.buckets.find((b: { segment: string; hour: number }) => b.segment === segment && b.hour === hour);
    // Calls at 07:40 and 07:50 end their wait in hour 7 (10 and 19 min), the 08:10 call in hour 8 (30 min).
    expect(bucket('arrival_to_call', 7)).toMatchObject({ date: '2027-03-03', count: 2, medianMinutes: 14.5, p90Minutes: 18.1 });
    expect(bucket('arrival_to_call', 8)).toMatchObject({ count: 1, medianMinutes: 30, p90Minutes: 30 });
    // Call → gate: 15 (07:55, hour 7), 15 (08:05) and 5 (08:15) minutes.
    expect(bucket('call_to_gate', 7)).toMatchObject({ count: 1, medianMinutes: 15 });
    expect(bucket('call_to_gate', 8)).toMatchObject({ count: 2, medianMinutes: 10 });
    // Gate → other side: 35, 15 and 25 minutes, all ending in hour 8.
    expect(bucket('gate_to_other_side', 8)).toMatchObject({ count: 3, medianMinutes: 25, p90Minutes: 33 });
    expect(body.overall.find((o: { segment: string }) => o.segment === 'arrival_to_call')).toMatchObject({ count: 3, medianMinutes: 19, p90Minutes: 27.8 });
    const refused = await kit.req('GET', '/api/v1/yards/timings?gateId=tra-linh&from=2027-03-03&to=2027-03-03', 'dn.nongsan');
    expect(refused.statusCode).toBe(403);
  });

  it('estimates from capacity and says so with too little data, from measured calls when there are enough', async () => {
    kit.clock.now = at('14:00');
    const waiting = [];
    for (let i = 0; i < 5; i++) {
      const t = await makeTrip(kit, { window: { from: '07:00', to: '18:00' } });
      await checkIn(kit, t, 'tra-linh-a', { occurredAt: new Date(kit.clock.now.getTime() - (60 - i) * MIN).toISOString() });
      waiting.push(t);
    }
    const last = waiting[4];
    // No call in the last three hours: the estimate comes from the hourly capacity, low confidence.
    const thin = (await kit.req('GET', `/api/v1/trips/${last.id}/yard`, 'dn.nongsan')).json();
    expect(thin.eta).toMatchObject({ basis: 'capacity', confidence: 'low', reason: 'too_little_data', sampleSize: 0 });
    const ahead = thin.aheadCount;
    expect(ahead).toBeGreaterThanOrEqual(4);
    // 21 calls, alternately 4 and 8 minutes apart (mean 6, sd 2.05): 20 measured intervals.
    for (let i = 0; i < 21; i++) {
      const t = await makeTrip(kit, { cleared: true, perishable: true, window: { from: '07:00', to: '18:00' } });
      await checkIn(kit, t, 'tra-linh-a', { occurredAt: new Date(kit.clock.now.getTime() - MIN).toISOString() });
      const res = (await callOne()).json();
      expect(res.called.map((c: { tripId: string }) => c.tripId)).toEqual([t.id]);
      await step(kit, t.id, 'leave_yard');
      kit.clock.advance((i % 2 === 0 ? 4 : 8) * MIN);
    }
    const rich = (await kit.req('GET', `/api/v1/trips/${last.id}/yard`, 'dn.nongsan')).json();
    const n = rich.aheadCount + 1;
    // Measured, but the truck still waits for clearance: one step less sure.
    expect(rich.eta).toMatchObject({ basis: 'measured', confidence: 'medium', reason: 'awaiting_clearance', sampleSize: 20, callsPerHour: 10 });
    expect(rich.eta.minutes).toBe(6 * n);
    expect(rich.eta.low).toBeLessThan(rich.eta.minutes);
    expect(rich.eta.high).toBeGreaterThan(rich.eta.minutes);
    // 80% range: 1.28 × sd × √n either side.
    const spread = 1.2816 * Math.sqrt(20 * 4 / 19) * Math.sqrt(n);
    expect(rich.eta.high - rich.eta.minutes).toBeCloseTo(spread, 0);
    await setClearance(kit, last.id);
    const cleared = (await kit.req('GET', `/api/v1/trips/${last.id}/yard`, 'dn.nongsan')).json();
    expect(cleared.eta).toMatchObject({ reason: 'ok', confidence: 'high' });
  });
});
