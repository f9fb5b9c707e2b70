import type { NoticeInput } from '../notifications/notify';

// The wording of the plans capability's notices, in Vietnamese and English.

function viDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

export interface NoticeTask {
  id: string;
  planId: string;
  ref: string;
  titleVi: string;
  due: string;
  occurrenceLabel?: string | null;
}

const short = (s: string) => (s.length > 160 ? `${s.slice(0, 157)}…` : s);
const link = (t: NoticeTask) => `/plans/${t.planId}/tasks/${t.id}`;
const which = (t: NoticeTask) => (t.occurrenceLabel ? ` (kỳ ${t.occurrenceLabel})` : '');
const whichEn = (t: NoticeTask) => (t.occurrenceLabel ? ` (period ${t.occurrenceLabel})` : '');

export function approachingNotice(t: NoticeTask, daysLeft: number, dedupeKey: string): NoticeInput {
  return {
    kind: 'plans.deadline_approaching',
    titleVi: `Nhiệm vụ ${t.ref}${which(t)} đến hạn ngày ${viDate(t.due)}`,
    titleEn: `Task ${t.ref}${whichEn(t)} is due on ${t.due}`,
    bodyVi: `Còn ${daysLeft} ngày đến hạn: ${short(t.titleVi)}`,
    bodyEn: `${daysLeft} day(s) left (${t.planId}): ${short(t.titleVi)}`,
    link: link(t),
    entityType: 'plan_task',
    entityId: t.id,
    dedupeKey,
  };
}

export function overdueNotice(t: NoticeTask, dedupeKey: string): NoticeInput {
  return {
    kind: 'plans.deadline_passed',
    titleVi: `Nhiệm vụ ${t.ref}${which(t)} đã quá hạn (${viDate(t.due)})`,
    titleEn: `Task ${t.ref}${whichEn(t)} is overdue (due ${t.due})`,
    bodyVi: `Quá hạn chưa hoàn thành: ${short(t.titleVi)}`,
    bodyEn: `Not done by its deadline (${t.planId}): ${short(t.titleVi)}`,
    link: link(t),
    entityType: 'plan_task',
    entityId: t.id,
    dedupeKey,
  };
}

export function reminderNotice(planId: string, planTitleVi: string, tasks: Array<{ ref: string; titleVi: string }>, messageVi: string | undefined): NoticeInput {
  const list = tasks.map((t) => `${t.ref}. ${short(t.titleVi)}`).join('\n');
  return {
    kind: 'plans.reminder',
    titleVi: `Đôn đốc thực hiện ${tasks.length} nhiệm vụ – ${short(planTitleVi)}`,
    titleEn: `Reminder: ${tasks.length} task(s) of plan ${planId}`,
    bodyVi: `${messageVi ? `${messageVi}\n` : ''}${list}`,
    bodyEn: `${messageVi ? `${messageVi}\n` : ''}${tasks.map((t) => t.ref).join(', ')}`,
    link: `/plans/${planId}`,
    entityType: 'plan',
    entityId: planId,
  };
}
