import { sql } from 'kysely';
import type { Job } from '../platform/capability';
import type { AppServices } from '../platform/context';
import type { SystemActor } from '../platform/actor';
import { notifyUsers } from '../notifications/notify';
import { planToday } from './clock';
import { daysBetween } from './period';
import { approachingNotice, overdueNotice, type NoticeTask } from './notices';
import { reportingCalendar } from './reference';
import { usersOfAgencies } from './recipients';
import { applyTransition } from './transition';

// Marks tasks and occurrences overdue once their day has passed, and tells the lead agencies
// (and the plan owner) when a deadline approaches or passes. Safe in several processes: one run
// at a time holds a transaction-scoped advisory lock, and every notice has a dedupe key.

const LOCK_KEY = 724_160_010;
const SYSTEM: SystemActor = { kind: 'system', label: 'plans.deadlines' };

interface Due extends NoticeTask {
  kind: 'task' | 'occurrence';
  occurrenceId: string | null;
  status: string;
  progress: number;
  version: number;
  taskVersion: number;
  taskStatus: string;
  taskProgress: number;
  taskDeadline: string | null;
  leads: string[];
  issuer: string;
}

export interface DeadlineRun {
  markedOverdue: number;
  notices: number;
  messages: number;
  skipped?: boolean;
}

export async function runDeadlineCheck(services: AppServices): Promise<DeadlineRun> {
  const now = services.now();
  const today = planToday(now);
  const { daysBefore } = reportingCalendar().reminders;
  const horizon = Math.max(...daysBefore);
  return services.db.transaction().execute(async (tx) => {
    const lock = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${LOCK_KEY}) as ok`.execute(tx);
    if (!lock.rows[0].ok) return { markedOverdue: 0, notices: 0, messages: 0, skipped: true };
    const rows = await sql<Record<string, any>>`
      select 'task' as kind, t.id, null::uuid as occurrence_id, null as occurrence_label, t.plan_id, t.ref, t.title_vi,
             t.deadline as due, t.status, t.progress_percent as progress, t.version, t.version as task_version, t.status as task_status,
             t.progress_percent as task_progress, t.deadline as task_deadline, t.lead_agency, t.co_lead_agencies, p.issuer_agency
      from plan_tasks t join plans p on p.id = t.plan_id
      where not t.recurring and t.status in ('not_started', 'in_progress') and t.deadline <= ${today}::date + ${horizon}::int
      union all
      select 'occurrence', t.id, o.id, o.label, t.plan_id, t.ref, t.title_vi, o.due_date, o.status, o.progress_percent, o.version,
             t.version, t.status, t.progress_percent, t.deadline, t.lead_agency, t.co_lead_agencies, p.issuer_agency
      from plan_task_occurrences o join plan_tasks t on t.id = o.task_id join plans p on p.id = t.plan_id
      where t.status <> 'cancelled' and o.status in ('not_started', 'in_progress') and o.due_date <= ${today}::date + ${horizon}::int
      order by 2, 3`.execute(tx);
    const result: DeadlineRun = { markedOverdue: 0, notices: 0, messages: 0 };
    // Many tasks share their agencies: look each set of recipients up once per run.
    const recipients = new Map<string, string[]>();
    const usersFor = async (codes: string[], permission: 'plans:write' | 'plans:manage') => {
      const key = `${permission}:${codes.join(',')}`;
      if (!recipients.has(key)) recipients.set(key, (await usersOfAgencies(tx, codes, permission)).map((u) => u.id));
      return recipients.get(key)!;
    };
    for (const r of rows.rows) {
      const d: Due = {
        kind: r.kind,
        id: r.id,
        occurrenceId: r.occurrence_id,
        occurrenceLabel: r.occurrence_label,
        planId: r.plan_id,
        ref: r.ref,
        titleVi: r.title_vi,
        due: typeof r.due === 'string' ? r.due : new Date(r.due).toISOString().slice(0, 10),
        status: r.status,
        progress: r.progress,
        version: r.version,
        taskVersion: r.task_version,
        taskStatus: r.task_status,
        taskProgress: r.task_progress,
        taskDeadline: r.task_deadline,
        leads: [r.lead_agency, ...(r.co_lead_agencies ?? [])],
        issuer: r.issuer_agency,
      };
      const leads = await usersFor(d.leads, 'plans:write');
      const target = d.occurrenceId ?? d.id;
      if (d.due < today) {
        await applyTransition(tx, {
          actor: SYSTEM,
          requestId: null,
          now,
          task: { id: d.id, plan_id: d.planId, status: d.taskStatus, progress_percent: d.taskProgress, deadline: d.taskDeadline, version: d.taskVersion },
          occurrence: d.occurrenceId ? { id: d.occurrenceId, status: d.status, progress_percent: d.progress, due_date: d.due, version: d.version } : null,
          action: 'mark_overdue',
          to: 'overdue',
          reason: `deadline ${d.due} passed`,
        });
        result.markedOverdue++;
        const owners = await usersFor([d.issuer], 'plans:manage');
        const sent = await notifyUsers(tx, [...leads, ...owners], overdueNotice(d, `plans.overdue:${target}:${d.due}`), { now, channels: ['in_app', 'email', 'sms'] });
        result.notices += sent.notices;
        result.messages += sent.messages;
      } else {
        const left = daysBetween(today, d.due);
        const threshold = Math.min(...daysBefore.filter((n) => left <= n));
        const sent = await notifyUsers(tx, leads, approachingNotice(d, left, `plans.due:${target}:${d.due}:${threshold}`), { now, channels: ['in_app', 'email'] });
        result.notices += sent.notices;
        result.messages += sent.messages;
      }
    }
    return result;
  });
}

export const deadlineJob: Job = { name: 'plans.deadlines', everyMs: 15 * 60_000, run: async (services) => void (await runDeadlineCheck(services)) };
