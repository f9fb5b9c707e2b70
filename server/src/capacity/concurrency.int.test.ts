import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../../test/harness';
import { addDriver, addVehicle, startKit, tripBody, type Kit } from '../trips/__fixtures__/trips.testkit';
import { availability, counterProblems, onlyHours, setDate } from './__fixtures__/capacity.testkit';

// The quality bar of issue 6: many clients book the last unit of a slot at once and exactly one
// wins. On a real PostgreSQL server the submissions run concurrently on several connections; on
// PGlite they are serialised, and the rule must hold all the same.

const RACERS = 24;
const DATE = '2027-03-10';

describe.each(dbKinds())('racing for the last slot on %s', (kind) => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startKit(kind, ['dn.nongsan', 'bql.tralinh']);
    await setDate(kit, DATE, { hours: onlyHours({ 9: 3 }) });
  });
  afterAll(async () => kit?.t.close());

  async function draft() {
    const res = await kit.req('POST', '/api/v1/trips', 'dn.nongsan', tripBody(await addVehicle(kit), await addDriver(kit), { plannedDate: DATE, window: { from: '09:00', to: '10:00' } }));
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json() as { id: string; version: number };
  }
  const submit = (t: { id: string; version: number }) => kit.req('POST', `/api/v1/trips/${t.id}/submit`, 'dn.nongsan', { version: t.version });

  it(`lets exactly one of ${RACERS} simultaneous submissions take the last unit`, async () => {
    // Two of the three units go first, one by one.
    for (const t of [await draft(), await draft()]) expect((await submit(t)).statusCode).toBe(200);
    const racers = [];
    for (let i = 0; i < RACERS; i++) racers.push(await draft());

    const results = await Promise.all(racers.map(submit));
    const outcomes = results.map((r) => (r.statusCode === 200 ? 'won' : `${r.statusCode} ${r.json().code}`));
    expect(outcomes.filter((o) => o === 'won')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'won')).toEqual(Array(RACERS - 1).fill('422 capacity.window_full'));

    const day = await availability(kit, DATE);
    expect(day.hours.find((h) => h.hour === 9)).toMatchObject({ capacity: 3, booked: 3, free: 0 });
    const holding = await kit.t.db.selectFrom('crossing_bookings').select('trip_id').where('day', '=', DATE).where('status', '=', 'active').execute();
    expect(holding).toHaveLength(3);
    const losers = racers.filter((_, i) => results[i].statusCode !== 200).map((t) => t.id);
    const states = await kit.t.db.selectFrom('trips').select('status').where('id', 'in', losers).execute();
    expect(new Set(states.map((s) => s.status))).toEqual(new Set(['draft']));
    expect(await counterProblems(kit.t)).toEqual([]);
  });

  it('keeps the count when bookings are released and taken again at the same time', async () => {
    const holders = await kit.t.db.selectFrom('crossing_bookings').innerJoin('trips', 'trips.id', 'crossing_bookings.trip_id').select(['trips.id', 'trips.version']).where('crossing_bookings.day', '=', DATE).where('crossing_bookings.status', '=', 'active').execute();
    const waiting = [];
    for (let i = 0; i < 6; i++) waiting.push(await draft());
    // Three cancellations and six submissions at once: at most three of the six can fit.
    const results = await Promise.all([
      ...holders.map((h) => kit.req('POST', `/api/v1/trips/${h.id}/cancel`, 'dn.nongsan', { version: h.version, reason: 'Đổi kế hoạch' })),
      ...waiting.map(submit),
    ]);
    expect(results.slice(0, holders.length).map((r) => r.statusCode)).toEqual([200, 200, 200]);
    const submitted = results.slice(holders.length);
    expect(submitted.every((r) => r.statusCode === 200 || r.json().code === 'capacity.window_full')).toBe(true);
    const won = submitted.filter((r) => r.statusCode === 200).length;
    expect(won).toBeLessThanOrEqual(3);
    expect((await availability(kit, DATE)).hours.find((h) => h.hour === 9)?.booked).toBe(won);
    expect(await counterProblems(kit.t)).toEqual([]);
  });
});
