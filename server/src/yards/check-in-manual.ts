import type { CheckInResult, ManualCheckInRequest } from '../../../shared/schemas/yards';
import type { RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { runIdempotent, type IdempotentResult } from '../platform/idempotency';
import { admitTruck } from './admit';
import { checkInResult } from './check-in-result';
import { eventTime } from './event-time';
import { yardInScope } from './scope';

// Check-in typed by an operator (camera down, pass lost): trip reference or plate, with a reason.
// An operator may admit a truck into a full yard only by saying so; it is then flagged as well.

export async function checkInManually(ctx: RequestContext, yardId: string, body: ManualCheckInRequest, key: string | undefined): Promise<IdempotentResult<CheckInResult>> {
  const { actor, yard } = await yardInScope(ctx.app.db, ctx.actor, 'yards:write', yardId);
  if (!body.tripReference && !body.plate) throw new AppError('yards.identify_truck');
  const now = ctx.app.now();
  const occurredAt = eventTime(body.occurredAt, now);
  return runIdempotent(ctx, { scope: `yards.check-in:${actor.userId}`, key, request: { yardId, ...body } }, async (tx) => {
    const outcome = await admitTruck(
      tx,
      actor,
      ctx.requestId,
      {
        yardId: yard.id,
        who: body.tripReference ? { reference: body.tripReference } : { plate: body.plate! },
        source: 'manual',
        occurredAt,
        lane: body.lane,
        overCapacity: body.overCapacity,
        reason: body.reason,
      },
      now,
    );
    return { status: 200, body: await checkInResult(tx, actor, outcome, now) };
  });
}
