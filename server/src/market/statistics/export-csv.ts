import type { DailyStatistics } from '../../../../shared/schemas/market';
import { exportHeader, exportRows, type Cell } from './export-table';

// RFC 4180 CSV in UTF-8 with a byte-order mark, so spreadsheet programs read the Vietnamese names.

function field(value: Cell): string {
  const text = typeof value === 'number' ? String(value) : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderStatisticsCsv(stats: DailyStatistics, gateNames: Map<string, string>): string {
  const lines = [exportHeader(stats), ...exportRows(stats, gateNames)].map((row) => row.map(field).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
