import { sql, type SelectQueryBuilder } from 'kysely';
import { OFFICER_ROLES } from '../../../shared/roles';
import type { Database } from '../db/database';
import { requirePermission, type Actor, type AuthenticatedActor } from '../platform/actor';
import { AppError } from '../platform/errors';
import { findTripRow, type Executor, type TripRow } from './trips.repository';

// Who sees which trip (trips:read): an enterprise its own trips; a driver the trips they drive;
// officers, yard operators and gate authorities the trips at their gates; leaders and
// administrators every trip. Drafts stay private to the enterprise. Anything else is 404.

type Scope =
  | { kind: 'all' }
  | { kind: 'enterprise'; enterpriseId: string }
  | { kind: 'driver'; userId: string }
  | { kind: 'gates'; gateIds: string[] };

export function tripScope(actor: AuthenticatedActor): Scope {
  if (actor.role === 'admin' || actor.role === 'provincial_leader') return { kind: 'all' };
  if (actor.role === 'driver') return { kind: 'driver', userId: actor.userId };
  if (OFFICER_ROLES.includes(actor.role)) return { kind: 'gates', gateIds: actor.gateIds };
  return { kind: 'enterprise', enterpriseId: actor.enterpriseId ?? '00000000-0000-0000-0000-000000000000' };
}

export async function canSeeTrip(db: Executor, actor: AuthenticatedActor, row: TripRow): Promise<boolean> {
  const scope = tripScope(actor);
  switch (scope.kind) {
    case 'all':
      return true;
    case 'enterprise':
      return row.enterprise_id === scope.enterpriseId;
    case 'gates':
      return row.status !== 'draft' && row.gate_id !== null && scope.gateIds.includes(row.gate_id);
    case 'driver': {
      if (row.status === 'draft' || !row.driver_id) return false;
      const d = await db.selectFrom('drivers').select('account_id').where('id', '=', row.driver_id).executeTakeFirst();
      return d?.account_id === scope.userId;
    }
  }
}

/** Narrows a query over `trips` to what the actor may see. */
export function scopeTrips<O>(query: SelectQueryBuilder<Database, 'trips' | 'drivers' | 'vehicles' | 'enterprises', O>, actor: AuthenticatedActor) {
  const scope = tripScope(actor);
  switch (scope.kind) {
    case 'all':
      return query;
    case 'enterprise':
      return query.where('trips.enterprise_id', '=', scope.enterpriseId);
    case 'gates':
      return query.where('trips.status', '<>', 'draft').where(scope.gateIds.length ? sql<boolean>`trips.gate_id = any(${scope.gateIds})` : sql<boolean>`false`);
    case 'driver':
      return query.where('trips.status', '<>', 'draft').where('drivers.account_id', '=', scope.userId);
  }
}

/** The trip if the actor may read it, else 404 (403 first when the role reads no trips at all). */
export async function readableTrip(db: Executor, actor: Actor, id: string): Promise<{ actor: AuthenticatedActor; row: TripRow }> {
  const who = requirePermission(actor, 'trips:read');
  const row = await findTripRow(db, id);
  if (!row || !(await canSeeTrip(db, who, row))) throw new AppError('trips.not_found');
  return { actor: who, row };
}
