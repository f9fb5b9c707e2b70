import type { ReportStatus, ReportSubmission, SubmitReportRequest } from '../../../shared/schemas/plans';
import { recordAudit } from '../audit/audit.repository';
import { actorLabel, requirePermission } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { runIdempotent, type IdempotentResult } from '../platform/idempotency';
import { periodOverlaps, reportPeriod } from './period';
import { agencyRef } from './plans.mapper';
import * as repo from './plans.repository';
import { loadPlan } from './read.service';
import { reportingCalendar } from './reference';
import { assembleReport, taskExportRows } from './report-assembly';
import { renderReportDocx } from './reports/render-docx';
import { renderReportPdf } from './reports/render-pdf';
import { renderTasksXlsx } from './reports/render-xlsx';

// Periodic reports: each lead agency submits its part; the owner sees who has not; anyone who
// reads plans downloads the assembled report (DOCX, PDF) and the task list (XLSX).

type Kind = 'six_month' | 'annual';

/** Agencies that lead a task active in the report period: they owe a part of it. */
async function owingAgencies(ctx: RequestContext, plan: repo.PlanRow, kind: Kind, year: number): Promise<string[]> {
  const p = reportPeriod(kind, year, reportingCalendar());
  const { rows } = await repo.listTaskRows(ctx.app.db, { planId: plan.id }, { limit: 10000, offset: 0 });
  const span = { startYear: plan.start_year, endYear: plan.end_year };
  const codes: string[] = [];
  for (const t of rows) {
    if (t.status === 'cancelled') continue;
    if (!periodOverlaps({ kind: t.period_kind, date: t.period_date, year: t.period_year, from: t.period_from, to: t.period_to }, span, p.from, p.to)) continue;
    for (const c of [t.lead_agency, ...t.co_lead_agencies]) if (!codes.includes(c)) codes.push(c);
  }
  return codes;
}

function toSubmission(r: { plan_id: string; kind: string; year: number; agency_code: string; summary_vi: string; submitted_by_label: string; submitted_at: Date; version: number }, names: Map<string, repo.AgencyName>): ReportSubmission {
  return {
    planId: r.plan_id,
    kind: r.kind as Kind,
    year: r.year,
    agency: agencyRef(names, r.agency_code),
    summaryVi: r.summary_vi,
    submittedBy: r.submitted_by_label,
    submittedAt: r.submitted_at.toISOString(),
    version: r.version,
  };
}

export async function reportStatus(ctx: RequestContext, planId: string, kind: Kind, year: number): Promise<ReportStatus> {
  const { row: plan } = await loadPlan(ctx, planId);
  const db = ctx.app.db;
  const [owing, rows, names] = await Promise.all([
    owingAgencies(ctx, plan, kind, year),
    db.selectFrom('plan_report_submissions').selectAll().where('plan_id', '=', planId).where('kind', '=', kind).where('year', '=', year).orderBy('submitted_at').execute(),
    repo.agencyNames(db),
  ]);
  const p = reportPeriod(kind, year, reportingCalendar());
  const base = `/api/v1/plans/${planId}/reports/${kind}/${year}`;
  return {
    planId,
    kind,
    year,
    dueDate: p.due,
    period: { from: p.from, to: p.to },
    submitted: rows.map((r) => toSubmission(r, names)),
    missing: owing.filter((c) => !rows.some((r) => r.agency_code === c)).map((c) => agencyRef(names, c)),
    downloads: { docx: `${base}/report.docx`, pdf: `${base}/report.pdf`, xlsx: `/api/v1/plans/${planId}/tasks.xlsx` },
  };
}

/** Submitting again replaces the text and bumps the version; a retry with the same key does not. */
export async function submitReport(
  ctx: RequestContext,
  planId: string,
  kind: Kind,
  year: number,
  input: SubmitReportRequest,
  key: string | undefined,
): Promise<IdempotentResult<ReportSubmission>> {
  const actor = requirePermission(ctx.actor, 'plans:write');
  const { pa, row: plan } = await loadPlan(ctx, planId);
  const agency = input.agency ?? actor.agencyCode;
  if (!agency) throw new AppError('plans.no_agency');
  if (!pa.isAdmin && !pa.agencies.has(agency)) throw new AppError('plans.task_not_assigned', {}, 'You submit only for your own agency');
  if (!(await owingAgencies(ctx, plan, kind, year)).includes(agency)) throw new AppError('plans.not_reporting_agency');
  const names = await repo.agencyNames(ctx.app.db);
  return runIdempotent(ctx, { scope: `${actor.userId}:plans.report-submit:${planId}/${kind}/${year}`, key, request: input }, async (tx) => {
    const before = await tx
      .selectFrom('plan_report_submissions')
      .selectAll()
      .where('plan_id', '=', planId)
      .where('kind', '=', kind)
      .where('year', '=', year)
      .where('agency_code', '=', agency)
      .forUpdate()
      .executeTakeFirst();
    const values = { summary_vi: input.summaryVi, submitted_by: actor.userId, submitted_by_label: actorLabel(actor), submitted_at: ctx.app.now() };
    const row = before
      ? await tx
          .updateTable('plan_report_submissions')
          .set({ ...values, version: before.version + 1 })
          .where('plan_id', '=', planId)
          .where('kind', '=', kind)
          .where('year', '=', year)
          .where('agency_code', '=', agency)
          .returningAll()
          .executeTakeFirstOrThrow()
      : await tx.insertInto('plan_report_submissions').values({ plan_id: planId, kind, year, agency_code: agency, ...values }).returningAll().executeTakeFirstOrThrow();
    const submission = toSubmission(row, names);
    await recordAudit(tx, actor, ctx.requestId, {
      action: before ? 'plan_report.resubmitted' : 'plan_report.submitted',
      entityType: 'plan_report',
      entityId: `${planId}/${kind}/${year}/${agency}`,
      before: before ? toSubmission(before, names) : undefined,
      after: submission,
    });
    return { status: 200, body: submission };
  });
}

export async function renderReport(ctx: RequestContext, planId: string, kind: Kind, year: number, format: 'docx' | 'pdf'): Promise<Buffer> {
  const { row: plan } = await loadPlan(ctx, planId);
  const data = await assembleReport(ctx, plan, kind, year);
  return format === 'docx' ? renderReportDocx(data) : renderReportPdf(data);
}

export async function tasksSpreadsheet(ctx: RequestContext, planId: string): Promise<Buffer> {
  const { row: plan } = await loadPlan(ctx, planId);
  return renderTasksXlsx(await taskExportRows(ctx, planId), { titleVi: plan.title_vi, generatedAt: ctx.app.now().toISOString() });
}
