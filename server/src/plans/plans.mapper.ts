import type { AgencyRef, Plan, PlanSummary, PlanTask, ReportScheduleEntry, TaskCounts, TaskOccurrence } from '../../../shared/schemas/plans';
import type { TaskStatus } from '../../../shared/workflows/plan-task';
import type { AgencyName, OccurrenceRow, PlanRow, TaskRow } from './plans.repository';
import { actionsFor, canManagePlan, canPostUpdate, myTaskRole, type PlanActor } from './scope';

export function agencyRef(names: Map<string, AgencyName>, code: string): AgencyRef {
  return names.get(code) ?? { code, nameVi: code, nameEn: code };
}

export function countsFrom(byStatus: Map<string, number> | undefined): TaskCounts {
  const n = (s: TaskStatus) => byStatus?.get(s) ?? 0;
  return {
    total: [...(byStatus?.values() ?? [])].reduce((a, b) => a + b, 0),
    notStarted: n('not_started'),
    inProgress: n('in_progress'),
    done: n('done'),
    overdue: n('overdue'),
    cancelled: n('cancelled'),
  };
}

export function toPlanSummary(row: PlanRow, names: Map<string, AgencyName>, counts: TaskCounts, pa: PlanActor): PlanSummary {
  return {
    id: row.id,
    number: row.number,
    issuedOn: row.issued_on,
    issuer: agencyRef(names, row.issuer_agency),
    province: row.province,
    titleVi: row.title_vi,
    titleEn: row.title_en,
    startYear: row.start_year,
    endYear: row.end_year,
    source: row.source,
    counts,
    canManage: canManagePlan(pa, row.issuer_agency),
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toPlan(row: PlanRow, names: Map<string, AgencyName>, counts: TaskCounts, pa: PlanActor, reporting: string[]): Plan {
  return {
    ...toPlanSummary(row, names, counts, pa),
    legalBases: row.legal_bases,
    goals: row.goals,
    reportSchedule: row.report_schedule as ReportScheduleEntry[],
    reportingAgencies: reporting.map((c) => agencyRef(names, c)),
  };
}

export function isOpen(status: string): boolean {
  return status === 'not_started' || status === 'in_progress';
}

/** Late on a day: marked overdue, or still open after its due day. */
export function isLate(status: string, due: string | null, today: string): boolean {
  return status === 'overdue' || (isOpen(status) && due !== null && due < today);
}

export function toOccurrence(o: OccurrenceRow, pa: PlanActor, task: TaskRow): TaskOccurrence {
  return {
    id: o.id,
    taskId: o.task_id,
    label: o.label,
    periodFrom: o.period_from,
    periodTo: o.period_to,
    dueDate: o.due_date,
    status: o.status as TaskStatus,
    progressPercent: o.progress_percent,
    allowedActions: task.status === 'cancelled' ? [] : actionsFor(pa, task, task.plan_issuer, o.status),
    version: o.version,
  };
}

export function toTask(
  row: TaskRow,
  ctx: {
    names: Map<string, AgencyName>;
    pa: PlanActor;
    today: string;
    occurrences: OccurrenceRow[];
    lastUpdate?: { created_at: Date; text_vi: string; author_label: string; agency_code: string | null };
  },
): PlanTask {
  const { names, pa, today } = ctx;
  const d = row.details;
  const late =
    isLate(row.status, row.deadline, today) || (row.status !== 'cancelled' && ctx.occurrences.some((o) => isLate(o.status, o.due_date, today)));
  return {
    id: row.id,
    planId: row.plan_id,
    planTitleVi: row.plan_title_vi,
    ref: row.ref,
    group: row.task_group as PlanTask['group'],
    titleVi: row.title_vi,
    contentVi: row.content_vi,
    leadAgency: agencyRef(names, row.lead_agency),
    coLeadAgencies: row.co_lead_agencies.map((c) => agencyRef(names, c)),
    coordinatingAgencies: row.coordinating_agencies.map((c) => agencyRef(names, c)),
    leadTextVi: row.lead_text_vi,
    leadInferred: row.lead_inferred,
    coordinatingTextVi: row.coordinating_text_vi,
    responsiblePerson: row.responsible_person,
    period: {
      kind: row.period_kind as PlanTask['period']['kind'],
      textVi: row.period_text_vi,
      date: row.period_date,
      year: row.period_year,
      from: row.period_from,
      to: row.period_to,
      inferred: row.period_inferred,
    },
    deadline: row.deadline,
    recurring: row.recurring,
    expectedProductVi: row.expected_product_vi,
    authorityVi: row.authority_vi,
    gateIds: row.gate_ids,
    details: {
      memberBodyVi: d.memberBodyVi ?? null,
      parentRef: d.parentRef ?? null,
      parentTitleVi: d.parentTitleVi ?? null,
      notesVi: d.notesVi ?? [],
      completionTextVi: d.completionTextVi ?? null,
    },
    status: row.status as TaskStatus,
    progressPercent: row.progress_percent,
    late,
    myRole: myTaskRole(pa, row),
    allowedActions: actionsFor(pa, row, row.plan_issuer, row.status),
    canUpdate: canPostUpdate(pa, row, row.plan_issuer),
    lastUpdate: ctx.lastUpdate
      ? { at: ctx.lastUpdate.created_at.toISOString(), textVi: ctx.lastUpdate.text_vi, by: ctx.lastUpdate.author_label, agencyCode: ctx.lastUpdate.agency_code }
      : null,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}
