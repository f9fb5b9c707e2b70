import type { Db } from '../db/connect';
import type { SystemActor } from '../platform/actor';
import { findNoticeRow, recordNoticeChange, withGates } from './notices.repository';
import { emitNoticeEvent } from './publish-notice';

// The expiry job: a published notice whose period is over becomes expired. Several server
// processes may run it at once: each claims rows with SKIP LOCKED, and the status condition makes
// a second pass a no-op.

const SYSTEM: SystemActor = { kind: 'system', label: 'notices.expiry' };

export async function expireNotices(db: Db, now: Date, batch = 100): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const due = await tx
      .selectFrom('gate_notices')
      .select(['id', 'version', 'status'])
      .where('status', '=', 'published')
      .where('valid_to', '<=', now)
      .orderBy('valid_to')
      .limit(batch)
      .forUpdate()
      .skipLocked()
      .execute();
    for (const n of due) {
      await tx.updateTable('gate_notices').set({ status: 'expired', ended_at: now, version: n.version + 1, updated_at: now }).where('id', '=', n.id).execute();
      await recordNoticeChange(tx, SYSTEM, null, { noticeId: n.id, action: 'expired', from: n.status, to: 'expired', at: now });
      const [notice] = await withGates(tx, [(await findNoticeRow(tx, n.id))!]);
      await emitNoticeEvent(tx, 'notice.expired', notice, now);
    }
    return due.length;
  });
}
