import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dbKinds, testClock, type TestApp } from '../../test/harness';
import { AppError } from '../platform/errors';
import { counterProblems } from './__fixtures__/capacity.testkit';
import { bookWindow, endBooking, holdingBooking } from './booking';

// Property: whatever sequence of bookings, rebookings and releases happens, the counters equal
// the bookings that hold capacity, never exceed capacity, and every outcome is the one a plain
// model of the rules predicts (first hour of the window with room, the day's limit first).

const DATES = ['2027-03-16', '2027-03-17'];
const WINDOWS = [
  { from: '08:00', to: '09:00' },
  { from: '08:00', to: '10:00' },
  { from: '09:00', to: '11:00' },
  { from: '10:00', to: '11:00' },
  { from: '07:30', to: '11:00' },
];
const HOURS = [8, 9, 10];
const TRIPS = 4;

type Op = { kind: 'book'; trip: number; date: number; window: number } | { kind: 'release'; trip: number };
interface Config {
  days: Array<{ perDay: number; caps: number[] }>;
}

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('book' as const), trip: fc.nat(TRIPS - 1), date: fc.nat(DATES.length - 1), window: fc.nat(WINDOWS.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('release' as const), trip: fc.nat(TRIPS - 1) }) },
);
const configArb: fc.Arbitrary<Config> = fc.record({
  days: fc.array(fc.record({ perDay: fc.nat(5), caps: fc.array(fc.nat(2), { minLength: 3, maxLength: 3 }) }), { minLength: 2, maxLength: 2 }),
});

/** The outcome the rules predict; the trip's own booking does not count against its new window. */
function predict(config: Config, holding: Map<number, { date: number; hour: number }>, op: Extract<Op, { kind: 'book' }>): string {
  const others = [...holding.entries()].filter(([t]) => t !== op.trip).map(([, b]) => b);
  const day = config.days[op.date];
  const perDay = Math.min(day.perDay, day.caps.reduce((s, c) => s + c, 0));
  if (perDay === 0) return 'capacity.no_capacity';
  if (others.filter((b) => b.date === op.date).length >= perDay) return 'capacity.window_full';
  const w = WINDOWS[op.window];
  const inWindow = HOURS.filter((h) => `${String(h).padStart(2, '0')}:00` < w.to && w.from < `${String(h + 1).padStart(2, '0')}:00`);
  const hour = inWindow.find((h) => others.filter((b) => b.date === op.date && b.hour === h).length < day.caps[HOURS.indexOf(h)]);
  return hour === undefined ? 'capacity.window_full' : `hour ${hour}`;
}

describe.each(dbKinds())('booking sequences on %s', (kind) => {
  let t: TestApp;
  let tripIds: string[];
  let enterpriseId: string;
  beforeAll(async () => {
    t = await createTestApp(kind, {}, testClock(new Date('2027-03-01T01:00:00Z')));
    enterpriseId = (await t.db.selectFrom('enterprises').select('id').where('tax_code', '=', '4800123456').executeTakeFirstOrThrow()).id;
    const rows = await t.db
      .insertInto('trips')
      .values(Array.from({ length: TRIPS }, (_, i) => ({ reference: `CKS-TRL-20270316-PROP0${i}`, enterprise_id: enterpriseId, gate_id: 'tra-linh', direction: 'export', options: '{}' })))
      .returning('id')
      .execute();
    tripIds = rows.map((r) => r.id);
  });
  afterAll(async () => t?.close());

  async function reset(config: Config) {
    await t.db.deleteFrom('crossing_bookings').where('trip_id', 'in', tripIds).execute();
    await t.db.deleteFrom('capacity_slot_counters').where('day', 'in', DATES).execute();
    await t.db.deleteFrom('capacity_day_counters').where('day', 'in', DATES).execute();
    await t.db.deleteFrom('capacity_date_overrides').where('day', 'in', DATES).execute();
    for (const [i, day] of config.days.entries()) {
      // Every open hour pinned: 8, 9 and 10 as drawn, the others closed to bookings.
      const hours = Object.fromEntries(Array.from({ length: 24 }, (_, h) => [String(h), HOURS.includes(h) ? day.caps[HOURS.indexOf(h)] : 0]));
      await t.db
        .insertInto('capacity_date_overrides')
        .values({ gate_id: 'tra-linh', direction: 'export', day: DATES[i], per_day: day.perDay, hours: JSON.stringify(hours), reason: 'property test', updated_at: t.clock.now, updated_by: null })
        .execute();
    }
  }

  async function apply(op: Op): Promise<string> {
    try {
      return await t.db.transaction().execute(async (tx) => {
        const held = await holdingBooking(tx, tripIds[op.trip]);
        if (op.kind === 'release') {
          if (held) await endBooking(tx, held, 'released', 'property test', t.clock.now);
          return 'released';
        }
        const target = { tripId: tripIds[op.trip], enterpriseId, gateId: 'tra-linh', direction: 'export' as const, date: DATES[op.date], window: WINDOWS[op.window], fruitLoad: true };
        const row = await bookWindow(tx, target, t.clock.now, held);
        return `hour ${row.hour}`;
      });
    } catch (error) {
      if (error instanceof AppError) return error.code;
      throw error;
    }
  }

  it('keeps counters equal to holding bookings, within capacity, as the model predicts', async () => {
    await fc.assert(
      fc.asyncProperty(configArb, fc.array(opArb, { minLength: 1, maxLength: 12 }), async (config, ops) => {
        await reset(config);
        const holding = new Map<number, { date: number; hour: number }>();
        for (const op of ops) {
          const expected = op.kind === 'release' ? 'released' : predict(config, holding, op);
          const actual = await apply(op);
          expect(actual).toBe(expected);
          if (op.kind === 'release') holding.delete(op.trip);
          else if (actual.startsWith('hour ')) holding.set(op.trip, { date: op.date, hour: Number(actual.slice(5)) });
          expect(await counterProblems(t)).toEqual([]);
        }
        const held = await t.db.selectFrom('crossing_bookings').select(['trip_id', 'day', 'hour']).where('trip_id', 'in', tripIds).where('status', '=', 'active').execute();
        expect(held.map((b) => `${tripIds.indexOf(b.trip_id)} ${b.day} ${b.hour}`).sort()).toEqual(
          [...holding.entries()].map(([trip, b]) => `${trip} ${DATES[b.date]} ${b.hour}`).sort(),
        );
      }),
      { numRuns: kind === 'pglite' ? 40 : 25 },
    );
  });

  it('books only fruit loads on a fruit-only day, whatever the declaration checks said', async () => {
    await t.db.insertInto('gate_special_days').values({ gate_id: 'tra-linh', day: '2027-03-18', kind: 'fruit_only', opens: null, closes: null, name_vi: 'Chỉ trái cây', name_en: null, name_zh: null }).execute();
    const target = { tripId: tripIds[0], enterpriseId, gateId: 'tra-linh', direction: 'export' as const, date: '2027-03-18', window: WINDOWS[1] };
    await reset({ days: DATES.map(() => ({ perDay: 0, caps: [0, 0, 0] })) });
    const refused = await t.db.transaction().execute((tx) => bookWindow(tx, { ...target, fruitLoad: false }, t.clock.now)).catch((e: AppError) => e.code);
    expect(refused).toBe('capacity.fruit_only');
    const booked = await t.db.transaction().execute((tx) => bookWindow(tx, { ...target, fruitLoad: true }, t.clock.now));
    expect(booked).toMatchObject({ day: '2027-03-18', hour: 8, status: 'active' });
    expect(await counterProblems(t)).toEqual([]);
  });
});
