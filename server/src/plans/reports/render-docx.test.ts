import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderReportDocx } from './render-docx';
import { emptyReport, largeReport, planReport } from './report.fixtures';
import type { PlanReportData } from './report-data';

async function unzip(data: PlanReportData): Promise<{ zip: JSZip; xml: string; text: string }> {
  const zip = await JSZip.loadAsync(await renderReportDocx(data));
  const xml = await zip.file('word/document.xml')!.async('string');
  // The visible text, paragraph by paragraph, to assert on sentences split across runs.
  const text = xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n');
  return { zip, xml, text };
}

describe('plan report DOCX', () => {
  it('contains the heading, title, sections, agencies, tasks, KPIs and closing block', async () => {
    const { text } = await unzip(planReport());
    for (const expected of [
      'UBND TỈNH TUYÊN QUANG', 'SỞ CÔNG THƯƠNG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc',
      'Tuyên Quang, ngày 05 tháng 5 năm 2026', 'BÁO CÁO',
      'Kết quả 6 tháng đầu năm 2026 thực hiện Kế hoạch về thúc đẩy phát triển kinh tế cửa khẩu',
      'I. KẾT QUẢ THỰC HIỆN', 'II. CHỈ TIÊU', 'III. TỒN TẠI, HẠN CHẾ', 'IV. ĐỀ XUẤT, KIẾN NGHỊ',
      '- Quá hạn: 2 nhiệm vụ (18,2%).',
      '2.1. Sở Công Thương tỉnh Tuyên Quang', '2.4. Sở Tài chính tỉnh Tuyên Quang', 'Chưa gửi báo cáo.',
      'Sản phẩm: Lớp tập huấn, tài liệu hướng dẫn', 'Minh chứng: Báo cáo số 45/BC-SCT, Danh sách học viên',
      'Tiến độ: 65%', 'Hạn: 31/03/2026',
      'Tốc độ tăng trưởng kim ngạch xuất nhập khẩu hàng hóa qua các cửa khẩu', '%/năm', '86 (*)', 'Chưa đạt tiến độ',
      '- Đề nghị Sở Tài chính tỉnh Tuyên Quang gửi báo cáo kết quả thực hiện để tổng hợp.',
      '- Bộ Chỉ huy Bộ đội Biên phòng tỉnh Tuyên Quang: Kiến nghị sớm phê duyệt phương án mở chính thức lối mở Lũng Làn.',
      'Nơi nhận:', '- Ủy ban nhân dân tỉnh;', '- Lưu: VT.', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Nguyễn Văn An',
    ]) {
      expect(text, expected).toContain(expected);
    }
    const lines = text.split('\n');
    for (const ref of ['II.4', 'II.12', 'I.12', 'I.1', 'I.2', 'II.8', 'I.3', 'II.15', 'I.13', 'II.5', 'I.7']) expect(lines).toContain(ref);
    for (const status of ['Chưa thực hiện', 'Đang thực hiện', 'Hoàn thành', 'Quá hạn', 'Đã hủy']) expect(lines).toContain(status);
  });

  it('numbers the document "Số: …/BC-SCT" unless a number is given', async () => {
    expect((await unzip(planReport())).text).toMatch(/Số: +\/BC-SCT/);
    expect((await unzip(planReport({ documentNumber: '45/BC-SCT' }))).text).toContain('Số: 45/BC-SCT');
    const withAbbreviation = planReport({ issuer: { code: 'x', nameVi: 'Ban Quản lý Khu kinh tế tỉnh Tuyên Quang', parentNameVi: 'UBND tỉnh Tuyên Quang' } });
    const { text } = await unzip(withAbbreviation);
    expect(text).toMatch(/Số: +\/BC-BQLKKT/);
    expect(text).toContain('BAN QUẢN LÝ KHU KINH TẾ\n');
  });

  it('uses A4, Times New Roman 14 pt and page numbers from page 2', async () => {
    const { zip, xml } = await unzip(planReport());
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain('<w:titlePg/>');
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toContain('Times New Roman');
    expect(xml).toMatch(/<w:sz w:val="28"\/>/);
    const headers = await Promise.all(Object.keys(zip.files).filter((n) => /^word\/header\d+\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')));
    expect(headers.filter((h) => h.includes('PAGE'))).toHaveLength(1);
    // The table header row repeats on each page a long table crosses.
    expect(xml).toContain('<w:tblHeader/>');
  });

  it('renders an empty plan and a plan with 200 tasks', async () => {
    const empty = await unzip(emptyReport());
    expect(empty.text).toContain('Chưa có cơ quan, đơn vị nào được giao nhiệm vụ trong kỳ báo cáo.');
    expect(empty.text).toContain('Kế hoạch không có chỉ tiêu định lượng.');
    expect(empty.text).not.toContain('KT. GIÁM ĐỐC');
    const large = await unzip(largeReport(200));
    expect(large.xml.match(/<w:tr[ >]/g)?.length).toBeGreaterThanOrEqual(201);
  });
});
