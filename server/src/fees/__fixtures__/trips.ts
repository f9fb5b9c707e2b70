import type { CargoLine, QuoteRequest } from '../fees.schemas';
import { quoteFees, type QuoteContext } from '../quote';
import type { Tariff } from '../tariff.schema';
import { loadTariffs } from '../tariffs';

// Builders for fee tests. Defaults are deliberately dull; each test states what matters.

export const referenceTariffList: Tariff[] = loadTariffs();

export const HS = {
  durian: '0810.60.00',
  vegetables: '0709.99.90',
  rice: '1006.30.30',
  poultry: '0105.11.10',
  cattle: '0102.90.90',
  diesel: '2710.19.71',
  crudeOil: '2709.00.10',
  copperOre: '2603.00.00',
  ironOre: '2601.11.00',
  phones: '8517.13.00',
  furniture: '9403.60.90',
  steel: '7208.51.00',
} as const;

export function line(overrides: Partial<CargoLine> = {}): CargoLine {
  return { hsCode: HS.furniture, grossWeightKg: 10_000, declaredValue: 10_000, currency: 'USD', origin: 'VN', ...overrides };
}

export function trip(overrides: Partial<QuoteRequest> = {}): QuoteRequest {
  return {
    province: 'CB',
    gateId: 'tra-linh',
    date: '2025-06-01',
    regime: 'export',
    vehicle: { grossTonnageCapacity: 15 },
    containers: [],
    cargoLines: [line()],
    ...overrides,
  };
}

/** The quote, or the test fails with the engine's error. */
export function quote(request: QuoteRequest, context?: QuoteContext, tariffs: readonly Tariff[] = referenceTariffList) {
  const r = quoteFees(request, tariffs, context);
  if (!r.ok) throw new Error(`expected a quote, got ${JSON.stringify(r.error)}`);
  return r.quote;
}

/** The failure, or the test fails. */
export function failure(request: QuoteRequest, context?: QuoteContext, tariffs: readonly Tariff[] = referenceTariffList) {
  const r = quoteFees(request, tariffs, context);
  if (r.ok) throw new Error(`expected a failure, got total ${r.quote.total}`);
  return r.error;
}
