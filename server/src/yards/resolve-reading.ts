import type { CheckInResult, ConfirmReadingRequest } from '../../../shared/schemas/yards';
import { recordAudit } from '../audit/audit.repository';
import { actorLabel, requirePermission } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { resultOf } from './camera';
import { normalisePlate } from './match';
import { applyReading } from './reading-apply';
import { requireYardAccess } from './scope';

// An operator handles a reading the camera was not sure of: confirm it (correcting the plate if
// the camera misread it), which applies it exactly as a sure reading would be; or reject it.

async function pendingReading(ctx: RequestContext, id: string) {
  const actor = requirePermission(ctx.actor, 'yards:write');
  const reading = await ctx.app.db.selectFrom('plate_readings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!reading) throw new AppError('yards.reading_not_found');
  requireYardAccess(actor, 'yards:write', reading.gate_id);
  return actor;
}

export async function confirmReading(ctx: RequestContext, id: string, body: ConfirmReadingRequest): Promise<CheckInResult> {
  const actor = await pendingReading(ctx, id);
  const now = ctx.app.now();
  return ctx.app.db.transaction().execute(async (tx) => {
    const reading = await tx.selectFrom('plate_readings').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (reading.status !== 'pending') throw new AppError('yards.reading_not_pending', { readingStatus: reading.status });
    const text = body.plate ?? reading.plate ?? reading.plate_read;
    const { plate } = normalisePlate(text);
    const corrected = plate !== (reading.plate ?? reading.plate_read);
    const result = await applyReading(tx, actor, ctx.requestId, reading, plate, now);
    const resolution = body.reason ?? (corrected ? `corrected to ${plate}` : 'confirmed');
    await tx
      .updateTable('plate_readings')
      .set({
        status: result.status === 'applied' ? 'confirmed' : result.status,
        plate,
        trip_id: result.tripId,
        flag_id: result.flagId,
        resolved_at: now,
        resolved_by: actor.userId,
        resolved_by_label: actorLabel(actor),
        resolution,
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, actor, ctx.requestId, {
      action: 'yard.reading_confirmed',
      entityType: 'plate_reading',
      entityId: id,
      before: { status: 'pending', plate: reading.plate, plateRead: reading.plate_read },
      after: { status: result.status, plate, corrected, tripId: result.tripId, flagId: result.flagId },
      reason: resolution,
    });
    return resultOf(tx, actor, id, now);
  });
}

export async function rejectReading(ctx: RequestContext, id: string, reason: string): Promise<CheckInResult> {
  const actor = await pendingReading(ctx, id);
  const now = ctx.app.now();
  return ctx.app.db.transaction().execute(async (tx) => {
    const reading = await tx.selectFrom('plate_readings').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (reading.status !== 'pending') throw new AppError('yards.reading_not_pending', { readingStatus: reading.status });
    await tx
      .updateTable('plate_readings')
      .set({ status: 'rejected', resolved_at: now, resolved_by: actor.userId, resolved_by_label: actorLabel(actor), resolution: reason })
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, actor, ctx.requestId, { action: 'yard.reading_rejected', entityType: 'plate_reading', entityId: id, before: { status: 'pending' }, after: { status: 'rejected' }, reason });
    return resultOf(tx, actor, id, now);
  });
}
