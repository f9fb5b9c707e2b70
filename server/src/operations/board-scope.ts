import { OFFICER_ROLES } from '../../../shared/roles';
import { listGateRows, type GateRow } from '../gates/gates.repository';
import { requirePermission, type Actor, type AuthenticatedActor } from '../platform/actor';
import { AppError } from '../platform/errors';
import type { Executor } from './figures.repository';
import { isMonitored } from './gate-status';

// Who sees which gates on the board (operations:read): officers the gates they are assigned to;
// provincial leaders and department staff the gates of their agency's province; administrators
// every gate. Checked here, in the service, whatever the route.

export interface BoardSelection {
  kind: 'gate' | 'province' | 'all';
  province: string | null;
  gates: GateRow[];
}

async function actorProvince(db: Executor, actor: AuthenticatedActor): Promise<string | null> {
  if (!actor.agencyCode) return null;
  const agency = await db.selectFrom('agencies').select('province').where('code', '=', actor.agencyCode).executeTakeFirst();
  return agency?.province ?? null;
}

/** The gates an actor may watch, among the monitored ones. */
export async function visibleGates(db: Executor, actor: Actor): Promise<{ actor: AuthenticatedActor; gates: GateRow[]; province: string | null }> {
  const who = requirePermission(actor, 'operations:read');
  const all = (await listGateRows(db, {})).filter(isMonitored);
  if (who.role === 'admin') return { actor: who, gates: all, province: null };
  if (OFFICER_ROLES.includes(who.role)) return { actor: who, gates: all.filter((g) => who.gateIds.includes(g.id)), province: null };
  const province = await actorProvince(db, who);
  return { actor: who, gates: province ? all.filter((g) => g.province === province) : [], province };
}

/** What a board request asks for, narrowed to what the actor may see (404 unknown gate, 403 outside scope). */
export async function selectBoard(db: Executor, actor: Actor, query: { gateId?: string; province?: string }): Promise<BoardSelection> {
  const { actor: who, gates } = await visibleGates(db, actor);
  if (query.gateId) {
    const exists = await db.selectFrom('gates').select(['id', 'status', 'traffic']).where('id', '=', query.gateId).executeTakeFirst();
    // A planned gate has no traffic to show: the same 404 as an unknown one.
    if (!exists || !isMonitored(exists)) throw new AppError('operations.gate_not_found');
    const gate = gates.find((g) => g.id === query.gateId);
    if (!gate) throw new AppError('auth.out_of_scope', { gateId: query.gateId });
    return { kind: 'gate', province: gate.province, gates: [gate] };
  }
  if (query.province) {
    const inProvince = gates.filter((g) => g.province === query.province);
    if (inProvince.length === 0 && who.role !== 'admin') {
      const anyThere = await db.selectFrom('gates').select('id').where('province', '=', query.province).executeTakeFirst();
      if (anyThere) throw new AppError('operations.province_out_of_scope');
    }
    return { kind: 'province', province: query.province, gates: inProvince };
  }
  return { kind: 'all', province: null, gates };
}
