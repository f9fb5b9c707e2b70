import ExcelJS from 'exceljs';
import type { DailyStatistics } from '../../../../shared/schemas/market';
import { exportHeader, exportRows } from './export-table';

// The same table as the CSV on the first sheet (numbers as numbers, a frozen filterable header),
// and what the figures mean on the second.

export const XLSX_SHEET = 'So lieu ngay';

export async function renderStatisticsXlsx(stats: DailyStatistics, gateNames: Map<string, string>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cửa khẩu số';
  workbook.created = new Date(stats.generatedAt);
  const sheet = workbook.addWorksheet(XLSX_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = exportHeader(stats);
  sheet.addRow(header).font = { bold: true };
  for (const row of exportRows(stats, gateNames)) sheet.addRow(row);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  header.forEach((h, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.max(10, h.length + 2);
    if (h === 'gross_weight_kg' || h.startsWith('value_')) column.numFmt = '#,##0.##';
  });
  const about = workbook.addWorksheet('Ghi chu');
  about.addRows([
    ['Cơ sở số liệu', stats.basis === 'crossed' ? 'Ngày xe qua cửa khẩu (giờ tại cửa khẩu)' : 'Chuyến xe đã khai báo (chưa hủy, chưa hết hạn) theo ngày dự kiến'],
    ['Từ ngày', stats.from],
    ['Đến ngày', stats.to],
    ['Cửa khẩu', stats.gateIds.join(', ')],
    ['Lập lúc (UTC)', stats.generatedAt],
    ['Xe chở nhiều mặt hàng', 'Được tính ở mỗi mặt hàng; dòng "total" đếm mỗi xe một lần'],
    ['Giá trị quy đổi VND', 'Theo tỷ giá tham khảo trong reference/trips/exchange-rates.json; giá trị gốc theo từng loại tiền ở các cột value_XXX'],
    ...stats.rateTables.map((t) => [`Tỷ giá từ ${t.effectiveFrom}`, Object.entries(t.rates).map(([c, r]) => `${c} ${r}`).join('; ')]),
  ]);
  about.getColumn(1).width = 26;
  about.getColumn(2).width = 90;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
