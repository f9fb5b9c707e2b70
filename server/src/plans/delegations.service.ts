import { sql, type Kysely, type Transaction } from 'kysely';
import type { CreateDelegationRequest, Delegation, DelegationActionRequest, DelegationListQuery, UpdateDelegationRequest } from '../../../shared/schemas/plans';
import { allowedDelegationActions, DELEGATION_TRANSITIONS, type DelegationStatus } from '../../../shared/workflows/delegation';
import { recordAudit } from '../audit/audit.repository';
import type { Database } from '../db/database';
import { actorLabel } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError, type FieldError } from '../platform/errors';
import { runIdempotent, type IdempotentResult } from '../platform/idempotency';
import { toEvidenceFile } from './files.service';
import { agencyRef } from './plans.mapper';
import * as repo from './plans.repository';
import { likePattern } from './plans.repository';
import { loadPlan } from './read.service';
import { requirePlanManager } from './scope';
import { knownReferences } from './write-plan';

// The register of delegations (đoàn ra / đoàn vào) of a plan: purpose, members, dates,
// counterpart, approval status and the report that follows each trip. The plan owner keeps it.

type Row = Awaited<ReturnType<typeof findRow>> & {};

function findRow(db: RequestContext['app']['db'], planId: string, id: string) {
  return db.selectFrom('plan_delegations').selectAll().where('plan_id', '=', planId).where('id', '=', id).executeTakeFirst();
}

async function toDelegations(db: Kysely<Database> | Transaction<Database>, rows: NonNullable<Row>[]): Promise<Delegation[]> {
  const names = await repo.agencyNames(db);
  const fileIds = rows.flatMap((r) => r.report_file_ids);
  const files = fileIds.length === 0 ? [] : await db.selectFrom('plan_files').select(['id', 'plan_id', 'file_name', 'content_type', 'size_bytes', 'sha256', 'created_at']).where('id', 'in', fileIds).execute();
  return rows.map((r) => ({
    id: r.id,
    planId: r.plan_id,
    direction: r.direction as Delegation['direction'],
    purposeVi: r.purpose_vi,
    counterpartVi: r.counterpart_vi,
    countryVi: r.country_vi,
    leaderVi: r.leader_vi,
    members: r.members.map((m) => ({ nameVi: m.nameVi, positionVi: m.positionVi ?? null, agencyCode: m.agencyCode ?? null })),
    startDate: r.start_date,
    endDate: r.end_date,
    gateId: r.gate_id,
    hostAgency: r.host_agency ? agencyRef(names, r.host_agency) : null,
    inOriginalPlan: r.in_original_plan,
    status: r.status as DelegationStatus,
    approvalRef: r.approval_ref,
    reportVi: r.report_vi,
    reportFiles: r.report_file_ids.map((id) => files.find((f) => f.id === id)).filter((f) => f !== undefined).map(toEvidenceFile),
    reportedAt: r.reported_at?.toISOString() ?? null,
    allowedActions: allowedDelegationActions(r.status as DelegationStatus),
    version: r.version,
    updatedAt: r.updated_at.toISOString(),
  }));
}

// Takes the executor explicitly: inside a transaction, a query on another connection would wait
// for this one forever on PGlite's single connection.
async function problemsOf(db: Kysely<Database> | Transaction<Database>, d: { startDate?: string | null; endDate?: string | null; gateId?: string | null; hostAgency?: string | null; members?: Array<{ agencyCode?: string | null }> }) {
  const known = await knownReferences(db);
  const problems: FieldError[] = [];
  if (d.startDate && d.endDate && d.startDate > d.endDate) problems.push({ path: '/endDate', message: 'the delegation ends before it starts' });
  if (d.gateId && !known.gates.has(d.gateId)) problems.push({ path: '/gateId', message: `unknown gate "${d.gateId}"` });
  if (d.hostAgency && !known.agencies.has(d.hostAgency)) problems.push({ path: '/hostAgency', message: `unknown agency "${d.hostAgency}"` });
  d.members?.forEach((m, i) => {
    if (m.agencyCode && !known.agencies.has(m.agencyCode)) problems.push({ path: `/members/${i}/agencyCode`, message: `unknown agency "${m.agencyCode}"` });
  });
  if (problems.length > 0) throw new AppError('plans.invalid_delegation', { errors: problems });
}

