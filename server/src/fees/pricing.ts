import type { FeeAdjustment, FeeItem } from './fees.schemas';
import type { Adjustment, Rule, Tariff } from './tariff.schema';
import type { TripFacts } from './conditions';

// Turns a matched rule into fee items. Rounding, documented in reference/tariffs/README.md:
// - weights are charged per kilogram (each line's gross weight rounded up to a whole kg) and
//   volumes per litre (each line's volume rounded up to a whole litre): tonnes and m³ to 3 decimals;
// - "per tonne or m³" charges the larger of the two, tonnes when equal;
// - an adjusted unit rate (rate × percent × percent …) is rounded to the nearest đồng;
// - each item's amount is rounded to the nearest đồng, halves up. Integer arithmetic throughout.

/** The whole load in thousandths of a tonne (kg) and of a cubic metre (litres). */
export interface Load {
  kg: number;
  litres: number;
}

/** Rounds a non-negative number up to a whole unit, ignoring binary noise (12300.000000000002 → 12300). */
export function roundUp(value: number): number {
  return Math.ceil(Number(value.toFixed(6)));
}

/** Rounds a non-negative measure up to thousandths: m³ → litres (12.3 m³ → 12300 L). */
export function toThousandths(value: number): number {
  return roundUp(value * 1000);
}

const roundHalfUp = (x: number) => Math.floor(x + 0.5);

function item(rule: Rule, tariff: Tariff, basis: FeeItem['basis'], quantity: number, unitRate: number, amount: number): FeeItem {
  return {
    code: rule.code,
    descriptionVi: rule.descriptionVi,
    descriptionEn: rule.descriptionEn,
    basis,
    quantity,
    unitRate,
    amount,
    legalBasis: tariff.legalBasis.number,
    tariffId: tariff.id,
    verify: rule.verify === true,
  };
}

/**
 * Items for a matched rule, with the unit rate multiplied by the applicable adjustments'
 * percentages (100 = unchanged).
 */
export function priceRule(rule: Rule, tariff: Tariff, facts: TripFacts, load: Load, coSets: number, adjustments: Adjustment[] = []): FeeItem[] {
  // rate × p1/100 × p2/100 … as one integer fraction, so 25,000 × 130% is exactly 32,500.
  const numerator = adjustments.reduce((n, a) => n * a.percent, 1);
  const denominator = 100 ** adjustments.length;
  const adjust = (rate: number) => Math.floor((2 * rate * numerator + denominator) / (2 * denominator));
  const extra = (rate: number): Partial<FeeItem> =>
    adjustments.length === 0 ? {} : { baseUnitRate: rate, adjustments: adjustments.map(describe) };

  const c = rule.charge;
  if (c.basis === 'per_container') {
    // Largest first; a truck with mixed sizes pays for each container.
    return (['40', '20'] as const)
      .filter((size) => facts.containerCounts[size] > 0)
      .map((size) => {
        const n = facts.containerCounts[size];
        const rate = adjust(c.rates[size]);
        return { ...item(rule, tariff, 'per_container', n, rate, n * rate), ...extra(c.rates[size]) };
      });
  }
  const rate = adjust(c.rate);
  let basis: FeeItem['basis'];
  let thousandths: number;
  switch (c.basis) {
    case 'per_tonne':
    case 'per_m3':
      basis = c.basis;
      thousandths = c.basis === 'per_tonne' ? load.kg : load.litres;
      break;
    case 'per_tonne_or_m3':
      basis = load.litres > load.kg ? 'per_m3' : 'per_tonne';
      thousandths = Math.max(load.kg, load.litres);
      break;
    case 'per_set':
      return [{ ...item(rule, tariff, 'per_set', coSets, rate, coSets * rate), ...extra(c.rate) }];
    default:
      return [{ ...item(rule, tariff, c.basis, 1, rate, rate), ...extra(c.rate) }];
  }
  const amount = roundHalfUp((thousandths * rate) / 1000);
  return [{ ...item(rule, tariff, basis, thousandths / 1000, rate, amount), ...extra(c.rate) }];
}

function describe(a: Adjustment): FeeAdjustment {
  return { code: a.code, percent: a.percent, descriptionVi: a.descriptionVi, descriptionEn: a.descriptionEn };
}
