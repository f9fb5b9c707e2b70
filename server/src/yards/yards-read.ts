import type { Yard } from '../../../shared/schemas/yards';
import type { RequestContext } from '../platform/context';
import { requirePermission } from '../platform/actor';
import type { Executor } from '../trips/trips.repository';
import { readableGates, requireYardAccess, findYard } from './scope';

// Yards with their cameras and how full they are now.

export async function yardViews(db: Executor, ids: string[]): Promise<Yard[]> {
  if (ids.length === 0) return [];
  const yards = await db.selectFrom('yards').selectAll().where('id', 'in', ids).orderBy('gate_id').orderBy('id').execute();
  const cameras = await db.selectFrom('yard_cameras').selectAll().where('yard_id', 'in', ids).where('active', '=', true).orderBy('id').execute();
  const occupancy = await db
    .selectFrom('yard_visits')
    .select(['yard_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('yard_id', 'in', ids)
    .where('status', 'in', ['queued', 'called'])
    .groupBy('yard_id')
    .execute();
  return yards.map((y) => ({
    id: y.id,
    gateId: y.gate_id,
    nameVi: y.name_vi,
    nameEn: y.name_en,
    nameZh: y.name_zh,
    capacity: y.capacity,
    occupancy: Number(occupancy.find((o) => o.yard_id === y.id)?.n ?? 0),
    directions: y.directions as Yard['directions'],
    cameras: cameras.filter((c) => c.yard_id === y.id).map((c) => ({ id: c.id, position: c.position as 'entry', description: c.description })),
    active: y.active,
    version: y.version,
    updatedAt: y.updated_at.toISOString(),
  }));
}

export async function listYards(ctx: RequestContext, gateId?: string): Promise<Yard[]> {
  const actor = requirePermission(ctx.actor, 'yards:read');
  if (gateId) requireYardAccess(actor, 'yards:read', gateId);
  const gates = readableGates(actor);
  let query = ctx.app.db.selectFrom('yards').select('id');
  if (gateId) query = query.where('gate_id', '=', gateId);
  else if (gates !== null) query = query.where('gate_id', 'in', gates.length ? gates : ['-']);
  const ids = (await query.execute()).map((r) => r.id);
  return yardViews(ctx.app.db, ids);
}

export async function getYard(ctx: RequestContext, yardId: string): Promise<Yard> {
  const actor = requirePermission(ctx.actor, 'yards:read');
  const yard = await findYard(ctx.app.db, yardId);
  requireYardAccess(actor, 'yards:read', yard.gate_id);
  return (await yardViews(ctx.app.db, [yardId]))[0];
}
