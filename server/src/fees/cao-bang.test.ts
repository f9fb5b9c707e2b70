import { describe, expect, it } from 'vitest';
import { failure, HS, line, quote, trip } from './__fixtures__/trips';
import type { QuoteRequest } from './fees.schemas';

// One test per row of the Cao Bằng table (Resolution 39/2019/NQ-HĐND, domain brief §5).
// Expected amounts are worked out by hand from the published rates.

function single(request: Partial<QuoteRequest>) {
  const q = quote(trip({ province: 'CB', gateId: 'tra-linh', ...request }));
  expect(q.tariffId).toBe('cao-bang-nq39-2019');
  expect(q.items).toHaveLength(1);
  expect(q.total).toBe(q.items[0].amount);
  return q.items[0];
}

describe('Cao Bằng: temporary import for re-export and bonded-warehouse goods', () => {
  it('40-ft container: 6,500,000 per container', () => {
    const item = single({ regime: 'temporary_import_reexport', containers: [{ size: '40' }], cargoLines: [line({ hsCode: HS.phones })] });
    expect(item).toMatchObject({ code: 'CB39.TNTX.CONTAINER', basis: 'per_container', quantity: 1, unitRate: 6_500_000, amount: 6_500_000 });
  });

  it('20-ft containers: 5,500,000 per container (two on one truck: 11,000,000)', () => {
    const item = single({ regime: 'bonded_warehouse', containers: [{ size: '20' }, { size: '20' }] });
    expect(item).toMatchObject({ basis: 'per_container', quantity: 2, unitRate: 5_500_000, amount: 11_000_000 });
  });

  it('not containerised: 200,000 per tonne (12.5 t: 2,500,000)', () => {
    const item = single({ regime: 'temporary_import_reexport', cargoLines: [line({ grossWeightKg: 12_500, volumeM3: 40 })] });
    // Per tonne only: the row does not say "or m³", so the 40 m³ are not charged.
    expect(item).toMatchObject({ code: 'CB39.TNTX.BULK', basis: 'per_tonne', quantity: 12.5, unitRate: 200_000, amount: 2_500_000 });
  });

  it('applies to agricultural goods too (TNTX durian in a 40-ft container: 6,500,000)', () => {
    const item = single({ regime: 'temporary_import_reexport', containers: [{ size: '40' }], cargoLines: [line({ hsCode: HS.durian, origin: 'TH' })] });
    expect(item.amount).toBe(6_500_000);
  });
});

