import type { ContainerSize, GoodsCategory, Regime } from './fees.schemas';
import type { BaseCondition, Condition, Definition, OptionFlag } from './tariff.schema';

// Evaluates a tariff rule's condition against the facts of a trip. Three-valued: a condition
// that needs a fact the request did not give (the vehicle's tonnage, whether an import is
// taxable) is "missing" rather than false, so the quote asks for it instead of guessing.

export interface TripFacts {
  regime: Regime;
  /** From the cargo line that decides the rate; undefined for an empty vehicle. */
  goodsCategory?: GoodsCategory;
  origin?: 'domestic' | 'foreign';
  taxableImport?: boolean;
  containerCounts: Record<ContainerSize, number>;
  vehicleTonnage?: number;
  options: ReadonlySet<OptionFlag>;
  /** Request paths named when a fact is missing. */
  paths: { taxableImport: string; vehicleTonnage: string };
}

export type Truth = true | false | { missing: string };

function and(values: Truth[]): Truth {
  if (values.includes(false)) return false;
  return values.find((v) => v !== true) ?? true;
}

function or(values: Truth[]): Truth {
  if (values.includes(true)) return true;
  return values.find((v) => v !== false) ?? false;
}

function base(c: BaseCondition, f: TripFacts): Truth[] {
  const out: Truth[] = [];
  if (c.regimes) out.push(c.regimes.includes(f.regime));
  if (c.goodsCategories) out.push(f.goodsCategory !== undefined && c.goodsCategories.includes(f.goodsCategory));
  if (c.origin) out.push(f.origin === c.origin);
  if (c.taxableImport !== undefined) {
    out.push(f.taxableImport === undefined ? { missing: f.paths.taxableImport } : f.taxableImport === c.taxableImport);
  }
  const containers = f.containerCounts['20'] + f.containerCounts['40'];
  if (c.containerized !== undefined) out.push(c.containerized === containers > 0);
  if (c.containerSizes) out.push(c.containerSizes.some((s) => f.containerCounts[s] > 0));
  if (c.vehicleTonnage) {
    const t = f.vehicleTonnage;
    const { min, below } = c.vehicleTonnage;
    out.push(t === undefined ? { missing: f.paths.vehicleTonnage } : (min === undefined || t >= min) && (below === undefined || t < below));
  }
  if (c.options) out.push(c.options.every((o) => f.options.has(o)));
  return out;
}

function withAnyOf(c: Definition, f: TripFacts): Truth[] {
  const out = base(c, f);
  if (c.anyOf) out.push(or(c.anyOf.map((alt) => and(base(alt, f)))));
  return out;
}

// A false key outweighs a missing fact (a missing tonnage does not matter to a rule for another
// regime), and in anyOf a true alternative does too.
export function evaluate(c: Condition | undefined, f: TripFacts, definitions: Record<string, Definition> = {}): Truth {
  if (!c) return true;
  const out = withAnyOf(c, f);
  for (const name of c.is ?? []) out.push(and(withAnyOf(definitions[name], f)));
  return and(out);
}
