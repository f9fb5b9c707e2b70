import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import Value from 'typebox/value';
import { HS, referenceTariffList } from './__fixtures__/trips';
import { QuoteResponse, type CargoLine, type FeeQuote, type QuoteRequest } from './fees.schemas';
import { quoteFees } from './quote';

// Properties over random trips at the Cao Bằng and Lạng Sơn tariffs. Values are drawn from a
// small set so that ties between lines happen often.

const context = { exchangeRates: { USD: 25_000, CNY: 3_500 } };

const lineArb: fc.Arbitrary<CargoLine> = fc.record({
  hsCode: fc.constantFrom(...Object.values(HS)),
  grossWeightKg: fc.oneof(fc.integer({ min: 0, max: 30_000 }), fc.double({ min: 0, max: 30_000, noNaN: true })),
  volumeM3: fc.option(fc.double({ min: 0, max: 80, noNaN: true }), { nil: undefined }),
  declaredValue: fc.constantFrom(0, 1_000, 5_000, 5_000.5, 20_000),
  currency: fc.constantFrom('USD', 'CNY', 'VND'),
  origin: fc.constantFrom('VN', 'CN', 'TH'),
  taxableImport: fc.boolean(),
});

const tripArb: fc.Arbitrary<QuoteRequest> = fc.record({
  province: fc.constantFrom('CB', 'LS'),
  gateId: fc.constantFrom('tra-linh', 'huu-nghi'),
  date: fc.constantFrom('2025-06-01', '2026-03-15'),
  regime: fc.constantFrom('export', 'import', 'transit', 'temporary_import_reexport', 'bonded_warehouse'),
  vehicle: fc.record({ grossTonnageCapacity: fc.oneof(fc.constantFrom(2, 5, 10, 18), fc.double({ min: 0.5, max: 40, noNaN: true })) }),
  containers: fc.array(fc.record({ size: fc.constantFrom('20' as const, '40' as const) }), { maxLength: 2 }),
  cargoLines: fc.array(lineArb, { minLength: 1, maxLength: 6 }),
  options: fc.record({ carriedInland: fc.boolean(), disinfection: fc.boolean(), coSets: fc.integer({ min: 0, max: 3 }) }),
});

/** A trip with its cargo lines in another order. */
const permutedArb = tripArb.chain((trip) =>
  fc
    .shuffledSubarray(trip.cargoLines, { minLength: trip.cargoLines.length, maxLength: trip.cargoLines.length })
    .map((lines) => [trip, { ...trip, cargoLines: lines }] as const),
);

// The deciding line's position and the sentences quoting it move with the permutation.
function orderFree(q: FeeQuote) {
  if (!q.decidingLine) return q;
  const { index: _index, explanationVi: _vi, explanationEn: _en, ...line } = q.decidingLine;
  return { ...q, decidingLine: line };
}

describe('quote properties', () => {
  it('gives the same quote whatever the order of the cargo lines', () => {
    fc.assert(
      fc.property(permutedArb, ([a, b]) => {
        const qa = quoteFees(a, referenceTariffList, context);
        const qb = quoteFees(b, referenceTariffList, context);
        expect(qa.ok).toBe(true);
        if (qa.ok && qb.ok) expect(orderFree(qb.quote)).toEqual(orderFree(qa.quote));
        else expect(qb).toEqual(qa);
      }),
      { numRuns: 300 },
    );
  });

  it('totals the items, in whole non-negative đồng, in the response schema', () => {
    fc.assert(
      fc.property(tripArb, (trip) => {
        const r = quoteFees(trip, referenceTariffList, context);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const { total, items } = r.quote;
        expect(total).toBe(items.reduce((s, i) => s + i.amount, 0));
        expect(Number.isSafeInteger(total) && total >= 0).toBe(true);
        for (const i of items) expect(Number.isSafeInteger(i.amount) && i.amount >= 0 && Number.isSafeInteger(i.unitRate)).toBe(true);
        expect(Value.Check(QuoteResponse, r.quote)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never charges less when the load gets heavier', () => {
    fc.assert(
      fc.property(tripArb, fc.integer({ min: 1, max: 5_000 }), (trip, extraKg) => {
        const heavier = { ...trip, cargoLines: trip.cargoLines.map((l, i) => (i === 0 ? { ...l, grossWeightKg: l.grossWeightKg + extraKg } : l)) };
        const a = quoteFees(trip, referenceTariffList, context);
        const b = quoteFees(heavier, referenceTariffList, context);
        if (a.ok && b.ok) expect(b.quote.total).toBeGreaterThanOrEqual(a.quote.total);
      }),
      { numRuns: 200 },
    );
  });
});