export async function listDelegations(ctx: RequestContext, planId: string, q: DelegationListQuery): Promise<Delegation[]> {
  await loadPlan(ctx, planId);
  let query = ctx.app.db.selectFrom('plan_delegations').selectAll().where('plan_id', '=', planId);
  if (q.direction) query = query.where('direction', '=', q.direction);
  if (q.status) query = query.where('status', '=', q.status);
  if (q.year) query = query.where(sql<boolean>`extract(year from coalesce(start_date, created_at::date)) = ${q.year}`);
  if (q.q) query = query.where(sql<boolean>`unaccent(lower(purpose_vi || ' ' || counterpart_vi || ' ' || coalesce(leader_vi, '') || ' ' || members::text)) like unaccent(lower(${likePattern(q.q)}))`);
  return toDelegations(ctx.app.db, await query.orderBy('start_date', (ob) => ob.nullsLast()).orderBy('created_at').execute());
}

export async function getDelegation(ctx: RequestContext, planId: string, id: string): Promise<Delegation> {
  await loadPlan(ctx, planId);
  const row = await findRow(ctx.app.db, planId, id);
  if (!row) throw new AppError('plans.delegation_not_found');
  return (await toDelegations(ctx.app.db, [row]))[0];
}

export async function createDelegation(ctx: RequestContext, planId: string, input: CreateDelegationRequest, key: string | undefined): Promise<IdempotentResult<Delegation>> {
  const { pa, row: plan } = await loadPlan(ctx, planId);
  requirePlanManager(pa, plan.issuer_agency);
  await problemsOf(ctx.app.db, input);
  return runIdempotent(ctx, { scope: `${pa.actor.userId}:plans.delegation-create:${planId}`, key, request: input }, async (tx) => {
    const now = ctx.app.now();
    const row = await tx
      .insertInto('plan_delegations')
      .values({
        plan_id: planId,
        direction: input.direction,
        purpose_vi: input.purposeVi,
        counterpart_vi: input.counterpartVi,
        country_vi: input.countryVi ?? null,
        leader_vi: input.leaderVi ?? null,
        members: JSON.stringify(input.members ?? []),
        start_date: input.startDate ?? null,
        end_date: input.endDate ?? null,
        gate_id: input.gateId ?? null,
        host_agency: input.hostAgency ?? null,
        in_original_plan: input.inOriginalPlan ?? true,
        report_file_ids: [],
        created_by: pa.actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await repo.recordEvent(tx, { planId, entityType: 'delegation', entityId: row.id, action: 'create', to: 'proposed', actorUserId: pa.actor.userId, actorLabel: actorLabel(pa.actor), at: now });
    await recordAudit(tx, pa.actor, ctx.requestId, { action: 'plan_delegation.created', entityType: 'plan_delegation', entityId: row.id, after: { planId, ...input } });
    return { status: 201, body: (await toDelegations(tx, [row]))[0] };
  });
}

export async function updateDelegation(ctx: RequestContext, planId: string, id: string, input: UpdateDelegationRequest): Promise<Delegation> {
  const { pa, row: plan } = await loadPlan(ctx, planId);
  requirePlanManager(pa, plan.issuer_agency);
  await ctx.app.db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('plan_delegations').selectAll().where('plan_id', '=', planId).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw new AppError('plans.delegation_not_found');
    if (row.version !== input.version) throw new AppError('plans.version_conflict', { currentVersion: row.version });
    if (row.status === 'completed' || row.status === 'cancelled') throw new AppError('plans.action_not_allowed', { allowedActions: [] }, 'A closed delegation is no longer edited');
    const next = {
      purpose_vi: input.purposeVi ?? row.purpose_vi,
      counterpart_vi: input.counterpartVi ?? row.counterpart_vi,
      country_vi: input.countryVi !== undefined ? input.countryVi : row.country_vi,
      leader_vi: input.leaderVi !== undefined ? input.leaderVi : row.leader_vi,
      members: input.members ?? row.members,
      start_date: input.startDate !== undefined ? input.startDate : row.start_date,
      end_date: input.endDate !== undefined ? input.endDate : row.end_date,
      gate_id: input.gateId !== undefined ? input.gateId : row.gate_id,
      host_agency: input.hostAgency !== undefined ? input.hostAgency : row.host_agency,
    };
    await problemsOf(tx, { startDate: next.start_date, endDate: next.end_date, gateId: next.gate_id, hostAgency: next.host_agency, members: next.members });
    await tx
      .updateTable('plan_delegations')
      .set({ ...next, members: JSON.stringify(next.members), version: row.version + 1, updated_at: ctx.app.now() })
      .where('id', '=', id)
      .execute();
    const { members: _m, ...beforeRest } = row;
    await recordAudit(tx, pa.actor, ctx.requestId, { action: 'plan_delegation.updated', entityType: 'plan_delegation', entityId: id, before: { ...beforeRest, members: row.members }, after: next, reason: input.reason });
  });
  return getDelegation(ctx, planId, id);
}

