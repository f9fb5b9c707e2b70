import type { Transaction } from 'kysely';
import type { GateNotice } from '../../../shared/schemas/notices';
import type { Database } from '../db/database';
import { requirePermission } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { emitEvent } from '../platform/events';
import { notifyAffected } from './affected';
import { lockForAction } from './notice-access';
import { checkPublishable } from './notice-validation';
import { toGateNotice } from './notice-view';
import { findNoticeRow, withGates, recordNoticeChange, type NoticeWithGates } from './notices.repository';

/** One domain event per gate, so each gate's board sees it in its own stream. */
export async function emitNoticeEvent(tx: Transaction<Database>, type: string, notice: NoticeWithGates, at: Date): Promise<void> {
  const gateIds = notice.gates.map((g) => g.id);
  for (const gateId of gateIds) {
    await emitEvent(tx, { type, occurredAt: at, gateId, payload: { noticeId: notice.row.id, gateIds, kind: notice.row.kind, severity: notice.row.severity } });
  }
}

/** Publishes a draft: every language present and the period not over; the affected enterprises are told. */
export async function publishNotice(ctx: RequestContext, id: string, version: number): Promise<GateNotice> {
  const actor = requirePermission(ctx.actor, 'notices:write');
  return ctx.app.db.transaction().execute(async (tx) => {
    const now = ctx.app.now();
    const { notice, to } = await lockForAction(tx, actor, id, version, 'publish');
    checkPublishable(notice.row, now);
    await tx
      .updateTable('gate_notices')
      .set({ status: to, published_at: now, published_by: actor.userId, version: notice.row.version + 1, updated_at: now })
      .where('id', '=', id)
      .execute();
    const [published] = await withGates(tx, [(await findNoticeRow(tx, id))!]);
    const notified = await notifyAffected(tx, published, now);
    await recordNoticeChange(tx, actor, ctx.requestId, { noticeId: id, action: 'published', from: notice.row.status, to, at: now, details: { notified } });
    await emitNoticeEvent(tx, 'notice.published', published, now);
    return toGateNotice(tx, actor, published);
  });
}
