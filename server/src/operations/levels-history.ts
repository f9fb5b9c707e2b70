import type { LevelChange } from '../../../shared/schemas/operations';
import type { RequestContext } from '../platform/context';
import { selectBoard } from './board-scope';

/** The level changes of a gate (newest first), as the levels job recorded them. */
export async function levelHistory(ctx: RequestContext, gateId: string, limit = 200): Promise<LevelChange[]> {
  await selectBoard(ctx.app.db, ctx.actor, { gateId });
  const rows = await ctx.app.db.selectFrom('gate_congestion_history').selectAll().where('gate_id', '=', gateId).orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => {
    const f = r.figures as { waiting?: number; expectedWaitMinutes?: number | null; reason?: LevelChange['reason'] };
    return {
      gateId: r.gate_id,
      level: r.level as LevelChange['level'],
      previousLevel: r.previous_level as LevelChange['previousLevel'],
      since: new Date(r.since).toISOString(),
      waiting: f.waiting ?? 0,
      expectedWaitMinutes: f.expectedWaitMinutes ?? null,
      reason: f.reason ?? 'none',
    };
  });
}