export async function delegationAction(ctx: RequestContext, planId: string, id: string, input: DelegationActionRequest): Promise<Delegation> {
  const { pa, row: plan } = await loadPlan(ctx, planId);
  requirePlanManager(pa, plan.issuer_agency);
  const problems: FieldError[] = [];
  if (input.action === 'approve' && !input.approvalRef) problems.push({ path: '/approvalRef', message: 'approval needs the reference of the decision' });
  if (input.action === 'complete' && !input.reportVi) problems.push({ path: '/reportVi', message: 'a completed delegation needs its report' });
  if ((input.action === 'reject' || input.action === 'cancel') && !input.reason) problems.push({ path: '/reason', message: `${input.action} needs a reason` });
  if (problems.length > 0) throw new AppError('plans.invalid_delegation', { errors: problems });
  await ctx.app.db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('plan_delegations').selectAll().where('plan_id', '=', planId).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw new AppError('plans.delegation_not_found');
    if (row.version !== input.version) throw new AppError('plans.version_conflict', { currentVersion: row.version });
    const from = row.status as DelegationStatus;
    const to = DELEGATION_TRANSITIONS[from][input.action];
    if (!to) throw new AppError('plans.action_not_allowed', { allowedActions: allowedDelegationActions(from) });
    const files = input.fileIds ?? [];
    if (files.length > 0) {
      const found = await tx.selectFrom('plan_files').select('id').where('plan_id', '=', planId).where('id', 'in', files).execute();
      const missing = files.filter((f) => !found.some((x) => x.id === f));
      if (missing.length > 0) throw new AppError('plans.invalid_evidence', { errors: missing.map((f) => ({ path: '/fileIds', message: `no file ${f} in this plan` })) });
    }
    const now = ctx.app.now();
    const set = {
      status: to,
      approval_ref: input.action === 'approve' ? input.approvalRef! : row.approval_ref,
      report_vi: input.action === 'complete' ? input.reportVi! : row.report_vi,
      report_file_ids: input.action === 'complete' ? files : row.report_file_ids,
      reported_at: input.action === 'complete' ? now : row.reported_at,
      version: row.version + 1,
      updated_at: now,
    };
    await tx.updateTable('plan_delegations').set(set).where('id', '=', id).execute();
    await repo.recordEvent(tx, { planId, entityType: 'delegation', entityId: id, action: input.action, from, to, actorUserId: pa.actor.userId, actorLabel: actorLabel(pa.actor), reason: input.reason ?? null, at: now });
    await recordAudit(tx, pa.actor, ctx.requestId, {
      action: `plan_delegation.${input.action}`,
      entityType: 'plan_delegation',
      entityId: id,
      before: { status: from, approvalRef: row.approval_ref },
      after: { status: to, approvalRef: set.approval_ref, report: set.report_vi !== null, files: set.report_file_ids.length },
      reason: input.reason ?? null,
    });
  });
  return getDelegation(ctx, planId, id);
}
