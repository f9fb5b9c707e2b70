import type { CallNextRequest, CallNextResponse } from '../../../shared/schemas/yards';
import type { RequestContext } from '../platform/context';
import { runIdempotent, type IdempotentResult } from '../platform/idempotency';
import { callForward } from './call-forward';
import { requireGateExists, requireYardAccess } from './scope';

// The operator's "call next": the same run as the job (drop-backs, capacity, order, clearance),
// now, optionally limited to a number of trucks. Waits for a job run in progress instead of skipping.

export async function callNext(ctx: RequestContext, body: CallNextRequest, key: string | undefined): Promise<IdempotentResult<CallNextResponse>> {
  const actor = requireYardAccess(ctx.actor, 'yards:write', body.gateId);
  await requireGateExists(ctx.app.db, body.gateId);
  const now = ctx.app.now();
  return runIdempotent(ctx, { scope: `yards.call-next:${actor.userId}`, key, request: body }, async (tx) => {
    const result = await callForward(tx, actor, ctx.requestId, body.gateId, body.direction, now, { by: 'operator', count: body.count, lock: 'wait' });
    return { status: 200, body: result! };
  });
}
