import type { Kpi } from '../../../shared/schemas/plans';
import type { RequestContext } from '../platform/context';
import { dayStart, planToday } from './clock';
import { listKpis } from './kpis.service';
import { isLate } from './plans.mapper';
import { periodOverlaps, reportPeriod } from './period';
import * as repo from './plans.repository';
import { reportingCalendar } from './reference';
import type { PlanReportData, PlanReportKpi, PlanReportTask, ReportTaskStatus, TaskExportRow } from './reports/report-data';

// Gathers a plan's 6-month or annual report from the agencies' updates and submissions, in the
// shape the renderers (reports/) lay out, and the rows of the task spreadsheet.

function fmt(n: number): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(n);
}

const UNIT_VI: Record<string, string> = { percent: '%', percent_per_year: '%/năm', count: '', count_per_year: '/năm' };

export function kpiForReport(k: Kpi): PlanReportKpi {
  const unit = UNIT_VI[k.unit] ?? '';
  const range = k.targetMin !== null && k.targetMax !== null && k.targetMax !== k.targetMin ? `${fmt(k.targetMin)}–${fmt(k.targetMax)}` : k.targetMin !== null ? `${k.targetMax === null ? '≥ ' : ''}${fmt(k.targetMin)}` : '—';
  return {
    code: k.code,
    textVi: k.textVi,
    unit: k.unit,
    targetText: `${range}${unit}${k.targetYear ? ` (đến ${k.targetYear})` : ''}`,
    baselineText: k.baseline !== null ? `${fmt(k.baseline)}${unit} (${k.baselineYear})` : null,
    actualText: k.actual ? `${fmt(k.actual.value)}${unit} (${k.actual.year})` : null,
    onTrack: k.onTrack,
    computed: k.computed,
  };
}

