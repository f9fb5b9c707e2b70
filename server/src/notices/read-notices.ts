import { sql } from 'kysely';
import type { GateNotice, NoticeEvent, NoticeListQuery, PublicNotice, PublicNoticeQuery, TripNotices } from '../../../shared/schemas/notices';
import { requirePermission } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { instantAt } from '../trips/time';
import { readableTrip } from '../trips/trip-scope';
import { visibleNotice } from './notice-access';
import { toGateNotice, toPublicNotice } from './notice-view';
import { withGates, type Executor, type NoticeRow } from './notices.repository';

// Reading notices: the authority's list (drafts included, its gates only), anyone's list of the
// notices in force or coming, one published notice by id, and the notices touching a trip.

export async function listNotices(ctx: RequestContext, q: NoticeListQuery): Promise<{ items: GateNotice[] }> {
  const actor = requirePermission(ctx.actor, 'notices:write');
  const db = ctx.app.db;
  let query = db.selectFrom('gate_notices').selectAll();
  if (q.status) query = query.where('status', '=', q.status);
  const gates = actor.role === 'admin' ? null : actor.gateIds;
  if (gates !== null || q.gateId) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('gate_notice_gates as ng')
          .select('ng.gate_id')
          .whereRef('ng.notice_id', '=', 'gate_notices.id')
          .$if(gates !== null, (s) => s.where('ng.gate_id', 'in', gates!.length ? gates! : ['-']))
          .$if(!!q.gateId, (s) => s.where('ng.gate_id', '=', q.gateId!)),
      ),
    );
  }
  const rows = await query.orderBy('created_at', 'desc').orderBy('id').limit(q.limit ?? 100).execute();
  const items: GateNotice[] = [];
  for (const n of await withGates(db, rows)) items.push(await toGateNotice(db, actor, n, false));
  return { items };
}

export async function getNotice(ctx: RequestContext, id: string): Promise<GateNotice> {
  const actor = requirePermission(ctx.actor, 'notices:write');
  return toGateNotice(ctx.app.db, actor, await visibleNotice(ctx.app.db, actor, id));
}

export async function noticeHistory(ctx: RequestContext, id: string): Promise<NoticeEvent[]> {
  const actor = requirePermission(ctx.actor, 'notices:write');
  await visibleNotice(ctx.app.db, actor, id);
  const rows = await ctx.app.db.selectFrom('gate_notice_events').selectAll().where('notice_id', '=', id).orderBy('id').execute();
  return rows.map((r) => ({ at: r.at.toISOString(), action: r.action, fromStatus: r.from_status, toStatus: r.to_status, actor: r.actor_label, reason: r.reason }));
}

/** Published notices over at least one of the gates, overlapping [from, to). */
async function publishedOverlapping(db: Executor, filter: { gateIds?: string[]; province?: string; from: Date; to?: Date; includeExpired?: boolean }): Promise<NoticeRow[]> {
  let query = db
    .selectFrom('gate_notices')
    .selectAll()
    .where('status', 'in', filter.includeExpired ? ['published', 'expired'] : ['published'])
    .where('valid_to', '>', filter.from);
  if (filter.to) query = query.where('valid_from', '<', filter.to);
  if (filter.gateIds || filter.province) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('gate_notice_gates as ng')
          .innerJoin('gates as g', 'g.id', 'ng.gate_id')
          .select('ng.gate_id')
          .whereRef('ng.notice_id', '=', 'gate_notices.id')
          .$if(!!filter.gateIds, (s) => s.where('ng.gate_id', 'in', filter.gateIds!.length ? filter.gateIds! : ['-']))
          .$if(!!filter.province, (s) => s.where('g.province', '=', filter.province!)),
      ),
    );
  }
  // Most severe first, then the soonest.
  return query
    .orderBy(sql`case severity when 'critical' then 0 when 'warning' then 1 else 2 end`)
    .orderBy('valid_from')
    .orderBy('id')
    .limit(200)
    .execute();
}

/** No account needed: the published notices in force now or coming. */
export async function publicNotices(ctx: RequestContext, q: PublicNoticeQuery): Promise<{ items: PublicNotice[]; generatedAt: string }> {
  const now = ctx.app.now();
  const from = q.from && new Date(q.from) > now ? new Date(q.from) : now;
  const rows = await publishedOverlapping(ctx.app.db, { gateIds: q.gateId ? [q.gateId] : undefined, province: q.province, from, to: q.to ? new Date(q.to) : undefined });
  return { items: (await withGates(ctx.app.db, rows)).map(toPublicNotice), generatedAt: now.toISOString() };
}

/** One notice as the public sees it: any notice that was ever published (its status says whether it still holds). */
export async function publicNotice(ctx: RequestContext, id: string): Promise<PublicNotice> {
  const row = await ctx.app.db.selectFrom('gate_notices').selectAll().where('id', '=', id).where('published_at', 'is not', null).executeTakeFirst();
  if (!row) throw new AppError('notices.not_found');
  const [n] = await withGates(ctx.app.db, [row]);
  return toPublicNotice(n);
}

/** The notices over the trip's gate during its planned window (published or since expired). */
export async function tripNotices(ctx: RequestContext, tripId: string): Promise<TripNotices> {
  const { row } = await readableTrip(ctx.app.db, ctx.actor, tripId);
  if (!row.gate_id || !row.planned_date || !row.window_from || !row.window_to) return { tripId, gateId: row.gate_id, window: null, items: [] };
  const gate = await ctx.app.db.selectFrom('gates').select('time_zone').where('id', '=', row.gate_id).executeTakeFirstOrThrow();
  const from = instantAt(row.planned_date, row.window_from, gate.time_zone);
  const to = instantAt(row.planned_date, row.window_to, gate.time_zone);
  const rows = await publishedOverlapping(ctx.app.db, { gateIds: [row.gate_id], from, to, includeExpired: true });
  return { tripId, gateId: row.gate_id, window: { from: from.toISOString(), to: to.toISOString() }, items: (await withGates(ctx.app.db, rows)).map(toPublicNotice) };
}
