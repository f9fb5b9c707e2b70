import { readFileSync } from 'node:fs';
import { referencePath } from '../../reference/paths';
import type { PlanReportData, PlanReportSection, PlanReportTask, TaskExportRow } from './report-data';

// Test fixtures built from the transcribed seed plan 004 (Tuyên Quang), so the reports are
// exercised with real Vietnamese titles, long agency names and the plan's own KPIs.

interface SeedTask {
  ref: string; group: string; titleVi: string; leadAgency: string; leadTextVi: string; coordinatingTextVi: string | null;
  responsiblePerson: string | null; period: { textVi: string; year?: number; to?: string }; expectedProductVi: string | null;
  authorityVi: string | null; gateIds: string[];
}
interface SeedPlan { id: string; number: string | null; issuedOn: string | null; titleVi: string; tasks: SeedTask[] }

const seed = JSON.parse(readFileSync(referencePath('plans', 'plan-004.json'), 'utf8')) as { plan: SeedPlan };
export const seedPlan = seed.plan;
const agencies = (JSON.parse(readFileSync(referencePath('agencies', 'agencies.json'), 'utf8')) as {
  agencies: Array<{ code: string; nameVi: string }>;
}).agencies;

export function agencyName(code: string): string {
  const agency = agencies.find((a) => a.code === code);
  if (!agency) throw new Error(`Unknown agency ${code}`);
  return agency.nameVi;
}

function seedTask(ref: string): SeedTask {
  const task = seedPlan.tasks.find((t) => t.ref === ref);
  if (!task) throw new Error(`Unknown task ${ref}`);
  return task;
}

function task(ref: string, status: PlanReportTask['status'], extra: Partial<PlanReportTask> = {}): PlanReportTask {
  const t = seedTask(ref);
  return {
    ref, titleVi: t.titleVi, role: 'lead', periodTextVi: t.period.textVi,
    deadline: t.period.year ? `${t.period.year}-12-31` : t.period.to ?? null,
    status, progressPercent: null, resultVi: null, expectedProductVi: t.expectedProductVi, evidence: [], ...extra,
  };
}

const sections: PlanReportSection[] = [
  {
    agencyCode: 'tq-soct', agencyNameVi: agencyName('tq-soct'), submitted: true, submittedAt: '2026-05-20T02:15:00Z',
    summaryVi: 'Đã tổ chức 02 lớp tập huấn về hội nhập kinh tế quốc tế; đề nghị bổ sung kinh phí xúc tiến thương mại năm 2027.',
    tasks: [
      task('II.4', 'in_progress', { progressPercent: 40, resultVi: 'Đã lồng ghép vào dự thảo kế hoạch phát triển kinh tế - xã hội năm 2027.' }),
      task('II.12', 'done', { progressPercent: 100, resultVi: 'Tổ chức 02 lớp tập huấn cho 120 doanh nghiệp.', evidence: ['Báo cáo số 45/BC-SCT', 'Danh sách học viên'] }),
      task('I.12', 'not_started'),
    ],
  },
  {
    agencyCode: 'tq-soxd', agencyNameVi: agencyName('tq-soxd'), submitted: true, submittedAt: '2026-05-18T09:00:00Z', summaryVi: null,
    tasks: [
      task('I.1', 'overdue', { deadline: '2026-03-31', progressPercent: 65, resultVi: 'Chậm giải phóng mặt bằng đoạn Km2+300.' }),
      task('I.2', 'in_progress', { progressPercent: 50 }),
      task('II.8', 'done', { progressPercent: 100, resultVi: 'Hoàn thành cải tạo tuyến ĐT.176.' }),
    ],
  },
  {
    agencyCode: 'tq-bdbp', agencyNameVi: agencyName('tq-bdbp'), submitted: true, submittedAt: '2026-05-25T07:40:00Z',
    summaryVi: 'Kiến nghị sớm phê duyệt phương án mở chính thức lối mở Lũng Làn.',
    tasks: [
      task('I.3', 'overdue', { deadline: '2026-04-30', progressPercent: 20 }),
      task('II.15', 'in_progress', { progressPercent: 60, resultVi: 'Tổ chức 03 cuộc hội đàm với lực lượng biên phòng Vân Nam.' }),
      task('I.1', 'overdue', { role: 'coordinating', deadline: '2026-03-31', progressPercent: 65 }),
      task('I.13', 'cancelled'),
    ],
  },
  {
    agencyCode: 'tq-sotc', agencyNameVi: agencyName('tq-sotc'), submitted: false, submittedAt: null, summaryVi: null,
    tasks: [task('II.5', 'not_started'), task('I.7', 'not_started')],
  },
];

