import { describe, expect, it } from 'vitest';
import Value from 'typebox/value';
import { failure, HS, line, quote, referenceTariffList, trip } from './__fixtures__/trips';
import { QuoteRequest, QuoteResponse } from './fees.schemas';
import { quoteFees } from './quote';
import type { Tariff } from './tariff.schema';

// Cao Bằng ordinary export unless stated: Vietnamese agricultural goods 25,000/t, other goods 100,000/t.

describe('mixed loads: the goods with the highest declared value set the rate', () => {
  const durian = (value: number) => line({ hsCode: HS.durian, grossWeightKg: 15_000, declaredValue: value });
  const phones = (value: number) => line({ hsCode: HS.phones, grossWeightKg: 2_000, declaredValue: value });

  it('charges the whole 17 t load at the phones rate when the phones are worth more (1,700,000)', () => {
    const q = quote(trip({ cargoLines: [durian(50_000), phones(80_000)] }));
    expect(q.items).toEqual([expect.objectContaining({ code: 'CB39.ORDINARY.OTHER', quantity: 17, unitRate: 100_000, amount: 1_700_000 })]);
    expect(q.decidingLine).toMatchObject({
      index: 1,
      hsCode: '85171300',
      goodsCategory: 'other',
      categorySource: 'hs_mapping',
      declaredValue: 80_000,
      comparedValue: 80_000,
      comparedCurrency: 'USD',
      reason: 'highest_declared_value',
      tiedLines: 1,
    });
    expect(q.decidingLine?.explanationEn).toMatch(/Line 2 has the highest declared value of 2 lines/);
  });

  it('charges the whole load at the durian rate when the durian is worth more (425,000)', () => {
    const q = quote(trip({ cargoLines: [durian(90_000), phones(80_000)] }));
    expect(q.items[0]).toMatchObject({ code: 'CB39.ORDINARY.REDUCED', quantity: 17, amount: 425_000 });
    expect(q.decidingLine).toMatchObject({ index: 0, goodsCategory: 'agricultural' });
  });

  it('on equal declared values applies the line giving the higher fee (documented tie rule)', () => {
    const q = quote(trip({ cargoLines: [durian(80_000), phones(80_000)] }));
    expect(q.total).toBe(1_700_000);
    expect(q.decidingLine).toMatchObject({ index: 1, reason: 'tie_highest_fee', tiedLines: 2 });
  });

  it('on equal values and equal fees picks the lowest HS code, wherever it is listed', () => {
    const a = line({ hsCode: HS.steel, declaredValue: 100 });
    const b = line({ hsCode: HS.furniture, declaredValue: 100 });
    expect(quote(trip({ cargoLines: [b, a] })).decidingLine).toMatchObject({ index: 1, hsCode: '72085100' });
    expect(quote(trip({ cargoLines: [a, b] })).decidingLine).toMatchObject({ index: 0, hsCode: '72085100' });
  });

  it('uses a declared goods category over the HS mapping', () => {
    const q = quote(trip({ cargoLines: [line({ hsCode: HS.furniture, goodsCategory: 'agricultural' })] }));
    expect(q.total).toBe(250_000);
    expect(q.decidingLine).toMatchObject({ goodsCategory: 'agricultural', categorySource: 'declared', reason: 'only_line' });
  });

  it('sums weights and volumes of all lines (furniture 3 t + 10 m³, phones 1 t + 20 m³: 30 m³ → 3,000,000)', () => {
    const furniture = line({ grossWeightKg: 3_000, volumeM3: 10, declaredValue: 9 });
    const q = quote(trip({ cargoLines: [furniture, line({ hsCode: HS.phones, grossWeightKg: 1_000, volumeM3: 20, declaredValue: 1 })] }));
    expect(q.load).toEqual({ weightTonnes: 4, volumeM3: 30 });
    expect(q.items[0]).toMatchObject({ basis: 'per_m3', quantity: 30, amount: 3_000_000 });
  });
});

