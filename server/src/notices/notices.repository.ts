import type { Kysely, Selectable, Transaction } from 'kysely';
import { recordAudit } from '../audit/audit.repository';
import type { Database } from '../db/database';
import { actorLabel, type Actor } from '../platform/actor';

// Reading notices with their gates, and the one place a notice's history is written: the
// notice's own event log (what the authority sees) and the audit log, in the caller's transaction.

export type Executor = Kysely<Database> | Transaction<Database>;
export type NoticeRow = Selectable<Database['gate_notices']>;
export type NoticeGateRow = Pick<Selectable<Database['gates']>, 'id' | 'name_vi' | 'name_en' | 'name_zh' | 'province' | 'time_zone' | 'counterpart_time_zone'>;

export interface NoticeWithGates {
  row: NoticeRow;
  gates: NoticeGateRow[];
}

export function findNoticeRow(db: Executor, id: string, forUpdate = false): Promise<NoticeRow | undefined> {
  const query = db.selectFrom('gate_notices').selectAll().where('id', '=', id);
  return (forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

/** The gates of each notice, in a stable order. */
export async function gatesOfNotices(db: Executor, noticeIds: string[]): Promise<Map<string, NoticeGateRow[]>> {
  const result = new Map<string, NoticeGateRow[]>(noticeIds.map((id) => [id, []]));
  if (noticeIds.length === 0) return result;
  const rows = await db
    .selectFrom('gate_notice_gates')
    .innerJoin('gates', 'gates.id', 'gate_notice_gates.gate_id')
    .select(['gate_notice_gates.notice_id', 'gates.id', 'gates.name_vi', 'gates.name_en', 'gates.name_zh', 'gates.province', 'gates.time_zone', 'gates.counterpart_time_zone'])
    .where('gate_notice_gates.notice_id', 'in', noticeIds)
    .orderBy('gates.province')
    .orderBy('gates.id')
    .execute();
  for (const { notice_id, ...gate } of rows) result.get(notice_id)!.push(gate);
  return result;
}

export async function withGates(db: Executor, rows: NoticeRow[]): Promise<NoticeWithGates[]> {
  const gates = await gatesOfNotices(db, rows.map((r) => r.id));
  return rows.map((row) => ({ row, gates: gates.get(row.id) ?? [] }));
}

export async function replaceNoticeGates(tx: Transaction<Database>, noticeId: string, gateIds: string[]): Promise<void> {
  await tx.deleteFrom('gate_notice_gates').where('notice_id', '=', noticeId).execute();
  await tx.insertInto('gate_notice_gates').values(gateIds.map((gate_id) => ({ notice_id: noticeId, gate_id }))).execute();
}

export interface NoticeChange {
  noticeId: string;
  action: string;
  from: string | null;
  to: string;
  at: Date;
  reason?: string | null;
  details?: Record<string, unknown>;
  before?: unknown;
  after?: unknown;
}

export async function recordNoticeChange(tx: Transaction<Database>, actor: Actor, requestId: string | null, change: NoticeChange): Promise<void> {
  const who = actor.kind === 'user' || actor.kind === 'token' ? actor.userId : null;
  await tx
    .insertInto('gate_notice_events')
    .values({
      notice_id: change.noticeId,
      at: change.at,
      action: change.action,
      from_status: change.from,
      to_status: change.to,
      actor_user_id: who,
      actor_label: actorLabel(actor),
      reason: change.reason ?? null,
      details: JSON.stringify(change.details ?? {}),
    })
    .execute();
  await recordAudit(tx, actor, requestId, {
    action: `notice.${change.action}`,
    entityType: 'gate_notice',
    entityId: change.noticeId,
    before: change.before ?? (change.from ? { status: change.from } : undefined),
    after: change.after ?? { status: change.to, ...(change.details ?? {}) },
    reason: change.reason ?? null,
  });
}
