import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceProblems } from './price-validation';
import { buildTrend, trendPoint, type TrendEntry } from './trends';

const entry = (o: Partial<TrendEntry>): TrendEntry => ({
  gateId: 'tra-linh', marketId: 'tra-linh', date: '2027-03-01', currency: 'VND', source: 'authority', unitKg: 1,
  priceMin: null, priceMax: null, priceAvg: null, volumeTonnes: null, ...o,
});

describe('price trends', () => {
  it('averages the mid-points of a day, converting units by weight only', () => {
    const point = trendPoint('2027-03-01', [entry({ priceAvg: 30000, volumeTonnes: 10 }), entry({ unitKg: 1000, priceMin: 29_000_000, priceMax: 33_000_000, volumeTonnes: 5 })], 1);
    expect(point).toEqual({ date: '2027-03-01', avg: 30500, min: 29000, max: 33000, volumeTonnes: 15, entries: 2 });
    // The same entries drawn per tonne.
    expect(trendPoint('2027-03-01', [entry({ priceAvg: 30 })], 1000)).toMatchObject({ avg: 30000 });
  });

  it('never mixes currencies or sources in one series, and orders points by day', () => {
    const series = buildTrend(
      [
        entry({ date: '2027-03-02', priceAvg: 2 }),
        entry({ date: '2027-03-01', priceAvg: 1 }),
        entry({ currency: 'CNY', priceAvg: 9 }),
        entry({ source: 'enterprise', priceAvg: 5 }),
      ],
      1,
    );
    expect(series.map((s) => `${s.currency}/${s.source}:${s.points.map((p) => `${p.date}=${p.avg}`).join(',')}`)).toEqual([
      'CNY/authority:2027-03-01=9',
      'VND/authority:2027-03-01=1,2027-03-02=2',
      'VND/enterprise:2027-03-01=5',
    ]);
  });

  it('keeps every point within its entries’ lowest and highest prices', () => {
    const priced = fc.record({ lo: fc.integer({ min: 1, max: 1000 }), span: fc.integer({ min: 0, max: 1000 }), avgShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true })) });
    fc.assert(
      fc.property(fc.array(priced, { minLength: 1, maxLength: 8 }), (list) => {
        const entries = list.map((p) => entry({ priceMin: p.lo, priceMax: p.lo + p.span, priceAvg: p.avgShare === null ? null : p.lo + p.span * p.avgShare }));
        const point = trendPoint('2027-03-01', entries, 1);
        expect(point.min).toBe(Math.min(...list.map((p) => p.lo)));
        expect(point.max).toBe(Math.max(...list.map((p) => p.lo + p.span)));
        expect(point.avg).toBeGreaterThanOrEqual(point.min - 0.01);
        expect(point.avg).toBeLessThanOrEqual(point.max + 0.01);
      }),
    );
  });
});

describe('price entry validation', () => {
  const base = { commodity: 'durian', marketId: 'tra-linh', date: '2027-03-01', currency: 'VND' as const, unit: 'kg' };
  it('accepts a plausible price and lists every problem of a wrong one', () => {
    expect(priceProblems({ ...base, priceAvg: 95000 }, true, '2027-03-01')).toEqual([]);
    expect(priceProblems({ ...base, unit: 'tonne', priceAvg: 95_000_000 }, true, '2027-03-01')).toEqual([]);
    expect(priceProblems({ ...base, currency: 'CNY', priceAvg: 95000 }, true, '2027-03-01').map((p) => p.code)).toEqual(['market.price_out_of_range']);
    expect(priceProblems({ ...base, priceMin: 9, priceMax: 8, priceAvg: 10 }, false, '2027-02-01').map((p) => p.code)).toEqual([
      'market.unknown_market', 'market.price_order', 'market.price_order', 'market.price_out_of_range', 'market.price_out_of_range', 'market.price_out_of_range', 'market.date_in_future',
    ]);
  });
});
