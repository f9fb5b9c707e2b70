import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dbKinds, login, testClock, type TestApp } from '../../test/harness';
import { client, taskByRef } from './test/helpers';

// Periodic reports: each lead agency submits its part, the owner sees who has not, and the
// assembled report is read back from the DOCX, the PDF and the XLSX that are downloaded.

const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    if (process.env.CI) throw new Error('CI must install poppler-utils');
    return false;
  }
})();

async function docxText(buffer: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string');
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n');
}

describe.each(dbKinds())('plan reports on %s', (kind) => {
  let t: TestApp;
  const c: Record<string, string> = {};
  // 20 May 2026: the 6-month report is due on 31 May.
  const clock = testClock(new Date('2026-05-20T02:00:00Z'));
  beforeAll(async () => {
    t = await createTestApp(kind, {}, clock);
    for (const u of ['soct.tuyenquang', 'soxd.tuyenquang', 'ubnd.tuyenquang', 'bql.thanhthuy', 'lanhdao.caobang']) c[u] = await login(t.app, u);
  });
  afterAll(async () => t?.close());
  const api = () => client(t);
  const base = '/api/v1/plans/plan-004/reports/six_month/2026';

  it('lists who owes a part of the 6-month report and records each submission', async () => {
    const status = (await api().get(base, c['ubnd.tuyenquang'])).json();
    expect(status).toMatchObject({ dueDate: '2026-05-31', period: { from: '2026-01-01', to: '2026-06-30' }, submitted: [] });
    const missing = status.missing.map((a: any) => a.code);
    expect(missing).toEqual(expect.arrayContaining(['tq-soxd', 'tq-soct', 'tq-songv', 'tq-sotc', 'tq-bdbp']));
    expect(missing).not.toContain('tq-bqlkkt'); // its tasks are due 2028–2030

    const put = (who: string, body: object) => api().req('POST', `${base}/submissions`, c[who], body);
    const first = await put('soct.tuyenquang', { summaryVi: 'Sở Công Thương đã tổ chức 02 hội nghị xúc tiến thương mại.' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ agency: { code: 'tq-soct' }, version: 1, submittedBy: 'soct.tuyenquang' });
    const second = await put('soct.tuyenquang', { summaryVi: 'Sở Công Thương đã tổ chức 03 hội nghị xúc tiến thương mại với phía Vân Nam.' });
    expect(second.json().version).toBe(2);
    expect((await put('soct.tuyenquang', { summaryVi: 'Thay Sở Xây dựng', agency: 'tq-soxd' })).json().code).toBe('plans.task_not_assigned');
    expect((await put('bql.thanhthuy', { summaryVi: 'Không có nhiệm vụ kỳ này' })).json().code).toBe('plans.not_reporting_agency');
    expect((await put('lanhdao.caobang', { summaryVi: 'x' })).statusCode).toBe(403);

    const after = (await api().get(base, c['ubnd.tuyenquang'])).json();
    expect(after.submitted.map((s: any) => s.agency.code)).toEqual(['tq-soct']);
    expect(after.missing.map((a: any) => a.code)).not.toContain('tq-soct');
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'plan_report').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['plan_report.submitted', 'plan_report.resubmitted']);
  });

  it('assembles the report from the updates and submissions and serves it as DOCX', async () => {
    const i1 = await taskByRef(t, 'plan-004', 'I.1');
    const upd = await api().post(`/api/v1/plans/plan-004/tasks/${i1.id}/updates`, c['soxd.tuyenquang'], { textVi: 'Đã khởi công cầu qua biên giới.', action: 'start', progressPercent: 30 });
    expect(upd.statusCode).toBe(201);
    const res = await api().get(`${base}/report.docx`, c['lanhdao.caobang']);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const text = await docxText(res.rawPayload);
    for (const expected of [
      'BÁO CÁO',
      'thúc đẩy phát triển kinh tế cửa khẩu',
      'Sở Công Thương tỉnh Tuyên Quang',
      'Sở Công Thương đã tổ chức 03 hội nghị xúc tiến thương mại với phía Vân Nam.',
      'Đã khởi công cầu qua biên giới.',
      'Sở Xây dựng tỉnh Tuyên Quang',
      'Chưa gửi báo cáo',
      'Tuyên Quang, ngày 20 tháng 5 năm 2026',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect((await api().get('/api/v1/plans/plan-004/reports/quarterly/2026/report.docx', c['lanhdao.caobang'])).statusCode).toBe(400);
  });

  it.runIf(hasPoppler)('serves the same report as a PDF that reads back in Vietnamese', async () => {
    const res = await api().get(`${base}/report.pdf`, c['lanhdao.caobang']);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-report-int-'));
    try {
      const file = path.join(dir, 'r.pdf');
      fs.writeFileSync(file, res.rawPayload);
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain('BÁO CÁO');
      expect(text).toContain('Sở Công Thương đã tổ chức 03 hội nghị xúc tiến thương mại');
      expect(text).toContain('Đã khởi công cầu qua biên giới.');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exports every task of the plan as a spreadsheet', async () => {
    const res = await api().get('/api/v1/plans/plan-004/tasks.xlsx', c['lanhdao.caobang']);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const refs: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 3) refs.push(String(row.getCell(3).value));
    });
    expect(refs).toHaveLength(32);
    expect(refs.slice(0, 2)).toEqual(['I.1', 'I.2']);
    const i1 = sheet.getRow(4);
    expect(String(i1.getCell(16).value)).toBe('Đã khởi công cầu qua biên giới.');
  });
});

