import type { Commodity } from '../../../shared/schemas/market';
import { readDataset } from '../db/reference-data';

// Versioned reference data of the market capability (reference/market/…), read once per process.

export interface CommodityData extends Commodity {
  pricePerKg: Record<string, [number, number]>;
}
export interface CommoditiesDataset {
  units: Record<string, number>;
  commodities: CommodityData[];
}
export interface BorderMarketData {
  id: string;
  gateId: string;
  side: string;
  nameVi: string;
  nameEn: string;
  nameZh: string | null;
}

let commodityData: { version: string; data: CommoditiesDataset } | null = null;
let marketData: BorderMarketData[] | null = null;

export function commoditiesDataset(): { version: string; data: CommoditiesDataset } {
  if (!commodityData) {
    const ds = readDataset<CommoditiesDataset>('market/commodities.json');
    commodityData = { version: ds.version, data: ds.data };
  }
  return commodityData;
}

export function commodities(): CommodityData[] {
  return commoditiesDataset().data.commodities;
}

export function findCommodity(code: string): CommodityData | undefined {
  return commodities().find((c) => c.code === code);
}

/** Kilograms in one unit (kg 1, tonne 1000). */
export function unitKg(unit: string): number {
  const kg = commoditiesDataset().data.units[unit];
  if (kg === undefined) throw new Error(`unknown unit ${unit}`);
  return kg;
}

export function borderMarkets(): BorderMarketData[] {
  marketData ??= readDataset<{ markets: BorderMarketData[] }>('market/markets.json').data.markets;
  return marketData;
}

/** HS prefix → commodity code, longest prefix first (what the statistics match cargo lines with). */
export function hsPrefixes(): Array<{ prefix: string; commodity: string }> {
  return commodities()
    .flatMap((c) => c.hsPrefixes.map((prefix) => ({ prefix, commodity: c.code })))
    .sort((a, b) => b.prefix.length - a.prefix.length || a.prefix.localeCompare(b.prefix));
}

/** The commodity of an HS code (digits only, or with dots), or 'other'. */
export function commodityOfHs(hsCode: string | null): string {
  const digits = (hsCode ?? '').replace(/\D/g, '');
  return hsPrefixes().find((p) => digits.startsWith(p.prefix))?.commodity ?? 'other';
}
