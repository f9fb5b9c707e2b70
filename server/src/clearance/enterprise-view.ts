import { controlState, type EnterpriseClearanceView, type EnterpriseControl } from '../../../shared/schemas/clearance';
import type { TripStatus } from '../../../shared/workflows/trip';
import type { Actor } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { inEnterpriseScope } from '../fleet/scope';
import { readableTrip } from '../trips/trip-scope';
import type { Executor, TripRow } from '../trips/trips.repository';
import { controlView, loadControls } from './controls-view';
import { driverInstructions } from './driver-instructions';
import { legalBasis } from './reference';

// What the enterprise (and its driver) sees of clearance: which controls are pending, done or
// blocking, what each agency asked for, where and when to present the truck, and what to do
// after a refusal. Never the risk rules or the random draw behind a channel.

export async function enterpriseView(db: Executor, actor: Actor, row: TripRow): Promise<EnterpriseClearanceView> {
  const bundle = await loadControls(db, row.id);
  const controls: EnterpriseControl[] = bundle.controls.map((c) => {
    const v = controlView(c, bundle, false);
    const basis = legalBasis(c.legal_basis_id);
    return {
      id: v.id,
      agency: v.agency,
      kind: v.kind,
      status: v.status,
      state: controlState(v.status),
      channel: v.channel,
      decidedAt: v.decision?.at ?? null,
      outcome: v.decision?.outcome ?? null,
      refusal:
        v.status === 'refused'
          ? { legalBasis: basis ? { id: basis.id, title: basis.title } : null, reason: c.decision_note, whatNext: basis?.whatNext ?? { vi: '', en: '', zh: '' } }
          : null,
      requests: v.requests,
      inspection: v.inspection,
      flags: v.flags,
    };
  });
  const count = (s: string) => controls.filter((c) => c.state === s).length;
  const writer = (actor.kind === 'user' || actor.kind === 'token') && actor.permissions.has('trips:write') && inEnterpriseScope(actor, row.enterprise_id);
  return {
    tripId: row.id,
    reference: row.reference,
    tripStatus: row.status as TripStatus,
    clearanceStatus: row.clearance_status as EnterpriseClearanceView['clearanceStatus'],
    counts: { pending: count('pending'), done: count('done'), blocking: count('blocking') },
    controls,
    instructions: await driverInstructions(db, row.id),
    canAnswer: writer && controls.some((c) => c.status === 'documents_requested'),
  };
}

export async function tripClearance(ctx: RequestContext, tripId: string): Promise<EnterpriseClearanceView> {
  const { actor, row } = await readableTrip(ctx.app.db, ctx.actor, tripId);
  return enterpriseView(ctx.app.db, actor, row);
}
