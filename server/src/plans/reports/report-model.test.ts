import { describe, expect, it } from 'vitest';
import { abbreviate, decreeDayMonth, excelLocalDate, issuerLine, percentText } from './format';
import { fill, statusLabel, unitLabel } from './labels';
import { overdueTasks } from './report-body';
import { buildReportModel, type Block } from './report-model';
import { dateLine, subjectText } from './report-text';
import { planReport } from './report.fixtures';

const texts = (blocks: Block[]) => blocks.map((b) => (b.kind === 'heading' || b.kind === 'note' ? b.text : b.kind === 'table' ? '[table]' : b.runs.map((r) => r.text).join('')));

describe('Vietnamese administrative formatting', () => {
  it('writes the date line as Decree 30 does, on Vietnam’s calendar day', () => {
    expect(decreeDayMonth(5, 1)).toEqual({ day: '05', month: '01' });
    expect(decreeDayMonth(1, 2)).toEqual({ day: '01', month: '02' });
    expect(decreeDayMonth(15, 6)).toEqual({ day: '15', month: '6' });
    expect(decreeDayMonth(9, 12)).toEqual({ day: '09', month: '12' });
    expect(dateLine('Cao Bằng', '2026-12-31T17:00:00Z')).toBe('Cao Bằng, ngày 01 tháng 01 năm 2027');
    expect(dateLine('Cao Bằng', '2026-12-31T16:59:59Z')).toBe('Cao Bằng, ngày 31 tháng 12 năm 2026');
    expect(excelLocalDate('2026-12-31T17:00:00Z').toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('names the issuing body under its parent without repeating the province', () => {
    expect(issuerLine('Sở Công Thương tỉnh Tuyên Quang', 'UBND tỉnh Tuyên Quang')).toBe('SỞ CÔNG THƯƠNG');
    expect(issuerLine('Sở Công Thương tỉnh Tuyên Quang', 'UBND tỉnh Cao Bằng')).toBe('SỞ CÔNG THƯƠNG TỈNH TUYÊN QUANG');
    expect(issuerLine('Ủy ban nhân dân tỉnh Cao Bằng', null)).toBe('ỦY BAN NHÂN DÂN TỈNH CAO BẰNG');
    expect(abbreviate('Sở Công Thương tỉnh Tuyên Quang')).toBe('SCT');
    expect(abbreviate('Ủy ban nhân dân tỉnh Cao Bằng')).toBe('UBND');
    expect(abbreviate('Bộ Chỉ huy Bộ đội Biên phòng tỉnh Tuyên Quang')).toBe('BCHBĐBP');
  });

  it('titles the report by plan number when there is one, else by plan title', () => {
    const numbered = planReport({ plan: { id: 'plan-002', number: '872/KH-BCĐ', issuedOn: '2026-03-29', titleVi: 'Kế hoạch phát triển cửa khẩu' } });
    expect(subjectText(numbered)).toBe('Kết quả thực hiện Kế hoạch số 872/KH-BCĐ ngày 29/03/2026 6 tháng đầu năm 2026');
    expect(subjectText({ ...numbered, kind: 'annual' })).toBe('Kết quả thực hiện Kế hoạch số 872/KH-BCĐ ngày 29/03/2026 năm 2026');
    expect(subjectText(planReport())).toMatch(/^Kết quả 6 tháng đầu năm 2026 thực hiện Kế hoạch về thúc đẩy/);
  });

  it('labels statuses and units in Vietnamese and shows unknown codes as they are', () => {
    expect(['not_started', 'in_progress', 'done', 'overdue', 'cancelled'].map(statusLabel)).toEqual(['Chưa thực hiện', 'Đang thực hiện', 'Hoàn thành', 'Quá hạn', 'Đã hủy']);
    expect(statusLabel('suspended')).toBe('suspended');
    expect(unitLabel('percent_per_year')).toBe('%/năm');
    expect(unitLabel('trung tâm')).toBe('trung tâm');
    expect(percentText(2, 11)).toBe('18,2%');
    expect(percentText(0, 0)).toBe('0%');
    expect(() => fill('{a} {b}', { a: 1 })).toThrow(/\{b\}/);
  });
});

describe('report model', () => {
  it('orders the body I–IV with a task table per agency and a KPI table', () => {
    const model = buildReportModel(planReport());
    const body = texts(model.blocks);
    const at = (t: string) => body.indexOf(t);
    expect(at('I. KẾT QUẢ THỰC HIỆN')).toBeGreaterThan(0);
    expect(at('I. KẾT QUẢ THỰC HIỆN')).toBeLessThan(at('II. CHỈ TIÊU'));
    expect(at('II. CHỈ TIÊU')).toBeLessThan(at('III. TỒN TẠI, HẠN CHẾ'));
    expect(at('III. TỒN TẠI, HẠN CHẾ')).toBeLessThan(at('IV. ĐỀ XUẤT, KIẾN NGHỊ'));
    expect(model.blocks.filter((b) => b.kind === 'table')).toHaveLength(5);
    const kpiTable = model.blocks.find((b) => b.kind === 'table' && b.columns[1].header === 'Chỉ tiêu');
    expect(kpiTable?.kind === 'table' && kpiTable.rows.map((r) => r[6][0][0].text)).toEqual(['Chưa đạt tiến độ', 'Đạt tiến độ']);
  });

  it('lists each overdue task once, under its lead agency', () => {
    const overdue = overdueTasks(planReport());
    expect(overdue.map((o) => [o.task.ref, o.agencyNameVi])).toEqual([
      ['I.1', 'Sở Xây dựng tỉnh Tuyên Quang'],
      ['I.3', 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh Tuyên Quang'],
    ]);
  });

  it('closes with recipients in Decree 30 punctuation and the signer in capitals', () => {
    const model = buildReportModel(planReport({
      recipients: ['UBND tỉnh;', ' Sở Tài chính ', '', 'Lưu: VT, SCT'],
      signer: { titleVi: 'KT. Giám đốc\nPhó Giám đốc', nameVi: '  ' },
    }));
    expect(model.recipients.items).toEqual(['- UBND tỉnh;', '- Sở Tài chính;', '- Lưu: VT, SCT.']);
    expect(model.signer).toEqual({ titleLines: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], name: null });
    expect(model.header.numberLine).toMatch(/^Số: +\/BC-SCT$/);
  });
});
