import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { renderReportPdf } from './render-pdf';
import { emptyReport, largeReport, planReport, seedPlan } from './report.fixtures';
import { pdfPageCount, pdfText, pngSize, renderFirstPagePng, writeTempPdf, type PdfFile } from './pdf-tools.testkit';

const files: PdfFile[] = [];
async function pdfOf(data: Parameters<typeof renderReportPdf>[0]): Promise<PdfFile> {
  const pdf = writeTempPdf(await renderReportPdf(data));
  files.push(pdf);
  return pdf;
}
afterEach(() => files.splice(0).forEach((f) => f.dispose()));

/** pdftotext -layout separates columns with runs of spaces; compare with single spaces. */
const squeeze = (text: string) => text.replace(/[ \t]+/g, ' ');

describe('plan report PDF', () => {
  it('keeps the Vietnamese text, with its diacritics, in a Decree 30 layout', async () => {
    const pdf = await pdfOf(planReport());
    const text = squeeze(pdfText(pdf.file));
    expect(readFileSync(pdf.file).subarray(0, 5).toString()).toBe('%PDF-');
    for (const expected of [
      'UBND TỈNH TUYÊN QUANG', 'SỞ CÔNG THƯƠNG', 'Số: /BC-SCT',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc',
      // generatedAt is 18:30 UTC on 4 May: already 5 May in Vietnam.
      'Tuyên Quang, ngày 05 tháng 5 năm 2026',
      'BÁO CÁO', 'Kết quả 6 tháng đầu năm 2026 thực hiện Kế hoạch',
      'I. KẾT QUẢ THỰC HIỆN', 'II. CHỈ TIÊU', 'III. TỒN TẠI, HẠN CHẾ', 'IV. ĐỀ XUẤT, KIẾN NGHỊ',
      'Hoàn thành: 2 nhiệm vụ (18,2%)', 'Đang thực hiện: 3 nhiệm vụ', 'Quá hạn: 2 nhiệm vụ',
      '2.2. Sở Xây dựng tỉnh Tuyên Quang', '2.3. Bộ Chỉ huy Bộ đội Biên phòng tỉnh Tuyên Quang',
      'Đã gửi báo cáo ngày 18/05/2026.', 'Chưa gửi báo cáo.',
      'II.12', 'I.13', 'Quá hạn', 'Đã hủy', 'Chậm giải phóng mặt',
      '15–17', '12,4', '9,8', '86 (*)', 'Đạt tiến độ', '(*) Số liệu do hệ thống Cửa khẩu số tự động tổng hợp.',
      '2. Cơ quan, đơn vị chưa gửi báo cáo', 'Nơi nhận:', '- Bộ Công Thương;', '- Lưu: VT.',
      'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Nguyễn Văn An',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(pdfPageCount(pdf.file)).toBeGreaterThanOrEqual(1);
    // The DejaVu faces are embedded, so the diacritics do not depend on the reader's fonts.
    const fonts = execFileSync('pdffonts', [pdf.file], { encoding: 'utf8' });
    expect(fonts).toMatch(/DejaVuSans\s+CID TrueType\s+Identity-H\s+yes/);
    expect(fonts).toMatch(/DejaVuSans-Bold\s/);
    expect(fonts).toMatch(/DejaVuSans-Oblique\s/);
  });

  it('lists an overdue task once in section III even when two agencies report it', async () => {
    const pdf = await pdfOf(planReport());
    const text = squeeze(pdfText(pdf.file));
    const issues = text.slice(text.indexOf('III. TỒN TẠI, HẠN CHẾ'), text.indexOf('IV. ĐỀ XUẤT'));
    expect(issues.match(/- I\.1\. /g)).toHaveLength(1);
    expect(issues).toContain('- I.3. ');
    expect(issues).toContain('Sở Tài chính tỉnh Tuyên Quang.');
  });

  it('paginates 200 tasks with the table header and a page number on every following page', async () => {
    const small = await pdfOf(planReport());
    const large = await pdfOf(largeReport(200));
    const pages = pdfPageCount(large.file);
    expect(pages).toBeGreaterThan(pdfPageCount(small.file) + 10);
    expect(pdfText(large.file, { first: 1, last: 1 }).trim().split('\n')[0]).not.toMatch(/^\s*1\s*$/);
    for (const page of [2, Math.floor(pages / 2), pages]) {
      const lines = pdfText(large.file, { first: page, last: page }).split('\n').filter((l) => l.trim() !== '');
      expect(lines[0].trim(), `page ${page}`).toBe(String(page));
      if (page < pages) expect(squeeze(lines[1]), `page ${page}`).toContain('Mã Nhiệm vụ Vai trò Thời gian Tình trạng Kết quả thực hiện');
    }
    const text = squeeze(pdfText(large.file));
    expect(text).toContain('I.1.1');
    expect(text).toContain(`${seedPlan.tasks[199 % seedPlan.tasks.length].ref}.200`);
    expect(text).toContain('Nguyễn Văn An');
  });

  it('cuts a row taller than a page to one page without breaking the layout around it', async () => {
    const data = planReport();
    const first = data.sections[0];
    const longResult = 'Kết quả rất dài về giải phóng mặt bằng. '.repeat(400);
    const pdf = await pdfOf({ ...data, sections: [{ ...first, tasks: [{ ...first.tasks[0], resultVi: longResult }, first.tasks[1]] }] });
    const pages = pdfPageCount(pdf.file);
    for (let page = 1; page <= pages; page++) {
      const lines = pdfText(pdf.file, { first: page, last: page }).split('\n').filter((l) => l.trim() !== '');
      expect(lines.length, `page ${page} is not blank`).toBeGreaterThan(5);
    }
    const text = squeeze(pdfText(pdf.file));
    expect(text).toContain('…');
    expect(text).toContain('II.12');
    expect(text).toContain('II. CHỈ TIÊU');
  });

  it('renders a plan without tasks, KPIs or recipients', async () => {
    const pdf = await pdfOf(emptyReport());
    const text = squeeze(pdfText(pdf.file));
    expect(text).toContain('Kết quả năm 2026 thực hiện Kế hoạch');
    expect(text).toContain('Chưa có cơ quan, đơn vị nào được giao nhiệm vụ trong kỳ báo cáo.');
    expect(text).toContain('Kế hoạch không có chỉ tiêu định lượng.');
    expect(text).toContain('Không có nhiệm vụ quá hạn.');
    expect(text).toContain('- Lưu: VT.');
  });

  it('renders the first page to a PNG of an A4 page', async () => {
    const pdf = await pdfOf(planReport());
    const png = renderFirstPagePng(pdf);
    const bytes = readFileSync(png);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(statSync(png).size).toBeGreaterThan(20_000);
    const { width, height } = pngSize(bytes);
    // A4 at 60 dpi: 8.27 × 11.69 in.
    expect(width).toBeGreaterThanOrEqual(495);
    expect(width).toBeLessThanOrEqual(497);
    expect(height).toBeGreaterThanOrEqual(701);
    expect(height).toBeLessThanOrEqual(702);
  });
});