describe('currencies of declared values', () => {
  const durian = line({ hsCode: HS.durian, grossWeightKg: 10_000, declaredValue: 100_000, currency: 'CNY' });
  const phones = line({ hsCode: HS.phones, grossWeightKg: 2_000, declaredValue: 20_000, currency: 'USD' });

  it('needs an exchange rate to compare lines in different currencies', () => {
    expect(failure(trip({ cargoLines: [durian, phones] }))).toMatchObject({ code: 'fees.exchange_rate_missing', details: { currency: 'CNY' } });
    expect(failure(trip({ cargoLines: [durian, phones] }), { exchangeRates: { CNY: 3_500 } })).toMatchObject({ details: { currency: 'USD' } });
  });

  it('compares in VND with the given rates (100,000 CNY = 350M VND < 20,000 USD = 500M VND)', () => {
    const q = quote(trip({ cargoLines: [durian, phones] }), { exchangeRates: { CNY: 3_500, USD: 25_000 } });
    expect(q.total).toBe(1_200_000);
    expect(q.decidingLine).toMatchObject({ index: 1, comparedValue: 500_000_000, comparedCurrency: 'VND' });
  });

  it('needs no rate for VND lines', () => {
    const vnd = line({ hsCode: HS.durian, declaredValue: 600_000_000, currency: 'VND' });
    const q = quote(trip({ cargoLines: [vnd, phones] }), { exchangeRates: { USD: 25_000 } });
    expect(q.decidingLine).toMatchObject({ index: 0, comparedValue: 600_000_000 });
  });

  it('needs no rate when every line uses the same foreign currency', () => {
    expect(quote(trip({ cargoLines: [durian, { ...phones, currency: 'CNY' }] })).decidingLine).toMatchObject({ index: 0, comparedCurrency: 'CNY' });
  });
});

describe('rounding', () => {
  it('rounds each line up to a whole kilogram (12,345.4 kg → 12.346 t × 25,000 = 308,650)', () => {
    const q = quote(trip({ cargoLines: [line({ hsCode: HS.durian, grossWeightKg: 12_345.4 })] }));
    expect(q.items[0]).toMatchObject({ quantity: 12.346, amount: 308_650 });
  });

  it('rounds volumes up to a whole litre without binary noise (12.3 m³ stays 12.3; 0.0001 m³ is 1 L)', () => {
    expect(quote(trip({ cargoLines: [line({ grossWeightKg: 0, volumeM3: 12.3 })] })).items[0]).toMatchObject({ quantity: 12.3, amount: 1_230_000 });
    expect(quote(trip({ cargoLines: [line({ grossWeightKg: 0, volumeM3: 0.0001 })] })).items[0]).toMatchObject({ quantity: 0.001, amount: 100 });
  });

  it('charges tonnes when tonnes and m³ are equal', () => {
    expect(quote(trip({ cargoLines: [line({ grossWeightKg: 7_000, volumeM3: 7 })] })).items[0]).toMatchObject({ basis: 'per_tonne', amount: 700_000 });
  });

  it('rounds amounts to the nearest đồng, halves up', () => {
    const odd: Tariff = {
      ...referenceTariffList.find((t) => t.id === 'cao-bang-nq39-2019')!,
      id: 'odd-rates',
      province: 'ZZ',
      rules: [{ code: 'ODD', descriptionVi: 'Thử', descriptionEn: 'Test', charge: { basis: 'per_tonne', rate: 1_500 } }],
    };
    const at = (kg: number) => quote(trip({ province: 'ZZ', cargoLines: [line({ grossWeightKg: kg })] }), undefined, [odd]).total;
    expect(at(1)).toBe(2); // 1.5 → 2
    expect(at(3)).toBe(5); // 4.5 → 5
    expect(at(1_001)).toBe(1_502); // 1501.5 → 1502
  });
});

