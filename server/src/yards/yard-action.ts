import type { TripYardStatus, YardActionRequest } from '../../../shared/schemas/yards';
import type { RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { runIdempotent, type IdempotentResult } from '../platform/idempotency';
import { requirePermission } from '../platform/actor';
import { eventTime } from './event-time';
import { requireYardAccess } from './scope';
import { tripYardStatus } from './status-view';
import { recordStep } from './steps';

// Yard staff or the border guard record a crossing step (leave the yard, pass the gate, arrive,
// check out) on a truck at their gate, with the time it happened.

export async function recordYardAction(ctx: RequestContext, tripId: string, body: YardActionRequest, key: string | undefined): Promise<IdempotentResult<TripYardStatus>> {
  const who = requirePermission(ctx.actor, 'yards:write');
  const found = await ctx.app.db.selectFrom('trips').select(['gate_id', 'status']).where('id', '=', tripId).executeTakeFirst();
  if (!found || !found.gate_id || found.status === 'draft') throw new AppError('yards.trip_not_found');
  const actor = requireYardAccess(who, 'yards:write', found.gate_id);
  const now = ctx.app.now();
  const occurredAt = eventTime(body.occurredAt, now);
  return runIdempotent(ctx, { scope: `yards.action:${actor.userId}`, key, request: { tripId, ...body } }, async (tx) => {
    const trip = (await tx.selectFrom('trips').selectAll().where('id', '=', tripId).forUpdate().executeTakeFirst())!;
    const after = await recordStep(tx, actor, ctx.requestId, { trip, action: body.action, occurredAt, reason: body.reason ?? null, source: 'staff' }, now);
    return { status: 200, body: await tripYardStatus(tx, actor, after, now) };
  });
}
