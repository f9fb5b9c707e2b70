import type { DailyStatistics } from '../../../../shared/schemas/market';
import { findCommodity } from '../reference';

// The one table both exports print (CSV and XLSX carry the same figures): a row per day, gate,
// direction and commodity, then the totals (distinct trucks) per day, gate and direction.

export type Cell = string | number;

const COMMODITY_LABELS: Record<string, string> = { other: 'Hàng khác', empty: 'Xe không hàng', '*': 'Tổng (số xe không trùng)' };
const DIRECTION_LABELS: Record<string, string> = { export: 'Xuất khẩu', import: 'Nhập khẩu' };

export function currenciesOf(stats: DailyStatistics): string[] {
  return [...new Set(stats.totals.flatMap((t) => Object.keys(t.values)))].sort();
}

export function exportHeader(stats: DailyStatistics): string[] {
  return [
    'level', 'date', 'gate_id', 'gate_name', 'direction', 'direction_name', 'commodity', 'commodity_name', 'trucks', 'gross_weight_kg',
    ...currenciesOf(stats).map((c) => `value_${c}`), 'value_vnd_equivalent',
  ];
}

export function exportRows(stats: DailyStatistics, gateNames: Map<string, string>): Cell[][] {
  const currencies = currenciesOf(stats);
  const line = (level: string, r: { date: string; gateId: string; direction: string; trucks: number; grossWeightKg: number; values: Record<string, number>; valueVnd: number }, commodity: string): Cell[] => [
    level,
    r.date,
    r.gateId,
    gateNames.get(r.gateId) ?? r.gateId,
    r.direction,
    DIRECTION_LABELS[r.direction] ?? r.direction,
    commodity,
    findCommodity(commodity)?.nameVi ?? COMMODITY_LABELS[commodity] ?? commodity,
    r.trucks,
    r.grossWeightKg,
    ...currencies.map((c) => r.values[c] ?? 0),
    r.valueVnd,
  ];
  return [...stats.rows.map((r) => line('commodity', r, r.commodity)), ...stats.totals.map((t) => line('total', t, '*'))];
}