export function planReport(overrides: Partial<PlanReportData> = {}): PlanReportData {
  return {
    kind: 'six_month',
    year: 2026,
    period: { from: '2026-01-01', to: '2026-06-30' },
    // 01:30 on 5 May in Vietnam: the date line must use the Vietnamese calendar day, not UTC's.
    generatedAt: '2026-05-04T18:30:00Z',
    place: 'Tuyên Quang',
    issuer: { code: 'tq-soct', nameVi: agencyName('tq-soct'), parentNameVi: 'UBND tỉnh Tuyên Quang' },
    recipients: ['Ủy ban nhân dân tỉnh', 'Bộ Công Thương', 'Các sở, ban, ngành liên quan'],
    plan: { id: seedPlan.id, number: seedPlan.number, issuedOn: seedPlan.issuedOn, titleVi: seedPlan.titleVi },
    counts: { total: 11, done: 2, inProgress: 3, notStarted: 3, overdue: 2, cancelled: 1 },
    sections,
    kpis: [
      { code: 'xnk-growth', textVi: 'Tốc độ tăng trưởng kim ngạch xuất nhập khẩu hàng hóa qua các cửa khẩu', unit: 'percent_per_year', targetText: '15–17', baselineText: '12,4', actualText: '9,8', onTrack: false, computed: false },
      { code: 'electronic-procedures', textVi: 'Tỷ lệ thủ tục hành chính, phí và lệ phí tại cửa khẩu thực hiện điện tử', unit: 'percent', targetText: '100', baselineText: null, actualText: '86', onTrack: true, computed: true },
    ],
    missingAgencies: [{ code: 'tq-sotc', nameVi: agencyName('tq-sotc') }],
    signer: { titleVi: 'KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC', nameVi: 'Nguyễn Văn An' },
    ...overrides,
  };
}

/** A report whose single agency has n tasks, to exercise pagination. */
export function largeReport(n: number): PlanReportData {
  const tasks = Array.from({ length: n }, (_, i) => {
    const t = seedPlan.tasks[i % seedPlan.tasks.length];
    return task(t.ref, i % 7 === 0 ? 'overdue' : 'in_progress', { ref: `${t.ref}.${i + 1}`, progressPercent: (i * 13) % 100 });
  });
  const section = { ...sections[0], tasks };
  return planReport({ sections: [section], counts: { total: n, done: 0, inProgress: n - tasks.filter((t) => t.status === 'overdue').length, notStarted: 0, overdue: tasks.filter((t) => t.status === 'overdue').length, cancelled: 0 } });
}

export function emptyReport(): PlanReportData {
  return planReport({
    kind: 'annual', period: { from: '2026-01-01', to: '2026-11-30' }, sections: [], kpis: [], missingAgencies: [], recipients: [],
    counts: { total: 0, done: 0, inProgress: 0, notStarted: 0, overdue: 0, cancelled: 0 }, signer: { titleVi: 'GIÁM ĐỐC', nameVi: null },
  });
}

const statuses = ['not_started', 'in_progress', 'done', 'overdue', 'cancelled'];

export function taskRows(): TaskExportRow[] {
  return seedPlan.tasks.map((t, i) => ({
    planId: seedPlan.id, planTitleVi: seedPlan.titleVi, ref: t.ref, group: t.group, titleVi: t.titleVi,
    leadAgencyVi: t.leadTextVi, coordinatingAgenciesVi: t.coordinatingTextVi ?? '', responsiblePerson: t.responsiblePerson,
    periodTextVi: t.period.textVi, deadline: t.period.year ? `${t.period.year}-12-31` : t.period.to ?? null,
    expectedProductVi: t.expectedProductVi, authorityVi: t.authorityVi, status: statuses[i % statuses.length],
    progressPercent: i % 3 === 0 ? null : (i * 17) % 101,
    lastUpdateAt: i % 2 === 0 ? '2026-05-04T18:30:00Z' : null, lastUpdateVi: i % 2 === 0 ? 'Đã họp triển khai.' : null, gateIds: t.gateIds,
  }));
}