describe('Cao Bằng: transit and foreign-origin goods', () => {
  it('40-ft container: 6,500,000 per container', () => {
    const item = single({ regime: 'transit', containers: [{ size: '40' }], cargoLines: [line({ hsCode: HS.phones, origin: 'CN' })] });
    expect(item).toMatchObject({ code: 'CB39.TRANSIT.CONTAINER', basis: 'per_container', quantity: 1, unitRate: 6_500_000, amount: 6_500_000 });
  });

  it('20-ft container of foreign-origin goods exported: 5,500,000 per container', () => {
    const item = single({ regime: 'export', containers: [{ size: '20' }], cargoLines: [line({ hsCode: HS.steel, origin: 'CN' })] });
    expect(item).toMatchObject({ code: 'CB39.TRANSIT.CONTAINER', quantity: 1, unitRate: 5_500_000, amount: 5_500_000 });
  });

  it('petroleum: 70,000 per tonne (15 t of diesel: 1,050,000)', () => {
    const item = single({ regime: 'transit', cargoLines: [line({ hsCode: HS.diesel, origin: 'CN', grossWeightKg: 15_000, volumeM3: 18 })] });
    expect(item).toMatchObject({ code: 'CB39.TRANSIT.PETROLEUM', basis: 'per_tonne', quantity: 15, unitRate: 70_000, amount: 1_050_000 });
  });

  it('crude oil (heading 2709) is petroleum too (8 t: 560,000)', () => {
    const item = single({ regime: 'transit', cargoLines: [line({ hsCode: HS.crudeOil, origin: 'CN', grossWeightKg: 8_000 })] });
    expect(item.amount).toBe(560_000);
  });

  it('other goods: 200,000 per tonne when tonnes exceed m³ (10 t, 8 m³: 2,000,000)', () => {
    const item = single({ regime: 'transit', cargoLines: [line({ origin: 'CN', grossWeightKg: 10_000, volumeM3: 8 })] });
    expect(item).toMatchObject({ code: 'CB39.TRANSIT.OTHER', basis: 'per_tonne', quantity: 10, unitRate: 200_000, amount: 2_000_000 });
  });

  it('other goods: 200,000 per m³ when m³ exceed tonnes (5 t, 30 m³: 6,000,000)', () => {
    const item = single({ regime: 'export', cargoLines: [line({ origin: 'CN', grossWeightKg: 5_000, volumeM3: 30 })] });
    expect(item).toMatchObject({ code: 'CB39.TRANSIT.OTHER', basis: 'per_m3', quantity: 30, unitRate: 200_000, amount: 6_000_000 });
  });

  it('agricultural goods, vehicle of 18 t or more: 5,500,000 per vehicle', () => {
    const item = single({ regime: 'transit', vehicle: { grossTonnageCapacity: 25 }, cargoLines: [line({ hsCode: HS.durian, origin: 'TH', grossWeightKg: 22_000 })] });
    expect(item).toMatchObject({ code: 'CB39.TRANSIT.AGRI.LARGE', basis: 'per_vehicle', quantity: 1, unitRate: 5_500_000, amount: 5_500_000 });
  });

  it('agricultural goods in a 40-ft container: 5,500,000 per vehicle, not the 6,500,000 container rate', () => {
    const item = single({ regime: 'transit', vehicle: {}, containers: [{ size: '40' }], cargoLines: [line({ hsCode: HS.durian, origin: 'TH' })] });
    expect(item).toMatchObject({ code: 'CB39.TRANSIT.AGRI.LARGE', amount: 5_500_000 });
  });

  it('agricultural goods, vehicle of 10 t to under 18 t: 4,500,000 per vehicle', () => {
    const item = single({ regime: 'transit', vehicle: { grossTonnageCapacity: 15 }, cargoLines: [line({ hsCode: HS.rice, origin: 'TH' })] });
    expect(item).toMatchObject({ code: 'CB39.TRANSIT.AGRI.MEDIUM', basis: 'per_vehicle', quantity: 1, unitRate: 4_500_000, amount: 4_500_000 });
  });

  it('agricultural goods in a 20-ft container: 4,500,000 per vehicle', () => {
    const item = single({ regime: 'export', vehicle: { grossTonnageCapacity: 30 }, containers: [{ size: '20' }], cargoLines: [line({ hsCode: HS.rice, origin: 'TH' })] });
    // A 30 t vehicle is in the 18 t band: "vehicle ≥ 18 t or 40-ft" comes first.
    expect(item.amount).toBe(5_500_000);
    const small = single({ regime: 'export', vehicle: { grossTonnageCapacity: 8 }, containers: [{ size: '20' }], cargoLines: [line({ hsCode: HS.rice, origin: 'TH' })] });
    expect(small).toMatchObject({ code: 'CB39.TRANSIT.AGRI.MEDIUM', amount: 4_500_000 });
  });

  it('agricultural goods, other vehicles: 100,000 per tonne (8 t truck, 7.5 t load: 750,000)', () => {
    const item = single({ regime: 'transit', vehicle: { grossTonnageCapacity: 8 }, cargoLines: [line({ hsCode: HS.vegetables, origin: 'CN', grossWeightKg: 7_500 })] });
    expect(item).toMatchObject({ code: 'CB39.TRANSIT.AGRI.OTHER', basis: 'per_tonne', quantity: 7.5, unitRate: 100_000, amount: 750_000 });
  });

  describe('vehicle tonnage boundaries', () => {
    const agri = (tonnes: number) =>
      single({ regime: 'transit', vehicle: { grossTonnageCapacity: tonnes }, cargoLines: [line({ hsCode: HS.durian, origin: 'TH', grossWeightKg: 6_000 })] });
    it('exactly 18 t: 5,500,000', () => expect(agri(18).amount).toBe(5_500_000));
    it('just below 18 t (17.99 t): 4,500,000', () => expect(agri(17.99).amount).toBe(4_500_000));
    it('exactly 10 t: 4,500,000', () => expect(agri(10).amount).toBe(4_500_000));
    it('just below 10 t (9.99 t): 100,000 per tonne of the 6 t load, 600,000', () => {
      expect(agri(9.99)).toMatchObject({ code: 'CB39.TRANSIT.AGRI.OTHER', amount: 600_000 });
    });
  });

  it('asks for the vehicle tonnage when the agricultural band depends on it', () => {
    const e = failure(trip({ regime: 'transit', vehicle: {}, cargoLines: [line({ hsCode: HS.durian, origin: 'TH' })] }));
    expect(e).toMatchObject({ code: 'fees.missing_input', details: { field: 'vehicle.grossTonnageCapacity' } });
  });
});

