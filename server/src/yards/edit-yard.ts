import type { Transaction } from 'kysely';
import type { CreateYardRequest, UpdateYardRequest, Yard, YardCamera } from '../../../shared/schemas/yards';
import { recordAudit } from '../audit/audit.repository';
import type { Database } from '../db/database';
import { requirePermission } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { requireGateExists, requireYardAccess } from './scope';
import { yardViews } from './yards-read';

// The gate authority (capacity:write) adds yards and changes their capacity, names, cameras and
// whether they are in use; every change is audited with its reason. Lowering the capacity below
// the trucks inside is allowed (the yard then admits nobody until it empties) but never hides them.

async function putCameras(tx: Transaction<Database>, yardId: string, cameras: YardCamera[]): Promise<void> {
  const ids = cameras.map((c) => c.id);
  if (new Set(ids).size !== ids.length) throw new AppError('yards.camera_in_use', { cameras: ids });
  if (ids.length > 0) {
    const taken = await tx.selectFrom('yard_cameras').select(['id', 'yard_id']).where('id', 'in', ids).where('yard_id', '<>', yardId).execute();
    if (taken.length > 0) throw new AppError('yards.camera_in_use', { cameras: taken.map((t) => t.id) });
  }
  // Cameras are referenced by their readings: unlisted ones are switched off, never deleted.
  await tx.updateTable('yard_cameras').set({ active: false }).where('yard_id', '=', yardId).where('id', 'not in', ids.length ? ids : ['-']).execute();
  for (const c of cameras) {
    await tx
      .insertInto('yard_cameras')
      .values({ id: c.id, yard_id: yardId, position: c.position, description: c.description ?? null, active: true })
      .onConflict((oc) => oc.column('id').doUpdateSet({ position: c.position, description: c.description ?? null, active: true }))
      .execute();
  }
}

export async function createYard(ctx: RequestContext, gateId: string, body: CreateYardRequest): Promise<Yard> {
  const actor = requireYardAccess(requirePermission(ctx.actor, 'capacity:write'), 'capacity:write', gateId);
  await requireGateExists(ctx.app.db, gateId);
  const now = ctx.app.now();
  return ctx.app.db.transaction().execute(async (tx) => {
    const inserted = await tx
      .insertInto('yards')
      .values({ id: body.id, gate_id: gateId, name_vi: body.nameVi, name_en: body.nameEn, name_zh: body.nameZh, capacity: body.capacity, directions: body.directions, created_at: now, updated_at: now })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw new AppError('yards.duplicate_yard', { yardId: body.id });
    await putCameras(tx, body.id, body.cameras ?? []);
    for (const direction of body.directions) {
      await tx.insertInto('yard_queue_locks').values({ gate_id: gateId, direction, last_run_at: null }).onConflict((oc) => oc.columns(['gate_id', 'direction']).doNothing()).execute();
    }
    const view = (await yardViews(tx, [body.id]))[0];
    await recordAudit(tx, actor, ctx.requestId, { action: 'yard.created', entityType: 'yard', entityId: body.id, after: view, reason: body.reason });
    return view;
  });
}

export async function updateYard(ctx: RequestContext, yardId: string, body: UpdateYardRequest): Promise<Yard> {
  const who = requirePermission(ctx.actor, 'capacity:write');
  const now = ctx.app.now();
  return ctx.app.db.transaction().execute(async (tx) => {
    const yard = await tx.selectFrom('yards').selectAll().where('id', '=', yardId).forUpdate().executeTakeFirst();
    if (!yard) throw new AppError('yards.not_found', { yardId });
    const actor = requireYardAccess(who, 'capacity:write', yard.gate_id);
    if (yard.version !== body.version) throw new AppError('yards.version_conflict', { currentVersion: yard.version });
    const before = (await yardViews(tx, [yardId]))[0];
    await tx
      .updateTable('yards')
      .set({
        name_vi: body.nameVi ?? yard.name_vi,
        name_en: body.nameEn ?? yard.name_en,
        name_zh: body.nameZh === undefined ? yard.name_zh : body.nameZh,
        capacity: body.capacity ?? yard.capacity,
        directions: body.directions ?? yard.directions,
        active: body.active ?? yard.active,
        version: yard.version + 1,
        updated_at: now,
      })
      .where('id', '=', yardId)
      .execute();
    if (body.cameras) await putCameras(tx, yardId, body.cameras);
    for (const direction of body.directions ?? []) {
      await tx.insertInto('yard_queue_locks').values({ gate_id: yard.gate_id, direction, last_run_at: null }).onConflict((oc) => oc.columns(['gate_id', 'direction']).doNothing()).execute();
    }
    const after = (await yardViews(tx, [yardId]))[0];
    await recordAudit(tx, actor, ctx.requestId, { action: 'yard.updated', entityType: 'yard', entityId: yardId, before, after, reason: body.reason });
    return after;
  });
}
