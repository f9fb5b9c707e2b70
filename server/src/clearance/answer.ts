import type { AnswerRequest, ControlStatus, EnterpriseClearanceView } from '../../../shared/schemas/clearance';
import { actorLabel, requirePermission } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { runIdempotent, type IdempotentResult } from '../platform/idempotency';
import { inEnterpriseScope } from '../fleet/scope';
import { findTripRow } from '../trips/trips.repository';
import { emitClearance } from './control-log';
import { moveControl } from './control-store';
import { enterpriseView } from './enterprise-view';
import { notifyOfficers } from './notify';
import { controlRules } from './reference';
import { refreshClearance } from './status';

// The enterprise answers an agency's document request in place, on its own trip: a message and
// the documents (files uploaded first to the trip). The control goes back to the officer's
// worklist, waiting from now, and the agency's officers at the gate are told.

export async function answerRequest(ctx: RequestContext, tripId: string, requestId: string, input: AnswerRequest, key: string | undefined): Promise<IdempotentResult<EnterpriseClearanceView>> {
  const actor = requirePermission(ctx.actor, 'trips:write');
  const visible = await findTripRow(ctx.app.db, tripId);
  if (!visible || !inEnterpriseScope(actor, visible.enterprise_id)) throw new AppError('trips.not_found');
  const fileIds = input.documents.map((d) => d.fileId).filter((f): f is string => !!f);
  if (fileIds.length > 0) {
    const known = new Set((await ctx.app.db.selectFrom('trip_files').select('id').where('trip_id', '=', tripId).where('id', 'in', fileIds).execute()).map((f) => f.id));
    const errors = input.documents.flatMap((d, i) => (d.fileId && !known.has(d.fileId) ? [{ path: `/documents/${i}/fileId`, message: 'not a file of this trip', code: 'trips.file_not_found' }] : []));
    if (errors.length > 0) throw new AppError('clearance.answer_invalid', { errors });
  }
  const result = await runIdempotent(ctx, { scope: `${actor.userId}:clearance.answer:${requestId}`, key, request: input }, async (tx) => {
    const now = ctx.app.now();
    const trip = (await findTripRow(tx, tripId, true))!;
    const request = await tx.selectFrom('clearance_document_requests').selectAll().where('id', '=', requestId).where('trip_id', '=', tripId).forUpdate().executeTakeFirst();
    if (!request) throw new AppError('clearance.request_not_found');
    if (request.answered_at) throw new AppError('clearance.request_answered');
    const control = await tx.selectFrom('clearance_controls').selectAll().where('id', '=', request.control_id).forUpdate().executeTakeFirstOrThrow();
    if (control.status !== 'documents_requested') throw new AppError('clearance.invalid_transition', { allowedActions: [], controlStatus: control.status });
    const documents = input.documents.map((d) => ({ kind: d.kind, number: d.number.trim(), fileId: d.fileId ?? null, note: d.note ?? null }));
    await tx
      .updateTable('clearance_document_requests')
      .set({ answered_at: now, answered_by: actor.userId, answered_by_label: actorLabel(actor), answer: JSON.stringify({ message: input.message, documents }) })
      .where('id', '=', requestId)
      .execute();
    await moveControl(tx, actor, ctx.requestId, control, { to: 'pending' as ControlStatus, action: 'answer', reason: input.message, waitingSince: now, answered: true, details: { requestId, documents: documents.length } }, now);
    await emitClearance(tx, trip, 'clearance.answered', now, { agency: control.agency, controlId: control.id, requestId });
    await refreshClearance(tx, actor, ctx.requestId, tripId, now);
    const agency = controlRules().agencies[control.agency as keyof ReturnType<typeof controlRules>['agencies']];
    await notifyOfficers(
      tx,
      trip.gate_id!,
      control.agency,
      {
        kind: 'clearance.answered',
        title: { vi: `Doanh nghiệp đã bổ sung chứng từ (${agency.vi})`, en: `The enterprise answered (${agency.en})` },
        body: { vi: `${trip.reference}: ${input.message}`, en: `${trip.reference}: ${input.message}` },
        dedupeKey: `clearance:answer:${requestId}`,
        tripId,
      },
      now,
    );
    return { status: 200, body: { tripId } as unknown as EnterpriseClearanceView };
  });
  return { ...result, body: await enterpriseView(ctx.app.db, actor, (await findTripRow(ctx.app.db, tripId))!) };
}
