import type { ResolveFlagRequest, YardFlag } from '../../../shared/schemas/yards';
import { recordAudit } from '../audit/audit.repository';
import { actorLabel, requirePermission } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { flagView } from './flags';
import { requireYardAccess } from './scope';

// An operator resolves a flag with a reason: dismiss it (handled outside the system, e.g. the truck
// was turned away), or release a truck held after repeated drop-backs back into the queue.

export async function resolveFlag(ctx: RequestContext, id: string, body: ResolveFlagRequest): Promise<YardFlag> {
  const who = requirePermission(ctx.actor, 'yards:write');
  const found = await ctx.app.db.selectFrom('yard_flags').select(['gate_id']).where('id', '=', id).executeTakeFirst();
  if (!found) throw new AppError('yards.flag_not_found');
  const actor = requireYardAccess(who, 'yards:write', found.gate_id);
  const now = ctx.app.now();
  return ctx.app.db.transaction().execute(async (tx) => {
    const flag = await tx.selectFrom('yard_flags').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (flag.status !== 'open') throw new AppError('yards.flag_resolved');
    let released = false;
    if (body.action === 'release_hold') {
      const visit = flag.trip_id ? await tx.selectFrom('yard_visits').select(['held', 'status']).where('trip_id', '=', flag.trip_id).forUpdate().executeTakeFirst() : undefined;
      if (!visit || !visit.held || visit.status !== 'queued') throw new AppError('yards.not_held');
      await tx
        .updateTable('yard_visits')
        .set({ held: false, updated_at: now, version: (eb) => eb('version', '+', 1) })
        .where('trip_id', '=', flag.trip_id!)
        .execute();
      released = true;
    }
    await tx
      .updateTable('yard_flags')
      .set({ status: 'resolved', resolved_at: now, resolved_by: actor.userId, resolved_by_label: actorLabel(actor), resolution: `${body.action}: ${body.reason}` })
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, actor, ctx.requestId, {
      action: `yard.flag_${body.action}`,
      entityType: 'yard_flag',
      entityId: id,
      before: { status: 'open', reason: flag.reason },
      after: { status: 'resolved', action: body.action, released },
      reason: body.reason,
    });
    return flagView(tx, id);
  });
}
