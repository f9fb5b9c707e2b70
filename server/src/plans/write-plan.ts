import type { Transaction } from 'kysely';
import type { PlanInput, TaskInput } from '../../../shared/schemas/plans';
import type { Database } from '../db/database';
import { isRecurring, occurrencesFor, planYears, taskDeadline } from './period';
import type { TaskDetails } from './plans.tables';
import { reportingCalendar } from './reference';

// Writes a plan that has passed planProblems(): the plan row, its tasks with their derived
// deadlines and occurrences, KPIs and delegations. Used by the seed, the import and the UI.

type Tx = Transaction<Database>;

export function taskDetails(t: TaskInput): TaskDetails {
  const details: TaskDetails = {};
  if (t.memberBodyVi) details.memberBodyVi = t.memberBodyVi;
  if (t.parentRef) details.parentRef = t.parentRef;
  if (t.parentTitleVi) details.parentTitleVi = t.parentTitleVi;
  if (t.notesVi?.length) details.notesVi = t.notesVi;
  if (t.completionTextVi) details.completionTextVi = t.completionTextVi;
  return details;
}

export function taskRow(planId: string, t: TaskInput, position: number, now: Date) {
  return {
    plan_id: planId,
    ref: t.ref,
    position,
    task_group: t.group,
    title_vi: t.titleVi,
    content_vi: t.contentVi ?? t.titleVi,
    lead_agency: t.leadAgency,
    co_lead_agencies: t.coLeadAgencies ?? [],
    coordinating_agencies: t.coordinatingAgencies,
    lead_text_vi: t.leadTextVi ?? null,
    lead_inferred: t.leadInferred ?? false,
    coordinating_text_vi: t.coordinatingTextVi ?? null,
    responsible_person: t.responsiblePerson ?? null,
    period_kind: t.period.kind,
    period_text_vi: t.period.textVi,
    period_date: t.period.kind === 'date' ? t.period.date! : null,
    period_year: t.period.kind === 'year' ? t.period.year! : null,
    period_from: t.period.kind === 'range' ? t.period.from! : null,
    period_to: t.period.kind === 'range' ? t.period.to! : null,
    period_inferred: t.periodInferred ?? false,
    deadline: taskDeadline(t.group, t.period),
    recurring: isRecurring(t.group, t.period),
    expected_product_vi: t.expectedProductVi ?? null,
    authority_vi: t.authorityVi ?? null,
    gate_ids: t.gateIds ?? [],
    details: JSON.stringify(taskDetails(t)),
    created_at: now,
    updated_at: now,
  };
}

/** Inserts tasks and the occurrences of the recurring ones; returns the new task ids by ref. */
export async function insertTasks(
  tx: Tx,
  planId: string,
  tasks: TaskInput[],
  span: { startYear: number; endYear: number },
  firstPosition: number,
  now: Date,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (tasks.length === 0) return ids;
  const inserted = await tx
    .insertInto('plan_tasks')
    .values(tasks.map((t, i) => taskRow(planId, t, firstPosition + i, now)))
    .returning(['id', 'ref'])
    .execute();
  inserted.forEach((r) => ids.set(r.ref, r.id));
  const calendar = reportingCalendar();
  const occurrences = tasks.flatMap((t) =>
    occurrencesFor(t.group, t.period, span, calendar).map((o) => ({
      task_id: ids.get(t.ref)!,
      label: o.label,
      period_from: o.from,
      period_to: o.to,
      due_date: o.due,
      updated_at: now,
    })),
  );
  if (occurrences.length > 0) await tx.insertInto('plan_task_occurrences').values(occurrences).execute();
  return ids;
}

export async function insertPlan(
  tx: Tx,
  plan: PlanInput,
  meta: { source: string; datasetVersion: string | null; createdBy: string | null; now: Date },
): Promise<void> {
  const fallbackYear = plan.issuedOn ? Number(plan.issuedOn.slice(0, 4)) : meta.now.getUTCFullYear();
  const span = planYears(plan.tasks.map((t) => t.period), fallbackYear);
  await tx
    .insertInto('plans')
    .values({
      id: plan.id,
      number: plan.number,
      issued_on: plan.issuedOn,
      issuer_agency: plan.issuer,
      province: plan.province,
      title_vi: plan.titleVi,
      title_en: plan.titleEn ?? null,
      legal_bases: JSON.stringify(plan.legalBases ?? []),
      goals: JSON.stringify(plan.goals ?? []),
      report_schedule: JSON.stringify(plan.reportSchedule ?? []),
      start_year: span.startYear,
      end_year: span.endYear,
      source: meta.source,
      dataset_version: meta.datasetVersion,
      created_by: meta.createdBy,
      created_at: meta.now,
      updated_at: meta.now,
    })
    .execute();
  await insertTasks(tx, plan.id, plan.tasks, span, 1, meta.now);
  if (plan.kpis?.length) {
    await tx
      .insertInto('plan_kpis')
      .values(
        plan.kpis.map((k, i) => ({
          plan_id: plan.id,
          code: k.code,
          position: i + 1,
          text_vi: k.textVi,
          unit: k.unit,
          target_min: k.targetMin,
          target_max: k.targetMax,
          target_year: k.targetYear,
          platform_metric: k.platformMetric,
          baseline: k.baseline ?? null,
          baseline_year: k.baselineYear ?? null,
          updated_at: meta.now,
        })),
      )
      .execute();
  }
  if (plan.delegations?.length) {
    await tx
      .insertInto('plan_delegations')
      .values(
        plan.delegations.map((d) => ({
          plan_id: plan.id,
          direction: d.direction,
          purpose_vi: d.purposeVi,
          counterpart_vi: d.counterpartVi,
          country_vi: d.countryVi ?? null,
          leader_vi: d.leaderVi ?? null,
          members: JSON.stringify(d.members ?? []),
          start_date: d.startDate ?? null,
          end_date: d.endDate ?? null,
          gate_id: d.gateId ?? null,
          host_agency: d.hostAgency ?? null,
          in_original_plan: d.inOriginalPlan ?? true,
          report_file_ids: [],
          created_by: meta.createdBy,
          created_at: meta.now,
          updated_at: meta.now,
        })),
      )
      .execute();
  }
}

/** Agency codes and gate ids that exist, to check a plan against. */
export async function knownReferences(db: Tx | import('../db/connect').Db) {
  const [agencies, gates] = await Promise.all([
    db.selectFrom('agencies').select('code').execute(),
    db.selectFrom('gates').select('id').execute(),
  ]);
  return { agencies: new Set(agencies.map((a) => a.code)), gates: new Set(gates.map((g) => g.id)) };
}
