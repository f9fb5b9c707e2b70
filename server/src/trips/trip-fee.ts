import type { TripCheckError, TripFields } from '../../../shared/schemas/trips';
import type { FeeQuote, QuoteRequest } from '../fees/fees.schemas';
import { quoteFees } from '../fees/quote';
import { referenceTariffs } from '../fees/tariffs';
import type { VehicleRow } from '../fleet/fleet.repository';
import type { GateRow } from '../gates/gates.repository';
import { checkError } from './check-error';
import { exchangeRatesOn } from './rules';

// The fee of a trip is the public quote of the same facts: the trip's gate, planned date,
// direction (as the customs regime), vehicle, containers, cargo lines and options.

export type TripFee = { ok: true; total: number; quote: FeeQuote | null } | { ok: false; problem: TripCheckError };

export function quoteRequestFor(f: Required<TripFields>, gate: GateRow, vehicle: VehicleRow): QuoteRequest {
  return {
    province: gate.province,
    gateId: gate.id,
    date: f.plannedDate!,
    regime: f.direction!,
    vehicle: { grossTonnageCapacity: vehicle.tonnage_capacity, axles: vehicle.axles },
    containers: f.containers.map((c) => ({ size: c.size })),
    cargoLines: f.cargoLines.map((l) => ({
      hsCode: l.hsCode!,
      ...(l.description ? { description: l.description } : {}),
      grossWeightKg: l.grossWeightKg!,
      ...(l.volumeM3 != null ? { volumeM3: l.volumeM3 } : {}),
      declaredValue: l.declaredValue!,
      currency: l.currency!,
      origin: l.origin!,
      ...(l.goodsCategory ? { goodsCategory: l.goodsCategory } : {}),
      ...(l.taxableImport != null ? { taxableImport: l.taxableImport } : {}),
    })),
    options: {
      ...(f.options.carriedInland ? { carriedInland: true } : {}),
      ...(f.options.wharfOnly ? { wharfOnly: true } : {}),
      ...(f.options.disinfection ? { disinfection: true } : {}),
      ...(f.options.coSets ? { coSets: f.options.coSets } : {}),
    },
  };
}

/** "cargoLines[2].taxableImport" → "/cargoLines/2/taxableImport"; vehicle facts point at the vehicle. */
function pathOf(details: Record<string, unknown>): string {
  const field = typeof details.field === 'string' ? details.field : null;
  if (!field) return '/';
  if (field.startsWith('vehicle.')) return '/vehicleId';
  if (field.startsWith('options.')) return `/options/${field.slice(8)}`;
  return `/${field.replace(/\[(\d+)\]/g, '/$1').replace(/\./g, '/')}`;
}

export function tripFee(f: Required<TripFields>, gate: GateRow, vehicle: VehicleRow): TripFee {
  const request = quoteRequestFor(f, gate, vehicle);
  const result = quoteFees(request, referenceTariffs(), { exchangeRates: exchangeRatesOn(request.date) });
  if (result.ok) return { ok: true, total: result.quote.total, quote: result.quote };
  const { code, details } = result.error;
  // No gate-area fee is set for this province (no tariff in force), or the tariff does not
  // charge vehicles returning empty: the platform charges nothing rather than inventing a rate.
  const noPrimary = code === 'fees.no_tariff' && details.charge === undefined;
  if (noPrimary || (code === 'fees.unsupported_regime' && f.direction === 'empty_return')) return { ok: true, total: 0, quote: null };
  return { ok: false, problem: checkError(pathOf(details), code) };
}
