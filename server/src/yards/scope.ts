import type { Permission } from '../../../shared/roles';
import { requirePermission, requireGateScope, type Actor, type AuthenticatedActor } from '../platform/actor';
import { AppError } from '../platform/errors';
import type { Executor } from '../trips/trips.repository';

// Yard staff, border guards and gate authorities act only at their gates; administrators act
// everywhere, and provincial leaders (read-only) read every gate.

export function requireYardAccess(actor: Actor, permission: Permission, gateId: string): AuthenticatedActor {
  const who = requirePermission(actor, permission);
  if (permission === 'yards:read' && who.role === 'provincial_leader') return who;
  requireGateScope(who, gateId);
  return who;
}

/** Gates whose yards the actor reads: null means every gate. */
export function readableGates(actor: AuthenticatedActor): string[] | null {
  return actor.role === 'admin' || actor.role === 'provincial_leader' ? null : actor.gateIds;
}

export async function findYard(db: Executor, yardId: string) {
  const yard = await db.selectFrom('yards').selectAll().where('id', '=', yardId).executeTakeFirst();
  if (!yard) throw new AppError('yards.not_found', { yardId });
  return yard;
}

/** The yard, after checking the actor may act on its gate with this permission. */
export async function yardInScope(db: Executor, actor: Actor, permission: Permission, yardId: string) {
  const who = requirePermission(actor, permission);
  const yard = await findYard(db, yardId);
  return { actor: requireYardAccess(who, permission, yard.gate_id), yard };
}

export async function requireGateExists(db: Executor, gateId: string): Promise<{ id: string; time_zone: string; name_vi: string; name_en: string; name_zh: string | null }> {
  const gate = await db.selectFrom('gates').select(['id', 'time_zone', 'name_vi', 'name_en', 'name_zh']).where('id', '=', gateId).executeTakeFirst();
  if (!gate) throw new AppError('gates.not_found', { gateId });
  return gate;
}
