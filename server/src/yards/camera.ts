import type { CameraReadingRequest, CheckInResult } from '../../../shared/schemas/yards';
import type { RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { emitEvent } from '../platform/events';
import { applyReading } from './reading-apply';
import { readingView } from './readings-read';
import { normalisePlate } from './match';
import { rulesFor } from './rules';
import { yardInScope } from './scope';
import { tripYardStatus } from './status-view';
import { flagView } from './flags';

// A plate read by a yard camera (token scope yards:camera). Stored once per (camera, event id):
// a resend answers what the first one did. At or above the gate's confidence threshold the reading
// is applied at once; below it (or when the text is not a plate) it waits for an operator.

export async function receiveCameraReading(ctx: RequestContext, body: CameraReadingRequest): Promise<{ status: 200 | 201; body: CheckInResult }> {
  const { actor, yard } = await yardInScope(ctx.app.db, ctx.actor, 'yards:camera', body.yardId);
  const camera = await ctx.app.db.selectFrom('yard_cameras').selectAll().where('id', '=', body.cameraId).executeTakeFirst();
  if (!camera || camera.yard_id !== yard.id || !camera.active) throw new AppError('yards.unknown_camera', { cameraId: body.cameraId, yardId: yard.id });
  const now = ctx.app.now();
  const capturedAt = new Date(body.capturedAt);
  return ctx.app.db.transaction().execute(async (tx) => {
    const { plate, valid } = normalisePlate(body.plate);
    const inserted = await tx
      .insertInto('plate_readings')
      .values({
        event_id: body.eventId, camera_id: camera.id, camera_position: camera.position, yard_id: yard.id, gate_id: yard.gate_id, plate_read: body.plate,
        plate: valid ? plate : null, confidence: body.confidence, captured_at: capturedAt, image_sha256: body.imageSha256 ?? null, status: 'pending', received_at: now,
      })
      .onConflict((oc) => oc.columns(['camera_id', 'event_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      const existing = await tx.selectFrom('plate_readings').select('id').where('camera_id', '=', camera.id).where('event_id', '=', body.eventId).executeTakeFirstOrThrow();
      return { status: 200 as const, body: await resultOf(tx, actor, existing.id, now) };
    }
    const id = inserted.id;
    await emitEvent(tx, { type: 'plate.read', occurredAt: capturedAt, gateId: yard.gate_id, payload: { yardId: yard.id, cameraId: camera.id, plate: valid ? plate : body.plate, confidence: body.confidence } });
    const rules = await rulesFor(tx, yard.gate_id);
    // A future capture time is a camera clock problem: an operator looks at it.
    const future = capturedAt.getTime() > now.getTime() + 2 * 60_000;
    if (!valid || body.confidence < rules.rules.camera.autoThreshold || future) {
      await emitEvent(tx, { type: 'plate.unconfirmed', occurredAt: capturedAt, gateId: yard.gate_id, payload: { yardId: yard.id, readingId: id, plate: valid ? plate : body.plate, confidence: body.confidence } });
      return { status: 201 as const, body: await resultOf(tx, actor, id, now) };
    }
    const result = await applyReading(tx, actor, ctx.requestId, { id, camera_id: camera.id, camera_position: camera.position, yard_id: yard.id, gate_id: yard.gate_id, captured_at: capturedAt }, plate, now);
    await tx.updateTable('plate_readings').set({ status: result.status, trip_id: result.tripId, flag_id: result.flagId }).where('id', '=', id).execute();
    return { status: 201 as const, body: await resultOf(tx, actor, id, now) };
  });
}

type Tx = Parameters<typeof readingView>[0];

/** The answer for a reading: its outcome, the trip's yard status and the flag, when there are. */
export async function resultOf(tx: Tx, actor: Parameters<typeof tripYardStatus>[1], readingId: string, now: Date): Promise<CheckInResult> {
  const reading = await readingView(tx, readingId);
  const trip = reading.tripId ? await tx.selectFrom('trips').selectAll().where('id', '=', reading.tripId).executeTakeFirst() : undefined;
  const outcome: CheckInResult['outcome'] =
    reading.status === 'pending' ? 'pending' : reading.status === 'flagged' ? 'flagged' : reading.status === 'ignored' ? 'ignored' : reading.cameraPosition === 'entry' ? 'checked_in' : 'applied';
  return {
    outcome,
    trip: trip ? await tripYardStatus(tx, actor, trip, now) : null,
    flag: reading.flagId ? await flagView(tx, reading.flagId) : null,
    reading,
  };
}
