import type { GateNotice, UpdateNoticeRequest } from '../../../shared/schemas/notices';
import { requirePermission } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { blank } from './create-notice';
import { lockForAction } from './notice-access';
import { checkDraft } from './notice-validation';
import { toGateNotice } from './notice-view';
import { findNoticeRow, recordNoticeChange, replaceNoticeGates, withGates } from './notices.repository';

/** Edits a draft (only drafts are edited: a published notice is withdrawn and replaced). */
export async function updateNotice(ctx: RequestContext, id: string, input: UpdateNoticeRequest): Promise<GateNotice> {
  const actor = requirePermission(ctx.actor, 'notices:write');
  return ctx.app.db.transaction().execute(async (tx) => {
    const now = ctx.app.now();
    const { notice, to } = await lockForAction(tx, actor, id, input.version, 'edit');
    const { row } = notice;
    const gateIds = input.gateIds ?? notice.gates.map((g) => g.id);
    const validFrom = input.validFrom ? new Date(input.validFrom) : row.valid_from;
    const validTo = input.validTo ? new Date(input.validTo) : row.valid_to;
    await checkDraft(tx, actor, { gateIds, validFrom, validTo });
    const next = {
      kind: input.kind ?? row.kind,
      severity: input.severity ?? row.severity,
      valid_from: validFrom,
      valid_to: validTo,
      title_vi: input.title ? input.title.vi.trim() : row.title_vi,
      title_en: input.title ? blank(input.title.en) : row.title_en,
      title_zh: input.title ? blank(input.title.zh) : row.title_zh,
      body_vi: input.body ? input.body.vi.trim() : row.body_vi,
      body_en: input.body ? blank(input.body.en) : row.body_en,
      body_zh: input.body ? blank(input.body.zh) : row.body_zh,
    };
    await tx.updateTable('gate_notices').set({ ...next, version: row.version + 1, updated_at: now }).where('id', '=', id).execute();
    if (input.gateIds) await replaceNoticeGates(tx, id, [...gateIds].sort());
    const changed = Object.keys(input).filter((k) => k !== 'version');
    await recordNoticeChange(tx, actor, ctx.requestId, {
      noticeId: id,
      action: 'edited',
      from: row.status,
      to,
      at: now,
      details: { changes: changed },
      before: { kind: row.kind, gateIds: notice.gates.map((g) => g.id), validFrom: row.valid_from, validTo: row.valid_to, titleVi: row.title_vi },
      after: { kind: next.kind, gateIds, validFrom, validTo, titleVi: next.title_vi },
    });
    const [updated] = await withGates(tx, [(await findNoticeRow(tx, id))!]);
    return toGateNotice(tx, actor, updated);
  });
}