describe('separate charges', () => {
  it.each([
    [3.99, 25_000],
    [4, 40_000],
    [9.99, 40_000],
    [10, 55_000],
  ])('vehicle disinfection for a %s t vehicle: %s', (tonnes, amount) => {
    const q = quote(trip({ vehicle: { grossTonnageCapacity: tonnes }, cargoLines: [line({ grossWeightKg: 1_000 })], options: { disinfection: true } }));
    expect(q.items[1]).toMatchObject({ basis: 'per_vehicle', quantity: 1, unitRate: amount, amount, tariffId: 'quarantine-vehicle-disinfection', verify: true });
    expect(q.total).toBe(100_000 + amount);
  });

  it('C/O issuance: 30,000 per set (3 sets: 90,000)', () => {
    const q = quote(trip({ cargoLines: [line({ grossWeightKg: 1_000 })], options: { coSets: 3 } }));
    expect(q.items[1]).toMatchObject({ code: 'CO.ISSUANCE', basis: 'per_set', quantity: 3, unitRate: 30_000, amount: 90_000 });
    expect(q.total).toBe(190_000);
  });

  it('adds nothing when not asked for (coSets 0, no disinfection)', () => {
    expect(quote(trip({ options: { coSets: 0, disinfection: false } })).items).toHaveLength(1);
  });

  it('refuses a requested charge that has no tariff in force that day', () => {
    const e = failure(trip({ date: '2020-06-01', options: { disinfection: true } }));
    expect(e).toMatchObject({ code: 'fees.no_tariff', details: { charge: 'disinfection' } });
  });

  it('are not multiplied by a province adjustment', () => {
    const q = quote(trip({ province: 'LS', gateId: 'huu-nghi', regime: 'import', vehicle: { grossTonnageCapacity: 15 }, cargoLines: [line({ origin: 'CN' })], options: { wharfOnly: true, coSets: 1 } }));
    expect(q.items.map((i) => i.amount)).toEqual([360_000, 30_000]);
  });
});

describe('input checks', () => {
  it('rejects an impossible date', () => {
    expect(failure(trip({ date: '2025-02-30' }))).toMatchObject({ code: 'fees.invalid_input', details: { field: 'date' } });
  });

  it('rejects a loaded regime without cargo lines', () => {
    expect(failure(trip({ cargoLines: [] }))).toMatchObject({ code: 'fees.invalid_input', details: { field: 'cargoLines' } });
  });

  it('rejects negative or non-numeric weights the schema would also refuse', () => {
    expect(failure(trip({ cargoLines: [line(), line({ grossWeightKg: -1 })] }))).toMatchObject({ details: { field: 'cargoLines[1]' } });
    expect(failure(trip({ cargoLines: [line({ declaredValue: Number.NaN })] })).code).toBe('fees.invalid_input');
  });

  it('rejects an unknown HS code, naming the line', () => {
    expect(failure(trip({ cargoLines: [line(), line({ hsCode: '0810.99.00' })] }))).toMatchObject({
      code: 'fees.invalid_hs_code',
      details: { field: 'cargoLines[1].hsCode', reason: 'hs.unknown_code' },
    });
  });

  it('gives bilingual messages', () => {
    const e = failure(trip({ date: '2019-01-01' }));
    expect(e.messages.vi).toMatch(/biểu phí/);
    expect(e.messages.en).toMatch(/No tariff/);
  });

  it('reports a tariff with no rule for the trip', () => {
    const narrow: Tariff = {
      ...referenceTariffList.find((t) => t.id === 'cao-bang-nq39-2019')!,
      rules: [{ code: 'ONLY_IMPORTS', descriptionVi: 'Thử', descriptionEn: 'Test', when: { regimes: ['import'] }, charge: { basis: 'per_trip', rate: 1 } }],
    };
    expect(quoteFees(trip(), [narrow])).toMatchObject({ ok: false, error: { code: 'fees.no_matching_rule' } });
  });
});

describe('schemas', () => {
  it('accepts the test trips and rejects unknown fields', () => {
    const request = trip({ containers: [{ size: '40' }], options: { coSets: 1 } });
    expect(Value.Check(QuoteRequest, request)).toBe(true);
    expect(Value.Check(QuoteRequest, { ...request, extra: 1 })).toBe(false);
    expect(Value.Check(QuoteRequest, { ...request, cargoLines: [{ ...line(), colour: 'red' }] })).toBe(false);
    expect(Value.Check(QuoteRequest, { ...request, containers: [{ size: '45' }] })).toBe(false);
    expect(Value.Check(QuoteRequest, { ...request, date: '01/06/2025' })).toBe(false);
  });

  it('describes what the engine returns', () => {
    const q = quote(trip({ province: 'LS', gateId: 'huu-nghi', regime: 'import', cargoLines: [line({ origin: 'CN' }), line({ hsCode: HS.durian })], options: { carriedInland: true, disinfection: true } }));
    expect([...Value.Errors(QuoteResponse, q)]).toEqual([]);
  });
});
