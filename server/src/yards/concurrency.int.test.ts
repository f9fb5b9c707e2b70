import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../../test/harness';
import { openPostgres, type DbHandle } from '../db/connect';
import { at, checkIn, makeTrip, putRules, queue, setGateCapacity, step, yardKit, type YardKit } from './__fixtures__/yards.testkit';
import { runCallForwardJob } from './jobs';

// Call-forward in several server processes at once (the job in each, an operator's "call next"):
// on a real PostgreSQL two connection pools stand for two processes on the same database. No
// truck is ever called twice and the capacity is never exceeded.

describe.each(dbKinds())('concurrent call-forward on %s', (kind) => {
  let kit: YardKit;
  let second: DbHandle | null = null;
  beforeAll(async () => {
    kit = await yardKit(kind, ['bai.tralinh', 'bql.tralinh', 'admin'], at('08:05'));
    await setGateCapacity(kit, 48);
    await putRules(kit, (r) => {
      r.callForward.maxCalledAtOnce = 6;
    });
    if (kind === 'postgres') {
      const name = (await sql<{ name: string }>`select current_database() as name`.execute(kit.t.db)).rows[0].name;
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${name}`;
      second = await openPostgres(url.toString(), 5);
    }
  }, 120_000);
  afterAll(async () => {
    await second?.close();
    await kit?.t.close();
  });

  it('never calls a truck twice nor beyond capacity, whoever runs it', async () => {
    const perHour = (await queue(kit)).capacity.perHour;
    expect(perHour).toBeGreaterThan(0);
    expect(perHour).toBeLessThan(6);
    const trips = [];
    for (let i = 0; i < 16; i++) {
      const t = await makeTrip(kit, { cleared: true, window: { from: '07:00', to: '18:00' } });
      await checkIn(kit, t, 'tra-linh-a', { occurredAt: new Date(kit.clock.now.getTime() - (30 - i) * 60_000).toISOString() });
      trips.push(t);
    }
    const services = [{ db: kit.t.db, now: () => kit.clock.now }, ...(second ? [{ db: second.db, now: () => kit.clock.now }] : [])];
    for (let round = 0; round < 3; round++) {
      const capacity = (await queue(kit)).capacity;
      expect(capacity.usedThisHour).toBe(0);
      const runs = [
        ...services.flatMap((s) => [runCallForwardJob(s), runCallForwardJob(s)]),
        kit.req('POST', '/api/v1/yards/call-next', 'bai.tralinh', { gateId: 'tra-linh', direction: 'export' }),
        kit.req('POST', '/api/v1/yards/call-next', 'bai.tralinh', { gateId: 'tra-linh', direction: 'export' }),
      ];
      const settled = await Promise.allSettled(runs);
      expect(settled.filter((s) => s.status === 'rejected')).toEqual([]);
      const calls = await kit.t.db.selectFrom('yard_calls').select(['trip_id', 'slot_hour', 'outcome']).where('trip_id', 'in', trips.map((t) => t.id)).execute();
      const hour = 8 + round;
      expect(calls.filter((c) => c.slot_hour === hour)).toHaveLength(capacity.perHour);
      expect(new Set(calls.map((c) => c.trip_id)).size).toBe(calls.length);
      const events = await kit.t.db.selectFrom('domain_events').select('trip_id').where('type', '=', 'trip.called').where('trip_id', 'in', trips.map((t) => t.id)).execute();
      expect(events).toHaveLength(calls.length);
      // They leave; the next hour frees capacity again.
      for (const c of calls.filter((x) => x.outcome === 'pending')) expect((await step(kit, c.trip_id, 'leave_yard')).statusCode).toBe(200);
      kit.clock.advance(60 * 60_000);
    }
  }, 300_000);
});
