import { readDataset } from '../../db/reference-data';

// Declared values are kept in their currencies; a VND figure is computed, and labelled as such,
// with the indicative rates the trips capability keeps (reference/trips/exchange-rates.json).

export interface RateTable {
  effectiveFrom: string;
  rates: Record<string, number>;
}

let tables: RateTable[] | null = null;

function rateTables(): RateTable[] {
  tables ??= [...readDataset<{ tables: RateTable[] }>('trips/exchange-rates.json').data.tables].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  return tables;
}

/** The table in force on a date (the earliest one for dates before every table). */
export function rateTableOn(date: string): RateTable {
  const all = rateTables();
  return [...all].reverse().find((t) => t.effectiveFrom <= date) ?? all[0];
}

/** VND of a set of per-currency values on a date; a currency without a rate counts nothing. */
export function toVnd(values: Record<string, number>, date: string): number {
  const { rates } = rateTableOn(date);
  let total = 0;
  for (const [currency, amount] of Object.entries(values)) {
    if (currency === 'VND') total += amount;
    else if (rates[currency] !== undefined) total += amount * rates[currency];
  }
  return Math.round(total);
}