export async function assembleReport(ctx: RequestContext, plan: repo.PlanRow, kind: 'six_month' | 'annual', year: number): Promise<PlanReportData> {
  const db = ctx.app.db;
  const calendar = reportingCalendar();
  const period = reportPeriod(kind, year, calendar);
  const today = planToday(ctx.app.now());
  const [{ rows }, names, submissions, kpis, issuer] = await Promise.all([
    repo.listTaskRows(db, { planId: plan.id }, { limit: 10000, offset: 0 }),
    repo.agencyNames(db),
    db.selectFrom('plan_report_submissions').selectAll().where('plan_id', '=', plan.id).where('kind', '=', kind).where('year', '=', year).execute(),
    listKpis(ctx, plan.id),
    db.selectFrom('agencies').select(['code', 'name_vi', 'kind']).where('code', '=', plan.issuer_agency).executeTakeFirstOrThrow(),
  ]);
  const span = { startYear: plan.start_year, endYear: plan.end_year };
  const inPeriod = rows.filter((t) => periodOverlaps({ kind: t.period_kind, date: t.period_date, year: t.period_year, from: t.period_from, to: t.period_to }, span, period.from, period.to));
  const ids = inPeriod.map((t) => t.id);
  const [occurrences, updates, evidence] = await Promise.all([
    repo.listOccurrences(db, ids),
    ids.length === 0 ? [] : db.selectFrom('plan_task_updates').selectAll().where('task_id', 'in', ids).orderBy('created_at').execute(),
    ids.length === 0
      ? []
      : db
          .selectFrom('plan_update_evidence as e')
          .innerJoin('plan_task_updates as u', 'u.id', 'e.update_id')
          .leftJoin('plan_files as f', 'f.id', 'e.file_id')
          .select(['u.task_id', 'e.kind', 'e.label', 'f.sha256'])
          .where('u.task_id', 'in', ids)
          .orderBy('u.created_at')
          .orderBy('e.position')
          .execute(),
  ]);

  const fromInstant = dayStart(period.from).getTime();
  const task = (t: repo.TaskRow, role: 'lead' | 'coordinating'): PlanReportTask => {
    // A recurring task is reported by its occurrence(s) due in the period, the last one deciding.
    const occ = occurrences.filter((o) => o.task_id === t.id && o.due_date >= period.from && o.due_date <= period.to).at(-1);
    const stored = occ && t.status !== 'cancelled' ? occ.status : t.status;
    const due = occ ? occ.due_date : t.deadline;
    const status = (isLate(stored, due, today) ? 'overdue' : stored) as ReportTaskStatus;
    const mine = updates.filter((u) => u.task_id === t.id && u.created_at.getTime() >= fromInstant && (!occ || !u.occurrence_id || u.occurrence_id === occ.id));
    return {
      ref: t.ref,
      titleVi: t.title_vi,
      role,
      periodTextVi: occ ? `${t.period_text_vi} (kỳ ${occ.label})` : t.period_text_vi,
      deadline: due,
      status,
      progressPercent: occ ? occ.progress_percent : t.progress_percent,
      resultVi: mine.at(-1)?.text_vi ?? null,
      expectedProductVi: t.expected_product_vi,
      evidence: evidence
        .filter((e) => e.task_id === t.id)
        .map((e) => (e.kind === 'file' ? `${e.label} (SHA-256 ${e.sha256?.slice(0, 12)}…)` : e.label)),
    };
  };

  const reporting: string[] = [];
  for (const t of inPeriod) if (t.status !== 'cancelled') for (const c of [t.lead_agency, ...t.co_lead_agencies]) if (!reporting.includes(c)) reporting.push(c);
  const all = inPeriod.map((t) => task(t, 'lead'));
  const sections = reporting.map((code) => {
    const s = submissions.find((x) => x.agency_code === code);
    const led = inPeriod.filter((t) => t.lead_agency === code || t.co_lead_agencies.includes(code)).map((t) => task(t, 'lead'));
    const helped = inPeriod.filter((t) => t.coordinating_agencies.includes(code)).map((t) => task(t, 'coordinating'));
    return {
      agencyCode: code,
      agencyNameVi: names.get(code)?.nameVi ?? code,
      submitted: s !== undefined,
      submittedAt: s?.submitted_at.toISOString() ?? null,
      summaryVi: s?.summary_vi ?? null,
      tasks: [...led, ...helped],
    };
  });
  const count = (st: ReportTaskStatus) => all.filter((x) => x.status === st).length;
  const place = calendar.provinces[plan.province] ?? plan.province;
  const recipients = (plan.report_schedule as Array<{ kind: string; recipient?: string | null }>)
    .filter((r) => r.kind === kind && r.recipient)
    .map((r) => names.get(r.recipient!)?.nameVi ?? r.recipient!);
  return {
    kind,
    year,
    period: { from: period.from, to: period.to },
    generatedAt: ctx.app.now().toISOString(),
    place,
    // A department or committee reports under the provincial People's Committee it belongs to.
    issuer: { code: issuer.code, nameVi: issuer.name_vi, parentNameVi: issuer.kind === 'people_committee' ? null : `UBND tỉnh ${place}` },
    recipients: [...new Set(recipients)],
    plan: { id: plan.id, number: plan.number, issuedOn: plan.issued_on, titleVi: plan.title_vi },
    counts: { total: all.length, done: count('done'), inProgress: count('in_progress'), notStarted: count('not_started'), overdue: count('overdue'), cancelled: count('cancelled') },
    sections,
    kpis: kpis.map(kpiForReport),
    missingAgencies: sections.filter((s) => !s.submitted).map((s) => ({ code: s.agencyCode, nameVi: s.agencyNameVi })),
    signer: { titleVi: calendar.signers[issuer.kind] ?? calendar.signers.default, nameVi: null },
    documentNumber: null,
  };
}

export async function taskExportRows(ctx: RequestContext, planId: string): Promise<TaskExportRow[]> {
  const db = ctx.app.db;
  const [{ rows }, names] = await Promise.all([repo.listTaskRows(db, { planId }, { limit: 10000, offset: 0 }), repo.agencyNames(db)]);
  const last = await repo.lastUpdates(db, rows.map((r) => r.id));
  const name = (c: string) => names.get(c)?.nameVi ?? c;
  return rows.map((t) => ({
    planId: t.plan_id,
    planTitleVi: t.plan_title_vi,
    ref: t.ref,
    group: t.task_group,
    titleVi: t.title_vi,
    leadAgencyVi: [t.lead_agency, ...t.co_lead_agencies].map(name).join('; '),
    coordinatingAgenciesVi: t.coordinating_agencies.map(name).join('; '),
    responsiblePerson: t.responsible_person,
    periodTextVi: t.period_text_vi,
    deadline: t.deadline,
    expectedProductVi: t.expected_product_vi,
    authorityVi: t.authority_vi,
    status: t.status,
    progressPercent: t.progress_percent,
    lastUpdateAt: last.get(t.id)?.created_at.toISOString() ?? null,
    lastUpdateVi: last.get(t.id)?.text_vi ?? null,
    gateIds: t.gate_ids,
  }));
}
