import ExcelJS from 'exceljs';
import { fill, groupLabel, labels, statusLabel } from './labels';
import { excelCalendarDate, excelLocalDate, formatInstant } from './format';
import type { TaskExportRow } from './report-data';

// The task list as a spreadsheet for the provincial offices: a title, a filterable frozen header,
// real dates (shown in Vietnam's time) and Vietnamese statuses.

type Value = string | number | Date | null;

interface Column { header: string; width: number; value: (row: TaskExportRow, index: number) => Value; numFmt?: string; wrap?: boolean }

const c = labels.xlsx.columns;
const DATE = 'dd/mm/yyyy';
const DATE_TIME = 'dd/mm/yyyy hh:mm';

const columns: Column[] = [
  { header: c.number, width: 6, value: (_, i) => i + 1 },
  { header: c.plan, width: 30, value: (r) => r.planTitleVi, wrap: true },
  { header: c.ref, width: 10, value: (r) => r.ref },
  { header: c.group, width: 18, value: (r) => groupLabel(r.group), wrap: true },
  { header: c.title, width: 60, value: (r) => r.titleVi, wrap: true },
  { header: c.lead, width: 28, value: (r) => r.leadAgencyVi, wrap: true },
  { header: c.coordinating, width: 36, value: (r) => r.coordinatingAgenciesVi || null, wrap: true },
  { header: c.responsiblePerson, width: 20, value: (r) => r.responsiblePerson, wrap: true },
  { header: c.period, width: 18, value: (r) => r.periodTextVi, wrap: true },
  { header: c.deadline, width: 12, value: (r) => (r.deadline ? excelCalendarDate(r.deadline) : null), numFmt: DATE },
  { header: c.expectedProduct, width: 32, value: (r) => r.expectedProductVi, wrap: true },
  { header: c.authority, width: 20, value: (r) => r.authorityVi, wrap: true },
  { header: c.status, width: 16, value: (r) => statusLabel(r.status) },
  // Stored as a fraction with a percent format so the spreadsheet can compute with it.
  { header: c.progress, width: 10, value: (r) => (r.progressPercent === null ? null : r.progressPercent / 100), numFmt: '0%' },
  { header: c.lastUpdateAt, width: 17, value: (r) => (r.lastUpdateAt ? excelLocalDate(r.lastUpdateAt) : null), numFmt: DATE_TIME },
  { header: c.lastUpdate, width: 40, value: (r) => r.lastUpdateVi, wrap: true },
  { header: c.gates, width: 18, value: (r) => (r.gateIds.length > 0 ? r.gateIds.join(labels.listSeparator) : null), wrap: true },
];

/** Row of the column headers; rows above it hold the title and the export time. */
export const XLSX_HEADER_ROW = 3;

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const borders: Partial<ExcelJS.Borders> = { top: thin, bottom: thin, left: thin, right: thin };

export async function renderTasksXlsx(rows: TaskExportRow[], meta: { titleVi: string; generatedAt: string }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = labels.xlsx.creator;
  workbook.title = meta.titleVi;
  workbook.created = new Date(meta.generatedAt);
  const sheet = workbook.addWorksheet(labels.xlsx.sheetName, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: XLSX_HEADER_ROW }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${XLSX_HEADER_ROW}:${XLSX_HEADER_ROW}` },
  });
  columns.forEach((col, i) => { sheet.getColumn(i + 1).width = col.width; });

  sheet.mergeCells(1, 1, 1, columns.length);
  const title = sheet.getCell(1, 1);
  title.value = meta.titleVi;
  title.font = { bold: true, size: 14 };
  title.alignment = { vertical: 'middle', wrapText: true };
  sheet.getRow(1).height = 36;
  sheet.getCell(2, 1).value = fill(labels.xlsx.generatedAt, { date: formatInstant(meta.generatedAt) });
  sheet.getCell(2, 1).font = { italic: true };

  const header = sheet.getRow(XLSX_HEADER_ROW);
  columns.forEach((col, i) => {
    const cell = header.getCell(i + 1);
    cell.value = col.header;
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = borders;
  });
  header.height = 32;

  rows.forEach((row, index) => {
    const excelRow = sheet.getRow(XLSX_HEADER_ROW + 1 + index);
    columns.forEach((col, i) => {
      const cell = excelRow.getCell(i + 1);
      cell.value = col.value(row, index);
      if (col.numFmt) cell.numFmt = col.numFmt;
      cell.alignment = { vertical: 'top', wrapText: col.wrap ?? false };
      cell.border = borders;
    });
  });

  sheet.autoFilter = {
    from: { row: XLSX_HEADER_ROW, column: 1 },
    to: { row: XLSX_HEADER_ROW + Math.max(rows.length, 0), column: columns.length },
  };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