describe('Cao Bằng: ordinary export and import', () => {
  it('Vietnamese agricultural goods for export: 25,000 per tonne (15 t of durian: 375,000)', () => {
    const item = single({ regime: 'export', cargoLines: [line({ hsCode: HS.durian, origin: 'VN', grossWeightKg: 15_000, volumeM3: 12 })] });
    expect(item).toMatchObject({ code: 'CB39.ORDINARY.REDUCED', basis: 'per_tonne', quantity: 15, unitRate: 25_000, amount: 375_000 });
  });

  it('Vietnamese agricultural goods by volume when m³ exceed tonnes (4 t, 20 m³: 500,000)', () => {
    const item = single({ regime: 'export', cargoLines: [line({ hsCode: HS.vegetables, grossWeightKg: 4_000, volumeM3: 20 })] });
    expect(item).toMatchObject({ basis: 'per_m3', quantity: 20, amount: 500_000 });
  });

  it('live poultry for export: 25,000 per tonne (2 t: 50,000)', () => {
    const item = single({ regime: 'export', cargoLines: [line({ hsCode: HS.poultry, grossWeightKg: 2_000 })] });
    expect(item).toMatchObject({ code: 'CB39.ORDINARY.REDUCED', amount: 50_000 });
  });

  it('live cattle for export: 25,000 per tonne (9 t: 225,000)', () => {
    const item = single({ regime: 'export', cargoLines: [line({ hsCode: HS.cattle, grossWeightKg: 9_000 })] });
    expect(item.amount).toBe(225_000);
  });

  it('taxable imports: 25,000 per tonne (20 t of steel: 500,000)', () => {
    const item = single({ regime: 'import', cargoLines: [line({ hsCode: HS.steel, origin: 'CN', grossWeightKg: 20_000, taxableImport: true })] });
    expect(item).toMatchObject({ code: 'CB39.ORDINARY.REDUCED', basis: 'per_tonne', quantity: 20, unitRate: 25_000, amount: 500_000 });
  });

  it('other goods for export: 100,000 per tonne (5 t of furniture: 500,000)', () => {
    const item = single({ regime: 'export', cargoLines: [line({ hsCode: HS.furniture, grossWeightKg: 5_000 })] });
    expect(item).toMatchObject({ code: 'CB39.ORDINARY.OTHER', basis: 'per_tonne', quantity: 5, unitRate: 100_000, amount: 500_000 });
  });

  it('other goods by volume (3 t, 25.5 m³: 2,550,000)', () => {
    const item = single({ regime: 'export', cargoLines: [line({ grossWeightKg: 3_000, volumeM3: 25.5 })] });
    expect(item).toMatchObject({ basis: 'per_m3', quantity: 25.5, amount: 2_550_000 });
  });

  it('non-taxable imports: 100,000 per tonne (10 t: 1,000,000)', () => {
    const item = single({ regime: 'import', cargoLines: [line({ hsCode: HS.durian, origin: 'TH', grossWeightKg: 10_000, taxableImport: false })] });
    expect(item).toMatchObject({ code: 'CB39.ORDINARY.OTHER', amount: 1_000_000 });
  });

  it('containerised ordinary goods are still charged by weight (40-ft, 24 t of furniture: 2,400,000)', () => {
    const item = single({ regime: 'export', containers: [{ size: '40' }], cargoLines: [line({ grossWeightKg: 24_000 })] });
    expect(item).toMatchObject({ code: 'CB39.ORDINARY.OTHER', amount: 2_400_000 });
  });

  it('Vietnamese ore for export is "other goods" (30 t of iron ore: 3,000,000)', () => {
    const item = single({ regime: 'export', cargoLines: [line({ hsCode: HS.ironOre, grossWeightKg: 30_000 })] });
    expect(item).toMatchObject({ code: 'CB39.ORDINARY.OTHER', amount: 3_000_000 });
  });

  it('asks whether an import is taxable instead of guessing', () => {
    const e = failure(trip({ regime: 'import', cargoLines: [line({ origin: 'CN' })] }));
    expect(e).toMatchObject({ code: 'fees.missing_input', details: { field: 'cargoLines[0].taxableImport' } });
  });
});

describe('Cao Bằng: scope', () => {
  it('has no tariff before 2020-01-01 and applies from that day', () => {
    expect(failure(trip({ date: '2019-12-31' }))).toMatchObject({ code: 'fees.no_tariff', details: { province: 'CB', date: '2019-12-31' } });
    expect(quote(trip({ date: '2020-01-01' }))).toMatchObject({ tariffId: 'cao-bang-nq39-2019', tariffVersion: 1, effectiveFrom: '2020-01-01' });
  });

  it('applies at every Cao Bằng gate', () => {
    for (const gateId of ['tra-linh', 'ta-lung', 'soc-giang', 'ly-van', 'po-peo']) {
      expect(quote(trip({ gateId })).total).toBe(1_000_000);
    }
  });

  it('does not cover empty vehicles', () => {
    expect(failure(trip({ regime: 'empty_return', cargoLines: [] }))).toMatchObject({ code: 'fees.unsupported_regime' });
  });

  it('cites the resolution on every item', () => {
    const q = quote(trip());
    expect(q.legalBasis.number).toBe('39/2019/NQ-HĐND');
    expect(q.items[0]).toMatchObject({ legalBasis: '39/2019/NQ-HĐND', tariffId: 'cao-bang-nq39-2019', verify: false });
  });
});
