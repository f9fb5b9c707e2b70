import type { YardFlag } from '../../../shared/schemas/yards';
import type { RequestContext } from '../platform/context';
import { toFlag } from './flags';
import { requireYardAccess } from './scope';

/** Flags of a gate, newest first (open ones by default). */
export async function listFlags(ctx: RequestContext, gateId: string, status: 'open' | 'resolved' = 'open'): Promise<YardFlag[]> {
  requireYardAccess(ctx.actor, 'yards:read', gateId);
  const rows = await ctx.app.db
    .selectFrom('yard_flags as f')
    .leftJoin('trips as t', 't.id', 'f.trip_id')
    .selectAll('f')
    .select('t.reference')
    .where('f.gate_id', '=', gateId)
    .where('f.status', '=', status)
    .orderBy('f.raised_at', 'desc')
    .limit(500)
    .execute();
  return rows.map(toFlag);
}
