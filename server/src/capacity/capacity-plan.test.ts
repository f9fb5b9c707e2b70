import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion, hoursInWindow, openHours, planDay, type PlanInput } from './capacity-plan';

const base: PlanInput = { date: '2027-03-03', gatePerDay: 200, intervals: [{ opens: '07:00', closes: '19:00' }], specialKind: null, profile: {}, override: null };

describe('capacity plan', () => {
  it('spreads the day capacity over the open hours, adding up to the day, earlier hours first on ties', () => {
    const plan = planDay(base);
    expect(plan.hours.map((h) => h.hour)).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
    // 200 / 12 = 16.67: eight hours get 17, four get 16.
    expect(plan.hours.map((h) => h.capacity)).toEqual([17, 17, 17, 17, 17, 17, 17, 17, 16, 16, 16, 16]);
    expect(plan.perDay).toBe(200);
  });

  it('gives a partly open hour a share in proportion to its open minutes', () => {
    const plan = planDay({ ...base, gatePerDay: 95, intervals: [{ opens: '07:30', closes: '17:00' }] });
    expect(plan.hours[0]).toMatchObject({ hour: 7, from: '07:30', to: '08:00', capacity: 5 });
    expect(plan.hours.slice(1).every((h) => h.capacity === 10)).toBe(true);
  });

  it('keeps pinned hours and shares the rest of the day among the others; a date override beats the profile', () => {
    const plan = planDay({ ...base, gatePerDay: 120, profile: { 11: 2, 12: 2 }, override: { perDay: null, hours: { 12: 6 } } });
    const byHour = new Map(plan.hours.map((h) => [h.hour, h]));
    expect(byHour.get(11)).toMatchObject({ capacity: 2, pinned: true });
    expect(byHour.get(12)).toMatchObject({ capacity: 6, pinned: true });
    expect(byHour.get(8)).toMatchObject({ capacity: 12, pinned: false });
    expect(plan.perDay).toBe(120);
  });

  it('has no capacity on a closed day, and never more per day than the hours add up to', () => {
    expect(planDay({ ...base, intervals: [], specialKind: 'closed' })).toMatchObject({ open: false, perDay: 0, hours: [] });
    const allPinned = Object.fromEntries(Array.from({ length: 24 }, (_, h) => [h, 1]));
    expect(planDay({ ...base, profile: allPinned }).perDay).toBe(12);
    expect(planDay({ ...base, override: { perDay: 300, hours: {} } }).perDay).toBe(300);
  });

  it('finds the hours a window overlaps, including partial ones', () => {
    const plan = planDay(base);
    expect(hoursInWindow(plan, { from: '08:30', to: '10:00' }).map((h) => h.hour)).toEqual([8, 9]);
    expect(hoursInWindow(plan, { from: '06:00', to: '07:30' }).map((h) => h.hour)).toEqual([7]);
  });

  it('apportions exactly the total whatever the weights', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 24 }), (total, weights) => {
        const shares = apportion(total, weights);
        expect(shares.reduce((s, v) => s + v, 0)).toBe(total);
        shares.forEach((s, i) => expect(Math.abs(s - (total * weights[i]) / weights.reduce((a, b) => a + b, 0))).toBeLessThan(1));
      }),
    );
  });

  it('lists open minutes per hour across split intervals', () => {
    expect(openHours([{ opens: '07:30', closes: '11:30' }, { opens: '13:30', closes: '16:30' }]).map((h) => `${h.hour}:${h.minutes}`)).toEqual([
      '7:30', '8:60', '9:60', '10:60', '11:30', '13:30', '14:60', '15:60', '16:30',
    ]);
  });
});
