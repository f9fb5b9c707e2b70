import { describe, expect, it } from 'vitest';
import { failure, HS, line, quote, trip } from './__fixtures__/trips';
import type { QuoteRequest } from './fees.schemas';

// Lạng Sơn, Resolution 09/2025/NQ-HĐND (from 2025-05-08): per-trip rates by tonnage or container,
// goods and regime. The two published examples are checked as such; the other bands are the
// figures of reference/tariffs/lang-son-nq09-2025.json, which marks them "verify".

const ls = (request: Partial<QuoteRequest>) => quote(trip({ province: 'LS', gateId: 'huu-nghi', date: '2025-06-01', ...request }));

describe('Lạng Sơn: published examples', () => {
  it('vehicle under 2 t with fresh vegetables for export: 100,000 per trip', () => {
    const q = ls({ regime: 'export', vehicle: { grossTonnageCapacity: 1.5 }, cargoLines: [line({ hsCode: HS.vegetables, grossWeightKg: 1_200 })] });
    expect(q.tariffId).toBe('lang-son-nq09-2025');
    expect(q.items).toEqual([
      expect.objectContaining({ code: 'LS09.EXPORT.AGRI.LT2', basis: 'per_trip', quantity: 1, unitRate: 100_000, amount: 100_000, verify: false }),
    ]);
    expect(q.total).toBe(100_000);
  });

  it('40-ft container of agricultural goods under temporary import for re-export: 4,000,000 per trip', () => {
    const q = ls({ regime: 'temporary_import_reexport', vehicle: {}, containers: [{ size: '40' }], cargoLines: [line({ hsCode: HS.durian, origin: 'TH' })] });
    expect(q.items).toEqual([expect.objectContaining({ code: 'LS09.TNTX.AGRI.C40', unitRate: 4_000_000, amount: 4_000_000, verify: false })]);
  });

  it('the weight of the load does not change a per-trip fee', () => {
    const light = ls({ vehicle: { grossTonnageCapacity: 1.5 }, cargoLines: [line({ hsCode: HS.vegetables, grossWeightKg: 300 })] });
    const full = ls({ vehicle: { grossTonnageCapacity: 1.5 }, cargoLines: [line({ hsCode: HS.vegetables, grossWeightKg: 1_999 })] });
    expect(light.total).toBe(100_000);
    expect(full.total).toBe(100_000);
  });
});

describe('Lạng Sơn: bands (verify)', () => {
  it.each([
    [1.99, 100_000],
    [2, 200_000],
    [4.99, 200_000],
    [5, 300_000],
    [10, 500_000],
    [17.99, 500_000],
    [18, 700_000],
    [40, 700_000],
  ])('agricultural export, vehicle of %s t: %s', (tonnes, amount) => {
    expect(ls({ vehicle: { grossTonnageCapacity: tonnes }, cargoLines: [line({ hsCode: HS.durian })] }).total).toBe(amount);
  });

  it('charges a container truck by its container, whatever its tonnage', () => {
    const q = ls({ regime: 'import', vehicle: { grossTonnageCapacity: 1 }, containers: [{ size: '20' }], cargoLines: [line({ origin: 'CN' })] });
    expect(q.items[0]).toMatchObject({ code: 'LS09.IMPORT.OTHER.C20', amount: 2_000_000, verify: true });
  });

  it('charges by the 40-ft container when a truck carries both sizes', () => {
    const q = ls({ regime: 'import', containers: [{ size: '20' }, { size: '40' }], cargoLines: [line({ origin: 'CN' })] });
    expect(q.items).toHaveLength(1);
    expect(q.items[0]).toMatchObject({ code: 'LS09.IMPORT.OTHER.C40', amount: 2_500_000 });
  });

  it('transit and bonded-warehouse goods share the re-export rows (other goods, 40-ft: 5,000,000)', () => {
    for (const regime of ['transit', 'bonded_warehouse', 'temporary_import_reexport'] as const) {
      expect(ls({ regime, containers: [{ size: '40' }], cargoLines: [line({ origin: 'CN' })] }).total).toBe(5_000_000);
    }
  });

  it('asks for the vehicle tonnage of a truck without containers', () => {
    expect(failure(trip({ province: 'LS', gateId: 'huu-nghi', vehicle: {} }))).toMatchObject({
      code: 'fees.missing_input',
      details: { field: 'vehicle.grossTonnageCapacity' },
    });
  });
});

