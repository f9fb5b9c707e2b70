import type { CreateNoticeRequest, GateNotice } from '../../../shared/schemas/notices';
import { requirePermission } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { runIdempotent, type IdempotentResult } from '../platform/idempotency';
import { checkDraft } from './notice-validation';
import { toGateNotice } from './notice-view';
import { findNoticeRow, recordNoticeChange, replaceNoticeGates, withGates } from './notices.repository';

const blank = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

/** Saves a new notice as a draft (English and Chinese may come later); retried with the same key, once. */
export async function createNotice(ctx: RequestContext, input: CreateNoticeRequest, key: string | undefined): Promise<IdempotentResult<GateNotice>> {
  const actor = requirePermission(ctx.actor, 'notices:write');
  const draft = { gateIds: input.gateIds, validFrom: new Date(input.validFrom), validTo: new Date(input.validTo) };
  await checkDraft(ctx.app.db, actor, draft);
  return runIdempotent(ctx, { scope: `notices.create:${actor.userId}`, key, request: input }, async (tx) => {
    const now = ctx.app.now();
    const row = await tx
      .insertInto('gate_notices')
      .values({
        kind: input.kind,
        severity: input.severity,
        valid_from: draft.validFrom,
        valid_to: draft.validTo,
        title_vi: input.title.vi.trim(),
        title_en: blank(input.title.en),
        title_zh: blank(input.title.zh),
        body_vi: input.body.vi.trim(),
        body_en: blank(input.body.en),
        body_zh: blank(input.body.zh),
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceNoticeGates(tx, row.id, [...input.gateIds].sort());
    await recordNoticeChange(tx, actor, ctx.requestId, {
      noticeId: row.id,
      action: 'created',
      from: null,
      to: 'draft',
      at: now,
      after: { kind: input.kind, gateIds: input.gateIds, validFrom: input.validFrom, validTo: input.validTo, title: input.title },
    });
    const [notice] = await withGates(tx, [(await findNoticeRow(tx, row.id))!]);
    return { status: 201, body: await toGateNotice(tx, actor, notice) };
  });
}

export { blank };
