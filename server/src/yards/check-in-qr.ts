import type { CheckInResult, QrCheckInRequest } from '../../../shared/schemas/yards';
import type { RequestContext } from '../platform/context';
import { runIdempotent, type IdempotentResult } from '../platform/idempotency';
import { admitTruck } from './admit';
import { eventTime } from './event-time';
import { checkInResult } from './check-in-result';
import { yardInScope } from './scope';

// Check-in by scanning the pass QR at the yard entry: the signature is checked with the published
// keys, then the pass must be the trip's current one; the one check-in service decides the rest.

export async function checkInByQr(ctx: RequestContext, yardId: string, body: QrCheckInRequest, key: string | undefined): Promise<IdempotentResult<CheckInResult>> {
  const { actor, yard } = await yardInScope(ctx.app.db, ctx.actor, 'yards:write', yardId);
  const now = ctx.app.now();
  const occurredAt = eventTime(body.occurredAt, now);
  return runIdempotent(ctx, { scope: `yards.check-in:${actor.userId}`, key, request: { yardId, ...body } }, async (tx) => {
    const outcome = await admitTruck(tx, actor, ctx.requestId, { yardId: yard.id, who: { passToken: body.passToken }, source: 'qr', occurredAt, lane: body.lane }, now);
    return { status: 200, body: await checkInResult(tx, actor, outcome, now) };
  });
}
