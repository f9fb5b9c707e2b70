import type { Notice, NoticeListQuery, OutboxMessage, OutboxQuery } from '../../../shared/schemas/notifications';
import { requireAuthenticated } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';

// A user reads and marks their own notices; only administrators read the outbox (it holds
// other people's addresses).

type NoticeRow = {
  id: string;
  kind: string;
  title_vi: string;
  title_en: string;
  body_vi: string;
  body_en: string;
  link: string | null;
  entity_type: string | null;
  entity_id: string | null;
  created_at: Date;
  read_at: Date | null;
};

function toNotice(r: NoticeRow): Notice {
  return {
    id: r.id,
    kind: r.kind,
    titleVi: r.title_vi,
    titleEn: r.title_en,
    bodyVi: r.body_vi,
    bodyEn: r.body_en,
    link: r.link,
    entityType: r.entity_type,
    entityId: r.entity_id,
    createdAt: r.created_at.toISOString(),
    readAt: r.read_at?.toISOString() ?? null,
  };
}

export async function listMyNotices(ctx: RequestContext, q: NoticeListQuery): Promise<{ items: Notice[]; unread: number }> {
  const actor = requireAuthenticated(ctx.actor);
  const db = ctx.app.db;
  let query = db.selectFrom('notifications').selectAll().where('user_id', '=', actor.userId);
  if (q.unread) query = query.where('read_at', 'is', null);
  const [rows, unread] = await Promise.all([
    query.orderBy('created_at', 'desc').orderBy('id').limit(q.limit ?? 50).execute(),
    db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', actor.userId).where('read_at', 'is', null).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toNotice), unread: Number(unread.n) };
}

export async function markRead(ctx: RequestContext, id: string): Promise<Notice> {
  const actor = requireAuthenticated(ctx.actor);
  const db = ctx.app.db;
  // Marking read is idempotent: the first read time is kept.
  const row = await db
    .updateTable('notifications')
    .set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(ctx.app.now())) }))
    .where('id', '=', id)
    .where('user_id', '=', actor.userId)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new AppError('notifications.not_found');
  return toNotice(row);
}

export async function markAllRead(ctx: RequestContext): Promise<{ marked: number }> {
  const actor = requireAuthenticated(ctx.actor);
  const rows = await ctx.app.db
    .updateTable('notifications')
    .set({ read_at: ctx.app.now() })
    .where('user_id', '=', actor.userId)
    .where('read_at', 'is', null)
    .returning('id')
    .execute();
  return { marked: rows.length };
}

export async function listOutbox(ctx: RequestContext, q: OutboxQuery): Promise<OutboxMessage[]> {
  const actor = requireAuthenticated(ctx.actor);
  if (actor.role !== 'admin') throw new AppError('auth.forbidden');
  let query = ctx.app.db.selectFrom('notification_outbox').selectAll();
  if (q.channel) query = query.where('channel', '=', q.channel);
  if (q.kind) query = query.where('kind', '=', q.kind);
  if (q.recipient) query = query.where('recipient', '=', q.recipient);
  const rows = await query.orderBy('created_at', 'desc').orderBy('id').limit(q.limit ?? 100).execute();
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel as OutboxMessage['channel'],
    recipient: r.recipient,
    recipientUserId: r.recipient_user_id,
    subject: r.subject,
    body: r.body,
    kind: r.kind,
    provider: r.provider,
    status: r.status as OutboxMessage['status'],
    createdAt: r.created_at.toISOString(),
    sentAt: r.sent_at?.toISOString() ?? null,
  }));
}