describe('Lạng Sơn: multipliers', () => {
  it('ore for export pays five times the rate (18 t or more: 1,000,000 × 5 = 5,000,000)', () => {
    const q = ls({ regime: 'export', vehicle: { grossTonnageCapacity: 30 }, cargoLines: [line({ hsCode: HS.copperOre, grossWeightKg: 30_000 })] });
    expect(q.items[0]).toMatchObject({
      code: 'LS09.EXPORT.OTHER.GE18',
      baseUnitRate: 1_000_000,
      unitRate: 5_000_000,
      amount: 5_000_000,
      adjustments: [expect.objectContaining({ code: 'LS09.ADJ.ORE_EXPORT', percent: 500 })],
    });
    expect(q.total).toBe(5_000_000);
  });

  it('ore that is imported is not multiplied (10-18 t import: 1,200,000)', () => {
    const q = ls({ regime: 'import', vehicle: { grossTonnageCapacity: 15 }, cargoLines: [line({ hsCode: HS.ironOre, origin: 'LA' })] });
    expect(q.items[0]).not.toHaveProperty('adjustments');
    expect(q.total).toBe(1_200_000);
  });

  it('imports carried inland pay 130% (10-18 t other goods: 1,200,000 → 1,560,000)', () => {
    const q = ls({ regime: 'import', vehicle: { grossTonnageCapacity: 15 }, cargoLines: [line({ origin: 'CN' })], options: { carriedInland: true } });
    expect(q.items[0]).toMatchObject({ baseUnitRate: 1_200_000, unitRate: 1_560_000, amount: 1_560_000 });
    expect(q.items[0].adjustments?.map((a) => a.code)).toEqual(['LS09.ADJ.IMPORT_INLAND']);
  });

  it('carrying goods inland does not raise an export fee', () => {
    const q = ls({ regime: 'export', vehicle: { grossTonnageCapacity: 15 }, cargoLines: [line()], options: { carriedInland: true } });
    expect(q.total).toBe(800_000);
  });

  it('wharf-only transfer pays 30% (agricultural import, 20-ft: 1,500,000 → 450,000)', () => {
    const q = ls({ regime: 'import', containers: [{ size: '20' }], cargoLines: [line({ hsCode: HS.durian, origin: 'TH' })], options: { wharfOnly: true } });
    expect(q.items[0]).toMatchObject({ code: 'LS09.IMPORT.AGRI.C20', baseUnitRate: 1_500_000, unitRate: 450_000, amount: 450_000 });
  });

  it('multipliers combine (ore export transferred at the wharf, 5-10 t: 500,000 × 5 × 30% = 750,000)', () => {
    const q = ls({ regime: 'export', vehicle: { grossTonnageCapacity: 8 }, cargoLines: [line({ hsCode: HS.ironOre })], options: { wharfOnly: true } });
    expect(q.items[0]).toMatchObject({ baseUnitRate: 500_000, unitRate: 750_000, amount: 750_000 });
    expect(q.items[0].adjustments?.map((a) => a.percent)).toEqual([500, 30]);
  });

  it('rejects a trip both carried inland and transferred at the wharf only', () => {
    const e = failure(trip({ province: 'LS', gateId: 'huu-nghi', regime: 'import', options: { carriedInland: true, wharfOnly: true } }));
    expect(e.code).toBe('fees.conflicting_options');
  });
});

describe('Lạng Sơn: scope', () => {
  it('has no tariff before 2025-05-08 (Resolution 01/2019 is not encoded)', () => {
    expect(failure(trip({ province: 'LS', gateId: 'huu-nghi', date: '2025-05-07' })).code).toBe('fees.no_tariff');
    expect(ls({ date: '2025-05-08' }).effectiveFrom).toBe('2025-05-08');
  });

  it('applies the mixed-load rule too: the most valuable goods set the rate', () => {
    const q = ls({
      vehicle: { grossTonnageCapacity: 1.5 },
      cargoLines: [line({ hsCode: HS.vegetables, declaredValue: 500 }), line({ hsCode: HS.phones, declaredValue: 5_000 })],
    });
    expect(q.total).toBe(150_000);
    expect(q.decidingLine).toMatchObject({ index: 1, goodsCategory: 'other', reason: 'highest_declared_value' });
  });

  it('does not apply Cao Bằng or Lạng Sơn rates across provinces', () => {
    expect(failure(trip({ province: 'TQ', gateId: 'thanh-thuy' })).code).toBe('fees.no_tariff');
  });
});
