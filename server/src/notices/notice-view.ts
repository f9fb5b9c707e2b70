import { noticeActionsFrom, SYSTEM_NOTICE_ACTIONS, type GateNotice, type NoticeAction, type NoticeStatus, type PublicNotice } from '../../../shared/schemas/notices';
import { addDays, localParts } from '../gates/calendar';
import type { Actor } from '../platform/actor';
import type { Executor, NoticeWithGates } from './notices.repository';

// How a notice is shown: to anyone (published text and period), or to the authority (with the
// actions it may take now, what is missing before it can be published, and the special days the
// gate calendar could carry for it).

export function toPublicNotice({ row, gates }: NoticeWithGates): PublicNotice {
  return {
    id: row.id,
    kind: row.kind as PublicNotice['kind'],
    severity: row.severity as PublicNotice['severity'],
    status: row.status as PublicNotice['status'],
    gates: gates.map((g) => ({
      id: g.id,
      nameVi: g.name_vi,
      nameEn: g.name_en,
      nameZh: g.name_zh,
      province: g.province,
      timeZone: g.time_zone,
      counterpartTimeZone: g.counterpart_time_zone,
    })),
    validFrom: row.valid_from.toISOString(),
    validTo: row.valid_to.toISOString(),
    title: { vi: row.title_vi, en: row.title_en, zh: row.title_zh },
    body: { vi: row.body_vi, en: row.body_en, zh: row.body_zh },
    publishedAt: row.published_at?.toISOString() ?? null,
  };
}

/** Whether the actor manages every gate of the notice (an administrator manages all). */
export function managesAll(actor: Actor, gateIds: string[]): boolean {
  if (actor.kind !== 'user' && actor.kind !== 'token') return false;
  if (!actor.permissions.has('notices:write')) return false;
  return actor.role === 'admin' || gateIds.every((g) => actor.gateIds.includes(g));
}

export function allowedNoticeActions(actor: Actor, notice: NoticeWithGates): NoticeAction[] {
  if (!managesAll(actor, notice.gates.map((g) => g.id))) return [];
  return noticeActionsFrom(notice.row.status as NoticeStatus).filter((a) => !SYSTEM_NOTICE_ACTIONS.includes(a));
}

export function missingTranslations(row: { title_en: string | null; title_zh: string | null; body_en: string | null; body_zh: string | null }): string[] {
  const missing: string[] = [];
  if (!row.title_en?.trim()) missing.push('title.en');
  if (!row.title_zh?.trim()) missing.push('title.zh');
  if (!row.body_en?.trim()) missing.push('body.en');
  if (!row.body_zh?.trim()) missing.push('body.zh');
  return missing;
}

const CALENDAR_KIND: Record<string, string> = { closure: 'closed', holiday_hours: 'special_hours', fruit_only: 'fruit_only' };
const MAX_SUGGESTED_DAYS = 31;

/** The gate's local dates the period touches (the last instant of the period is exclusive). */
export function localDatesOf(from: Date, to: Date, timeZone: string): string[] {
  const first = localParts(from, timeZone).date;
  const last = localParts(new Date(to.getTime() - 1), timeZone).date;
  const dates: string[] = [];
  for (let d = first; d <= last && dates.length < MAX_SUGGESTED_DAYS; d = addDays(d, 1)) dates.push(d);
  return dates;
}

/** Special days matching a closure, holiday-hours or fruit-only notice, and whether each is already in the calendar. */
export async function calendarSuggestions(db: Executor, notice: NoticeWithGates): Promise<GateNotice['calendarSuggestions']> {
  const kind = CALENDAR_KIND[notice.row.kind];
  if (!kind) return [];
  const wanted = notice.gates.flatMap((g) => localDatesOf(notice.row.valid_from, notice.row.valid_to, g.time_zone).map((date) => ({ gateId: g.id, date })));
  if (wanted.length === 0) return [];
  const existing = await db
    .selectFrom('gate_special_days')
    .select(['gate_id', 'day'])
    .where('gate_id', 'in', notice.gates.map((g) => g.id))
    .where('day', 'in', [...new Set(wanted.map((w) => w.date))])
    .where('kind', '=', kind)
    .execute();
  const have = new Set(existing.map((e) => `${e.gate_id}|${e.day}`));
  return wanted.map((w) => ({ ...w, kind, inCalendar: have.has(`${w.gateId}|${w.date}`) }));
}

export async function toGateNotice(db: Executor, actor: Actor, notice: NoticeWithGates, detail = true): Promise<GateNotice> {
  return {
    ...toPublicNotice(notice),
    version: notice.row.version,
    createdAt: notice.row.created_at.toISOString(),
    updatedAt: notice.row.updated_at.toISOString(),
    endedAt: notice.row.ended_at?.toISOString() ?? null,
    allowedActions: allowedNoticeActions(actor, notice),
    missingTranslations: missingTranslations(notice.row),
    calendarSuggestions: detail ? await calendarSuggestions(db, notice) : [],
  };
}
