import type { TrendPoint, TrendSeries } from '../../../shared/schemas/market';

// Price trends from entries (pure). One series per gate, market, currency and source (official
// and enterprise prices are never blended); one point per day. Prices quoted in another unit of
// the same commodity are converted by weight to the display unit; currencies never are.

export interface TrendEntry {
  gateId: string;
  marketId: string;
  date: string;
  currency: 'VND' | 'CNY';
  source: 'authority' | 'enterprise';
  /** Kilograms per unit the entry is quoted in. */
  unitKg: number;
  priceMin: number | null;
  priceMax: number | null;
  priceAvg: number | null;
  volumeTonnes: number | null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function trendPoint(date: string, entries: TrendEntry[], displayKg: number): TrendPoint {
  const scale = (e: TrendEntry, v: number) => (v * displayKg) / e.unitKg;
  const mids = entries.map((e) => scale(e, e.priceAvg ?? (e.priceMin! + e.priceMax!) / 2));
  const lows = entries.map((e) => scale(e, e.priceMin ?? e.priceAvg!));
  const highs = entries.map((e) => scale(e, e.priceMax ?? e.priceAvg!));
  const volumes = entries.map((e) => e.volumeTonnes).filter((v): v is number => v !== null);
  return {
    date,
    avg: round2(mids.reduce((a, b) => a + b, 0) / mids.length),
    min: round2(Math.min(...lows)),
    max: round2(Math.max(...highs)),
    volumeTonnes: volumes.length ? Math.round(volumes.reduce((a, b) => a + b, 0) * 1000) / 1000 : null,
    entries: entries.length,
  };
}

export function buildTrend(entries: TrendEntry[], displayKg: number): TrendSeries[] {
  const series = new Map<string, Map<string, TrendEntry[]>>();
  for (const e of entries) {
    const key = [e.gateId, e.marketId, e.currency, e.source].join('|');
    const days = series.get(key) ?? new Map<string, TrendEntry[]>();
    days.set(e.date, [...(days.get(e.date) ?? []), e]);
    series.set(key, days);
  }
  return [...series.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, days]) => {
      const [gateId, marketId, currency, source] = key.split('|');
      return {
        gateId,
        marketId,
        currency: currency as TrendSeries['currency'],
        source: source as TrendSeries['source'],
        points: [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, list]) => trendPoint(date, list, displayKg)),
      };
    });
}
