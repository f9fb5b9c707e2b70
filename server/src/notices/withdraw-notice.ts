import type { GateNotice } from '../../../shared/schemas/notices';
import { requirePermission } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { lockForAction } from './notice-access';
import { toGateNotice } from './notice-view';
import { findNoticeRow, recordNoticeChange, withGates } from './notices.repository';
import { emitNoticeEvent } from './publish-notice';

/** Takes a published notice back early (or discards a draft), with the reason on record. */
export async function withdrawNotice(ctx: RequestContext, id: string, version: number, reason: string): Promise<GateNotice> {
  const actor = requirePermission(ctx.actor, 'notices:write');
  return ctx.app.db.transaction().execute(async (tx) => {
    const now = ctx.app.now();
    const { notice, to } = await lockForAction(tx, actor, id, version, 'withdraw');
    await tx.updateTable('gate_notices').set({ status: to, ended_at: now, version: notice.row.version + 1, updated_at: now }).where('id', '=', id).execute();
    await recordNoticeChange(tx, actor, ctx.requestId, { noticeId: id, action: 'withdrawn', from: notice.row.status, to, at: now, reason });
    const [withdrawn] = await withGates(tx, [(await findNoticeRow(tx, id))!]);
    // Only a notice people could see is taken off the boards; a discarded draft never was on them.
    if (notice.row.status === 'published') await emitNoticeEvent(tx, 'notice.withdrawn', withdrawn, now);
    return toGateNotice(tx, actor, withdrawn);
  });
}
