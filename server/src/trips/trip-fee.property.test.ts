import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CargoLineInput, TripFields } from '../../../shared/schemas/trips';
import type { VehicleRow } from '../fleet/fleet.repository';
import type { GateRow } from '../gates/gates.repository';
import { tripFee } from './trip-fee';

// A trip described with its cargo lines in another order is the same trip: its fee, from the
// same tariff, must not change. Lines mix currencies, origins and ties on declared value.

const gate = { id: 'tra-linh', province: 'CB' } as GateRow;
const HS = ['0810.60.00', '0709.99.90', '2710.19.71', '9403.60.90', '0105.11.10', '2603.00.00', '8517.13.00'];

const line: fc.Arbitrary<CargoLineInput> = fc.record({
  hsCode: fc.constantFrom(...HS),
  description: fc.constant('hàng'),
  packages: fc.constant(1),
  quantity: fc.constant(1),
  unit: fc.constant('KGM'),
  grossWeightKg: fc.integer({ min: 0, max: 6_000 }),
  volumeM3: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
  declaredValue: fc.constantFrom(0, 1_000, 5_000, 20_000),
  currency: fc.constantFrom('USD', 'CNY', 'VND'),
  origin: fc.constantFrom('VN', 'CN', 'TH'),
  taxableImport: fc.boolean(),
});

const trip = fc.record({
  direction: fc.constantFrom('export' as const, 'import' as const, 'transit' as const, 'temporary_import_reexport' as const),
  tonnage: fc.constantFrom(8, 10, 15, 18, 25),
  containers: fc.array(fc.record({ number: fc.constant('CSQU3054383'), size: fc.constantFrom('20' as const, '40' as const) }), { maxLength: 2 }),
  lines: fc.array(line, { minLength: 2, maxLength: 6 }),
  disinfection: fc.boolean(),
});

type TripCase = typeof trip extends fc.Arbitrary<infer T> ? T : never;

function fields(t: TripCase, lines: CargoLineInput[]): Required<TripFields> {
  return {
    direction: t.direction, gateId: 'tra-linh', plannedDate: '2027-03-03', window: { from: '08:00', to: '11:00' }, vehicleId: 'v', driverId: 'd',
    containers: t.containers, cargoLines: lines, documents: [], options: { disinfection: t.disinfection }, notes: null,
  };
}

describe('trip fee', () => {
  it('is the same whatever the order of the cargo lines', () => {
    let priced = 0;
    fc.assert(
      fc.property(
        trip.chain((t) => fc.shuffledSubarray(t.lines, { minLength: t.lines.length, maxLength: t.lines.length }).map((shuffled) => [t, shuffled] as const)),
        ([t, shuffled]) => {
          const vehicle = { tonnage_capacity: t.tonnage, axles: 3 } as VehicleRow;
          const a = tripFee(fields(t, t.lines), gate, vehicle);
          const b = tripFee(fields(t, shuffled), gate, vehicle);
          expect(b.ok).toBe(a.ok);
          if (a.ok && b.ok) {
            priced++;
            expect(b.total).toBe(a.total);
            expect(b.quote?.items).toEqual(a.quote?.items);
          } else if (!a.ok && !b.ok) expect(b.problem.code).toBe(a.problem.code);
        },
      ),
      { numRuns: 200 },
    );
    // Most random trips are priced, so the property is about fees and not only about refusals.
    expect(priced).toBeGreaterThan(150);
  });
});
