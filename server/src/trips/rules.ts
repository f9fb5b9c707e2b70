import { readDataset } from '../db/reference-data';
import type { ExchangeRates } from '../fees/fees.schemas';

// Versioned reference data the trips capability reads (reference/trips, reference/payments).
// Loaded once per process; a malformed file stops the first request that needs it loudly.

export interface GateRegimes {
  openStatuses: string[];
  byClass: Record<string, string[]>;
}
export interface FruitProtocols {
  direction: string;
  codeFormats: { growingArea: { pattern: string; example: string }; packingHouse: { pattern: string; example: string } };
  fruits: Array<{ id: string; nameVi: string; nameEn: string; hsPrefixes: string[] }>;
}
interface GateCodes {
  draftCode: string;
  codes: Record<string, string>;
}
interface RateTables {
  tables: Array<{ effectiveFrom: string; rates: ExchangeRates }>;
}
export interface RefundTier {
  minHoursBefore: number | null;
  percent: number;
  descriptionVi: string;
  descriptionEn: string;
}
export interface RefundRuleSet {
  id: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  cancel: RefundTier[];
  expire: { percent: number; descriptionVi: string; descriptionEn: string };
}

const cache = new Map<string, unknown>();
function load<T>(file: string): T {
  if (!cache.has(file)) cache.set(file, readDataset<T>(file).data);
  return cache.get(file) as T;
}

export const gateRegimes = () => load<GateRegimes>('trips/gate-regimes.json');
export const fruitProtocols = () => load<FruitProtocols>('trips/fruit-protocols.json');
const gateCodes = () => load<GateCodes>('trips/gate-codes.json');

/** Short code of a gate for trip references; DRF for a draft without a gate. */
export function gateShortCode(gateId: string | null): string {
  const data = gateCodes();
  if (!gateId) return data.draftCode;
  return data.codes[gateId] ?? gateId.split('-').map((w) => w[0]).join('').toUpperCase().padEnd(2, 'X').slice(0, 4);
}

/** Exchange rates in force on a date (VND per unit), for comparing declared values. */
export function exchangeRatesOn(date: string): ExchangeRates | undefined {
  const tables = load<RateTables>('trips/exchange-rates.json').tables.filter((t) => t.effectiveFrom <= date);
  return tables.sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0]?.rates;
}

/** The refund rules in force on a date. */
export function refundRulesOn(date: string): RefundRuleSet {
  const sets = load<{ ruleSets: RefundRuleSet[] }>('payments/refund-rules.json').ruleSets;
  const found = sets
    .filter((s) => s.effectiveFrom <= date && (s.effectiveTo === null || date < s.effectiveTo))
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
  if (!found) throw new Error(`No refund rules in force on ${date} (reference/payments/refund-rules.json)`);
  return found;
}

/** The fruit with a China protocol that an HS code belongs to, if any. */
export function protocolFruit(hsDigits: string): FruitProtocols['fruits'][number] | undefined {
  return fruitProtocols().fruits.find((f) => f.hsPrefixes.some((p) => hsDigits.startsWith(p)));
}
