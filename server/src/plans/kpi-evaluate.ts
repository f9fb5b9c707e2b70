// Whether a KPI is on track, from its target, baseline and latest actual value. Pure.

export interface KpiTarget {
  unit: string;
  targetMin: number | null;
  targetYear: number | null;
  baseline: number | null;
  baselineYear: number | null;
}

export interface YearValue {
  year: number;
  value: number;
}

const RATE_UNITS = new Set(['percent_per_year', 'count_per_year']);

/**
 * A yearly rate (growth %/year, new enterprises/year) is on track when this year's value reaches
 * the minimum. A level to reach by a target year (100 % electronic, 2 logistics centres) is on
 * track when it has reached the minimum, or when it is at or above the straight line from the
 * baseline (or the first recorded value) to the minimum in the target year. With nothing to
 * compare against the answer is null: unknown, not "off track".
 */
export function onTrack(k: KpiTarget, actual: YearValue | null, first: YearValue | null): boolean | null {
  if (!actual || k.targetMin === null) return null;
  if (RATE_UNITS.has(k.unit)) return actual.value >= k.targetMin;
  if (actual.value >= k.targetMin) return true;
  if (k.targetYear !== null && actual.year >= k.targetYear) return false;
  const base = k.baseline !== null && k.baselineYear !== null ? { year: k.baselineYear, value: k.baseline } : first;
  if (!base || k.targetYear === null || base.year >= actual.year || base.year >= k.targetYear) return null;
  const expected = base.value + ((k.targetMin - base.value) * (actual.year - base.year)) / (k.targetYear - base.year);
  return actual.value >= expected - 1e-9;
}
