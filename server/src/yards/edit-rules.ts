import type { UpdateYardRulesRequest, YardRules } from '../../../shared/schemas/yards';
import { recordAudit } from '../audit/audit.repository';
import { actorLabel, requirePermission } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { laneProblems, rulesFor } from './rules';
import { requireGateExists, requireYardAccess } from './scope';

// The gate authority sets the lanes and yard rules of its gate (capacity:write); the change is
// audited with its reason and is kept over newer reference data. Lanes of trucks already queued
// keep the priority they were queued with.

export async function readRules(ctx: RequestContext, gateId: string): Promise<YardRules> {
  requireYardAccess(ctx.actor, 'yards:read', gateId);
  await requireGateExists(ctx.app.db, gateId);
  return rulesFor(ctx.app.db, gateId);
}

export async function updateRules(ctx: RequestContext, gateId: string, body: UpdateYardRulesRequest): Promise<YardRules> {
  const actor = requireYardAccess(requirePermission(ctx.actor, 'capacity:write'), 'capacity:write', gateId);
  await requireGateExists(ctx.app.db, gateId);
  const problems = laneProblems(body.lanes);
  if (body.rules.eta.minSamplesHigh < body.rules.eta.minSamplesMedium) {
    problems.push({ path: 'body/rules/eta/minSamplesHigh', message: 'Must be at least minSamplesMedium' });
  }
  if (problems.length > 0) throw new AppError('yards.invalid_rules', { errors: problems });
  const now = ctx.app.now();
  return ctx.app.db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('yard_gate_rules').select(['version']).where('gate_id', '=', gateId).forUpdate().executeTakeFirst();
    const current = row?.version ?? 1;
    if (body.version !== current) throw new AppError('yards.version_conflict', { currentVersion: current });
    const before = await rulesFor(tx, gateId);
    const values = {
      version: current + 1,
      source: 'gate_authority',
      dataset: before.dataset,
      lanes: JSON.stringify(body.lanes),
      rules: JSON.stringify(body.rules),
      updated_at: now,
      updated_by: actor.userId,
      updated_by_label: actorLabel(actor),
    };
    await tx.insertInto('yard_gate_rules').values({ gate_id: gateId, ...values }).onConflict((oc) => oc.column('gate_id').doUpdateSet(values)).execute();
    const after = await rulesFor(tx, gateId);
    await recordAudit(tx, actor, ctx.requestId, { action: 'yard.rules_updated', entityType: 'gate', entityId: gateId, before, after, reason: body.reason });
    return after;
  });
}
