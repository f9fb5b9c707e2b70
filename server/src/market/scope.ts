import { OFFICER_ROLES } from '../../../shared/roles';
import type { AuthenticatedActor } from '../platform/actor';
import { AppError } from '../platform/errors';
import type { Executor } from '../notices/notices.repository';

// Which gates' figures a user reads and speaks for: administrators all; gate authorities and
// officers their assigned gates; department staff and leaders every gate of their agency's
// province (a national agency, province VN, every gate); anyone else none.

/** null = every gate. */
export async function gateScope(db: Executor, actor: AuthenticatedActor): Promise<string[] | null> {
  if (actor.role === 'admin') return null;
  if (OFFICER_ROLES.includes(actor.role)) return actor.gateIds;
  if ((actor.role === 'agency_staff' || actor.role === 'provincial_leader') && actor.agencyCode) {
    const agency = await db.selectFrom('agencies').select('province').where('code', '=', actor.agencyCode).executeTakeFirst();
    if (!agency) return [];
    if (agency.province === 'VN') return null;
    return (await db.selectFrom('gates').select('id').where('province', '=', agency.province).execute()).map((g) => g.id);
  }
  return [];
}

export function inGateScope(scope: string[] | null, gateId: string): boolean {
  return scope === null || scope.includes(gateId);
}

/**
 * The gates a statistics query covers: the requested gate or province within the actor's scope.
 * A gate outside the scope is 403; a province with no gate in scope is 404.
 */
export async function statisticsGates(db: Executor, actor: AuthenticatedActor, filter: { gateId?: string; province?: string }): Promise<string[]> {
  const scope = await gateScope(db, actor);
  if (filter.gateId) {
    if (!inGateScope(scope, filter.gateId)) throw new AppError('auth.out_of_scope', { gateId: filter.gateId });
    const gate = await db.selectFrom('gates').select(['id', 'province']).where('id', '=', filter.gateId).executeTakeFirst();
    if (!gate || (filter.province && gate.province !== filter.province)) return [];
    return [gate.id];
  }
  let query = db.selectFrom('gates').select('id').orderBy('id');
  if (filter.province) query = query.where('province', '=', filter.province);
  const ids = (await query.execute()).map((g) => g.id).filter((id) => inGateScope(scope, id));
  if (filter.province && ids.length === 0) throw new AppError('statistics.unknown_province');
  return ids;
}
