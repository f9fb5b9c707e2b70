import type { Transaction } from 'kysely';
import { nextNoticeStatus, type NoticeAction, type NoticeStatus } from '../../../shared/schemas/notices';
import type { Database } from '../db/database';
import { requireGateScope, type AuthenticatedActor } from '../platform/actor';
import { AppError } from '../platform/errors';
import { allowedNoticeActions } from './notice-view';
import { findNoticeRow, withGates, type Executor, type NoticeWithGates } from './notices.repository';

// Who sees and changes which notice. A gate authority sees the notices that touch any of its
// gates and changes only those about its gates alone; anything else is "not found".

export function seesNotice(actor: AuthenticatedActor, gateIds: string[]): boolean {
  return actor.role === 'admin' || gateIds.some((g) => actor.gateIds.includes(g));
}

export async function visibleNotice(db: Executor, actor: AuthenticatedActor, id: string, forUpdate = false): Promise<NoticeWithGates> {
  const row = await findNoticeRow(db, id, forUpdate);
  if (!row) throw new AppError('notices.not_found');
  const [notice] = await withGates(db, [row]);
  if (!seesNotice(actor, notice.gates.map((g) => g.id))) throw new AppError('notices.not_found');
  return notice;
}

/**
 * Locks the notice for a change by this actor: in scope for every gate (403), the version read
 * (409), and an action the workflow allows now (409 listing what is allowed).
 */
export async function lockForAction(
  tx: Transaction<Database>,
  actor: AuthenticatedActor,
  id: string,
  version: number,
  action: NoticeAction,
): Promise<{ notice: NoticeWithGates; to: NoticeStatus }> {
  const notice = await visibleNotice(tx, actor, id, true);
  for (const g of notice.gates) requireGateScope(actor, g.id);
  if (notice.row.version !== version) throw new AppError('notices.version_conflict', { currentVersion: notice.row.version });
  const to = nextNoticeStatus(notice.row.status as NoticeStatus, action);
  if (to === null) {
    throw new AppError('notices.invalid_transition', { allowedActions: allowedNoticeActions(actor, notice), noticeStatus: notice.row.status, action });
  }
  return { notice, to };
}
