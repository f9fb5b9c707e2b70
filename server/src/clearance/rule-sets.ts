import crypto from 'node:crypto';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { PublishRuleSetRequest, RiskRules, RuleSet, RuleSetSummary } from '../../../shared/schemas/clearance';
import { recordAudit } from '../audit/audit.repository';
import type { Database } from '../db/database';
import { actorLabel, requirePermission } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError, type FieldError } from '../platform/errors';
import { emitEvent } from '../platform/events';
import { runIdempotent, type IdempotentResult } from '../platform/idempotency';
import { riskRulesDataset } from './reference';

// Versioned customs risk rule sets. Only customs officers with clearance:rules publish; a new
// version applies to selections made from its effective time on, and each selection names the
// version it used, so a change never alters a past decision (the table is append-only).

type Executor = Kysely<Database> | Transaction<Database>;
type Row = Selectable<Database['clearance_rule_sets']>;

// Serialises publications (version numbers) across server processes.
const PUBLISH_LOCK = 724_160_050;

export const checksumOf = (rules: RiskRules) => crypto.createHash('sha256').update(JSON.stringify(rules)).digest('hex');

/** Version 1 from reference/clearance/risk-rules.json, on a database that has none. */
export async function ensureRuleSet(tx: Transaction<Database>): Promise<boolean> {
  const any = await tx.selectFrom('clearance_rule_sets').select('version').limit(1).executeTakeFirst();
  if (any) return false;
  const dataset = riskRulesDataset();
  await tx
    .insertInto('clearance_rule_sets')
    .values({
      version: 1,
      effective_from: new Date(`${dataset.effectiveFrom}T00:00:00Z`),
      rules: JSON.stringify(dataset.data.rules),
      checksum: checksumOf(dataset.data.rules),
      created_by: null,
      created_by_label: `system:reference-data ${dataset.name} ${dataset.version}`,
      reason: `Loaded from reference data ${dataset.name} ${dataset.version}`,
    })
    .onConflict((oc) => oc.column('version').doNothing())
    .execute();
  return true;
}

/** The version selections use at an instant: the latest effective one. */
export async function ruleSetInForce(db: Executor, at: Date): Promise<{ version: number; rules: RiskRules } | undefined> {
  const row = await db
    .selectFrom('clearance_rule_sets')
    .select(['version', 'rules'])
    .where('effective_from', '<=', at)
    .orderBy('effective_from', 'desc')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { version: row.version, rules: row.rules as RiskRules } : undefined;
}

function summary(row: Row, inForce: number | undefined): RuleSetSummary {
  return {
    version: row.version,
    effectiveFrom: row.effective_from.toISOString(),
    createdAt: new Date(row.created_at).toISOString(),
    createdByLabel: row.created_by_label,
    reason: row.reason,
    ruleCount: (row.rules as RiskRules).rules.length,
    inForce: row.version === inForce,
  };
}

export async function listRuleSets(ctx: RequestContext): Promise<{ items: RuleSetSummary[]; total: number }> {
  requirePermission(ctx.actor, 'clearance:read');
  const rows = await ctx.app.db.selectFrom('clearance_rule_sets').selectAll().orderBy('version', 'desc').execute();
  const inForce = (await ruleSetInForce(ctx.app.db, ctx.app.now()))?.version;
  return { items: rows.map((r) => summary(r, inForce)), total: rows.length };
}

export async function getRuleSet(ctx: RequestContext, version: number): Promise<RuleSet> {
  requirePermission(ctx.actor, 'clearance:read');
  const row = await ctx.app.db.selectFrom('clearance_rule_sets').selectAll().where('version', '=', version).executeTakeFirst();
  if (!row) throw new AppError('clearance.rule_set_not_found');
  const inForce = (await ruleSetInForce(ctx.app.db, ctx.app.now()))?.version;
  return { ...summary(row, inForce), rules: row.rules as RiskRules };
}

/** What the schema cannot say: unique ids and classes, rates that add up, classes that exist. */
export function ruleSetProblems(rules: RiskRules): FieldError[] {
  const problems: FieldError[] = [];
  const classes = rules.complianceClasses.map((c) => c.class);
  classes.forEach((c, i) => {
    if (classes.indexOf(c) !== i) problems.push({ path: `/rules/complianceClasses/${i}/class`, message: `class ${c} is defined twice`, code: 'duplicate' });
  });
  const ids = rules.rules.map((r) => r.id);
  rules.rules.forEach((r, i) => {
    if (ids.indexOf(r.id) !== i) problems.push({ path: `/rules/rules/${i}/id`, message: `rule id ${r.id} is used twice`, code: 'duplicate' });
    for (const c of r.when.complianceClass ?? []) {
      if (!classes.includes(c)) problems.push({ path: `/rules/rules/${i}/when/complianceClass`, message: `class ${c} is not defined`, code: 'unknown_class' });
    }
  });
  if (rules.random.red + rules.random.yellow > 1) problems.push({ path: '/rules/random', message: 'red + yellow must not exceed 1', code: 'rates' });
  return problems;
}

export async function publishRuleSet(ctx: RequestContext, input: PublishRuleSetRequest, key: string | undefined): Promise<IdempotentResult<RuleSet>> {
  const actor = requirePermission(ctx.actor, 'clearance:rules');
  if (actor.role !== 'customs') throw new AppError('clearance.rules_wrong_agency');
  const now = ctx.app.now();
  const effectiveFrom = input.effectiveFrom ? new Date(input.effectiveFrom) : now;
  const problems = ruleSetProblems(input.rules);
  // A minute of grace for clocks; a rule set can never reach back over decisions already taken.
  if (effectiveFrom.getTime() < now.getTime() - 60_000) problems.push({ path: '/effectiveFrom', message: 'must not be in the past', code: 'past' });
  if (problems.length > 0) throw new AppError('clearance.rule_set_invalid', { errors: problems });
  const result = await runIdempotent(ctx, { scope: `${actor.userId}:clearance.rule_sets`, key, request: input }, async (tx) => {
    await sql`select pg_advisory_xact_lock(${PUBLISH_LOCK})`.execute(tx);
    const last = await tx.selectFrom('clearance_rule_sets').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst();
    const version = (last?.v ?? 0) + 1;
    await tx
      .insertInto('clearance_rule_sets')
      .values({
        version,
        effective_from: effectiveFrom,
        rules: JSON.stringify(input.rules),
        checksum: checksumOf(input.rules),
        created_by: actor.userId,
        created_by_label: actorLabel(actor),
        reason: input.reason,
        created_at: now,
      })
      .execute();
    await recordAudit(tx, actor, ctx.requestId, {
      action: 'clearance.rule_set_published',
      entityType: 'clearance_rule_set',
      entityId: String(version),
      after: { version, effectiveFrom: effectiveFrom.toISOString(), rules: input.rules.rules.length, checksum: checksumOf(input.rules) },
      reason: input.reason,
    });
    await emitEvent(tx, { type: 'clearance.rules_published', occurredAt: now, payload: { version, effectiveFrom: effectiveFrom.toISOString() } });
    return { status: 201, body: { version } as unknown as RuleSet };
  });
  return { ...result, body: await getRuleSet(ctx, (result.body as unknown as { version: number }).version) };
}
