import type { LateAgency } from '../../../shared/schemas/plans';
import type { RequestContext } from '../platform/context';
import { planToday } from './clock';
import { agencyRef, isLate } from './plans.mapper';
import * as repo from './plans.repository';
import { loadPlan } from './read.service';
import { daysBetween } from './period';

// "Who is late": the late tasks and occurrences of a plan grouped by lead agency, most late first.

export async function lateByAgency(ctx: RequestContext, planId: string): Promise<LateAgency[]> {
  await loadPlan(ctx, planId);
  const db = ctx.app.db;
  const today = planToday(ctx.app.now());
  const { rows } = await repo.listTaskRows(db, { planId, lateOn: today }, { limit: 5000, offset: 0 });
  const [occurrences, names] = await Promise.all([repo.listOccurrences(db, rows.map((r) => r.id)), repo.agencyNames(db)]);
  const groups = new Map<string, LateAgency>();
  for (const t of rows) {
    const items = isLate(t.status, t.deadline, today)
      ? [{ due: t.deadline!, label: null as string | null }]
      : occurrences.filter((o) => o.task_id === t.id && isLate(o.status, o.due_date, today)).map((o) => ({ due: o.due_date, label: o.label }));
    for (const code of [t.lead_agency, ...t.co_lead_agencies]) {
      const g = groups.get(code) ?? { agency: agencyRef(names, code), tasks: [] };
      for (const it of items) {
        g.tasks.push({ id: t.id, ref: t.ref, titleVi: t.title_vi, occurrenceLabel: it.label, dueDate: it.due, daysLate: daysBetween(it.due, today), status: t.status as never });
      }
      groups.set(code, g);
    }
  }
  return [...groups.values()].sort((a, b) => b.tasks.length - a.tasks.length || a.agency.code.localeCompare(b.agency.code));
}