describe.each(dbKinds())('plan KPIs on %s', (kind) => {
  let t: TestApp;
  const c: Record<string, string> = {};
  // 15 Dec 2029: the figures of 2029 are in; platform facts are placed in 2028–2029.
  const clock = testClock(new Date('2029-12-15T03:00:00Z'));
  beforeAll(async () => {
    t = await createTestApp(kind, {}, clock);
    for (const u of ['ubnd.tuyenquang', 'soct.tuyenquang', 'lanhdao.caobang']) c[u] = await login(t.app, u);
    const users = Object.fromEntries((await t.db.selectFrom('users').select(['id', 'username']).execute()).map((u) => [u.username, u.id]));
    const signIn = (username: string, at: string) =>
      t.db.insertInto('audit_log').values({ actor_user_id: users[username], actor_role: 'enterprise', actor_label: username, action: 'auth.login', entity_type: 'user', entity_id: users[username], at: new Date(at) } as never).execute();
    await signIn('dn.nongsan', '2028-04-01T02:00:00Z');
    await signIn('dn.nongsan', '2029-03-01T02:00:00Z');
    await signIn('nv.nongsan', '2029-03-02T02:00:00Z');
    await signIn('dn.thanhthuy', '2029-06-01T02:00:00Z');
    // Two changes to a Tuyên Quang gate in 2029: one by its authority on the platform, one loaded from paper.
    await t.db.insertInto('gate_versions').values([
      { gate_id: 'thanh-thuy', version: 100, snapshot: '{}', changed_by: users['bql.thanhthuy'], changed_by_label: 'bql.thanhthuy', reason: 'Giờ làm việc mới', changed_at: new Date('2029-05-01T02:00:00Z') },
      { gate_id: 'thanh-thuy', version: 101, snapshot: '{}', changed_by: null, changed_by_label: 'system:reference-data', reason: 'Nhập từ văn bản', changed_at: new Date('2029-05-02T02:00:00Z') },
    ] as never).execute();
  });
  afterAll(async () => t?.close());
  const api = () => client(t);
  const kpi = async (code: string) => ((await api().get('/api/v1/plans/plan-004/kpis', c['lanhdao.caobang'])).json().items as any[]).find((k) => k.code === code);

  it('computes new trading enterprises and the electronic share from platform data, not typed in', async () => {
    // Logistics Thanh Thủy first declared a trip through a Tuyên Quang gate in June 2028; a later
    // trip in 2029 does not make it new again. Nông sản trades only through Cao Bằng.
    const thanhThuy = await t.db.selectFrom('enterprises').select('id').where('tax_code', '=', '5100234567').executeTakeFirstOrThrow();
    const trips = await t.db.selectFrom('trips').select('id').where('enterprise_id', '=', thanhThuy.id).where('submitted_at', 'is not', null).execute();
    expect(trips.length).toBeGreaterThan(0);
    await t.db.updateTable('trips').set({ submitted_at: new Date('2029-02-01T02:00:00Z') }).where('enterprise_id', '=', thanhThuy.id).execute();
    await t.db.updateTable('trips').set({ submitted_at: new Date('2028-06-01T02:00:00Z') }).where('id', '=', trips[0].id).execute();
    const fresh = await kpi('new-enterprises');
    expect(fresh.values.filter((v: any) => v.year >= 2028).map((v: any) => [v.year, v.value])).toEqual([[2028, 1], [2029, 0]]);
    expect(fresh).toMatchObject({ computed: true, actual: { year: 2029, value: 0 }, onTrack: false });
    const share = await kpi('electronic-procedures');
    expect(share.actual).toMatchObject({ year: 2029, value: 50 });
    expect(share.actual.detail).toContain('gate_registry 1/2');
    const typed = await api().req('PUT', '/api/v1/plans/plan-004/kpis/electronic-procedures/values', c['ubnd.tuyenquang'], { year: 2029, value: 100 });
    expect([typed.statusCode, typed.json().code]).toEqual([422, 'plans.kpi_computed']);
  });

  it('records typed-in values by the owner and judges them against the target', async () => {
    const put = (who: string, code: string, body: object) => api().req('PUT', `/api/v1/plans/plan-004/kpis/${code}/values`, c[who], body);
    expect((await put('soct.tuyenquang', 'xnk-growth', { year: 2029, value: 16 })).json().code).toBe('plans.not_plan_owner');
    const growth = await put('ubnd.tuyenquang', 'xnk-growth', { year: 2029, value: 16.2, note: 'Theo số liệu Hải quan' });
    expect(growth.json()).toMatchObject({ actual: { year: 2029, value: 16.2 }, onTrack: true });
    const low = await put('ubnd.tuyenquang', 'xnk-growth', { year: 2029, value: 12 });
    expect(low.json()).toMatchObject({ values: [{ year: 2029, value: 12 }], onTrack: false });

    const centres = await kpi('logistics-centres');
    const withBase = await api().patch('/api/v1/plans/plan-004/kpis/logistics-centres', c['ubnd.tuyenquang'], { version: centres.version, reason: 'Số liệu năm gốc', baseline: 0, baselineYear: 2025 });
    expect(withBase.json()).toMatchObject({ baseline: 0, baselineYear: 2025, onTrack: null });
    // One centre in 2029: the straight line from 0 in 2025 to 2 in 2030 expects 1.6.
    expect((await put('ubnd.tuyenquang', 'logistics-centres', { year: 2029, value: 1 })).json().onTrack).toBe(false);
    expect((await put('ubnd.tuyenquang', 'logistics-centres', { year: 2029, value: 2 })).json().onTrack).toBe(true);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'plan_kpi').execute();
    expect(audit.length).toBe(5);
  });
});
