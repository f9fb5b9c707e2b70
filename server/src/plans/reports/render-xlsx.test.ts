import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderTasksXlsx, XLSX_HEADER_ROW } from './render-xlsx';
import { taskRows } from './report.fixtures';

const meta = { titleVi: 'Danh sách nhiệm vụ Kế hoạch phát triển kinh tế cửa khẩu tỉnh Tuyên Quang', generatedAt: '2026-05-04T18:30:00Z' };

async function readBack(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook.worksheets[0];
}

function headerIndex(sheet: ExcelJS.Worksheet, header: string): number {
  const values = sheet.getRow(XLSX_HEADER_ROW).values as unknown[];
  const index = values.indexOf(header);
  if (index < 1) throw new Error(`No column ${header}`);
  return index;
}

describe('task export XLSX', () => {
  it('has a title, a filtered frozen header and one row per task', async () => {
    const rows = taskRows();
    const sheet = await readBack(await renderTasksXlsx(rows, meta));
    expect(sheet.name).toBe('Nhiệm vụ');
    expect(sheet.getCell(1, 1).value).toBe(meta.titleVi);
    expect(sheet.getCell(2, 1).value).toBe('Ngày xuất: 05/05/2026 01:30');
    expect((sheet.getRow(XLSX_HEADER_ROW).values as unknown[]).slice(1, 6)).toEqual(['STT', 'Kế hoạch', 'Mã nhiệm vụ', 'Nhóm', 'Nội dung nhiệm vụ']);
    expect(sheet.actualRowCount).toBe(XLSX_HEADER_ROW + rows.length);
    expect(sheet.getCell(XLSX_HEADER_ROW + rows.length, headerIndex(sheet, 'Mã nhiệm vụ')).value).toBe(rows[rows.length - 1].ref);
    // Read back as a range: header row to last row, first to seventeenth (Q) column.
    expect(sheet.autoFilter).toBe(`A${XLSX_HEADER_ROW}:Q${XLSX_HEADER_ROW + rows.length}`);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: XLSX_HEADER_ROW });
    expect(sheet.getColumn(headerIndex(sheet, 'Nội dung nhiệm vụ')).width).toBe(60);
  });

  it('writes real dates, percentages and Vietnamese statuses and groups', async () => {
    const rows = taskRows();
    const sheet = await readBack(await renderTasksXlsx(rows, meta));
    const first = XLSX_HEADER_ROW + 1;
    const deadline = sheet.getCell(first, headerIndex(sheet, 'Thời hạn'));
    expect(deadline.value).toBeInstanceOf(Date);
    expect((deadline.value as Date).toISOString()).toBe('2026-12-31T00:00:00.000Z');
    expect(deadline.numFmt).toBe('dd/mm/yyyy');
    // 18:30 UTC is 01:30 the next day in Vietnam; the sheet shows Vietnam's wall time.
    const updated = sheet.getCell(first, headerIndex(sheet, 'Cập nhật lần cuối'));
    expect((updated.value as Date).toISOString()).toBe('2026-05-05T01:30:00.000Z');
    expect(sheet.getCell(first + 1, headerIndex(sheet, 'Cập nhật lần cuối')).value).toBeNull();
    const statuses = rows.map((_, i) => sheet.getCell(first + i, headerIndex(sheet, 'Tình trạng')).value);
    expect(new Set(statuses)).toEqual(new Set(['Chưa thực hiện', 'Đang thực hiện', 'Hoàn thành', 'Quá hạn', 'Đã hủy']));
    expect(sheet.getCell(first, headerIndex(sheet, 'Nhóm')).value).toBe('Nhiệm vụ cụ thể');
    const progress = sheet.getCell(first + 1, headerIndex(sheet, 'Tiến độ'));
    expect(progress.value).toBeCloseTo(rows[1].progressPercent! / 100);
    expect(progress.numFmt).toBe('0%');
    expect(sheet.getCell(first, headerIndex(sheet, 'Cửa khẩu')).value).toBe('thanh-thuy');
  });

  it('exports an empty task list as a header only', async () => {
    const sheet = await readBack(await renderTasksXlsx([], meta));
    expect(sheet.actualRowCount).toBe(XLSX_HEADER_ROW);
    expect(sheet.getCell(XLSX_HEADER_ROW, 1).value).toBe('STT');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: XLSX_HEADER_ROW });
  });
});
