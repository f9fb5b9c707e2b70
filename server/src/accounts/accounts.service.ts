import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database';
import { ENTERPRISE_ROLES } from '../../../shared/roles';
import type { Account, CreateAccountRequest, UpdateAccountRequest } from '../../../shared/schemas/accounts';
import { recordAudit } from '../audit/audit.repository';
import { assertPasswordPolicy, hashPassword, verifyPassword } from '../auth/passwords';
import { revokeSessions } from '../auth/auth.repository';
import { requirePermission, type AuthenticatedActor } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError, isUniqueViolation } from '../platform/errors';
import { runIdempotent, type IdempotentResult } from '../platform/idempotency';
import { assignmentProblems } from './assignment';
import * as repo from './accounts.repository';

// Administrators manage every account. An enterprise's own administrator (isOrgAdmin) manages
// only the users of that enterprise and only enterprise-side roles. Anything outside the
// actor's scope answers 404, so its existence is not revealed.

function enterpriseScope(actor: AuthenticatedActor): string | undefined {
  return ENTERPRISE_ROLES.includes(actor.role) ? (actor.enterpriseId ?? '00000000-0000-0000-0000-000000000000') : undefined;
}

export async function listAccounts(ctx: RequestContext, filter: { role?: string; q?: string; enterpriseId?: string }): Promise<Account[]> {
  const actor = requirePermission(ctx.actor, 'accounts:read');
  return repo.listAccounts(ctx.app.db, { ...filter, enterpriseId: enterpriseScope(actor) ?? filter.enterpriseId });
}

export async function getAccount(ctx: RequestContext, id: string): Promise<Account> {
  const actor = requirePermission(ctx.actor, 'accounts:read');
  const row = await repo.findAccountRow(ctx.app.db, id);
  const scope = enterpriseScope(actor);
  if (!row || (scope && row.enterprise_id !== scope)) throw new AppError('accounts.not_found');
  const gates = await repo.gateIdsByUser(ctx.app.db, [id]);
  return repo.toAccount(row, gates.get(id)!);
}

async function assertReferencesExist(
  db: Kysely<Database> | Transaction<Database>,
  a: { enterpriseId: string | null; agencyCode: string | null; gateIds: string[] },
) {
  const problems = [];
  if (a.enterpriseId && !(await db.selectFrom('enterprises').select('id').where('id', '=', a.enterpriseId).executeTakeFirst())) {
    problems.push({ path: '/enterpriseId', message: 'no such enterprise' });
  }
  if (a.agencyCode && !(await db.selectFrom('agencies').select('code').where('code', '=', a.agencyCode).executeTakeFirst())) {
    problems.push({ path: '/agencyCode', message: 'no such agency' });
  }
  const known = await repo.existingGateIds(db, a.gateIds);
  a.gateIds.filter((g) => !known.has(g)).forEach((g) => problems.push({ path: '/gateIds', message: `no such gate: ${g}` }));
  if (problems.length > 0) throw new AppError('accounts.invalid_assignment', { errors: problems });
}

export async function createAccount(
  ctx: RequestContext,
  input: CreateAccountRequest,
  idempotencyKey: string | undefined,
): Promise<IdempotentResult<Account>> {
  const actor = requirePermission(ctx.actor, 'accounts:write');
  const scope = enterpriseScope(actor);
  const wanted = {
    role: input.role,
    enterpriseId: scope ?? input.enterpriseId ?? null,
    agencyCode: input.agencyCode ?? null,
    gateIds: input.gateIds ?? [],
    isOrgAdmin: input.isOrgAdmin ?? false,
  };
  if (scope && !ENTERPRISE_ROLES.includes(input.role)) throw new AppError('auth.forbidden', { permission: 'accounts:write' });
  const problems = assignmentProblems(wanted);
  if (problems.length > 0) throw new AppError('accounts.invalid_assignment', { errors: problems });
  assertPasswordPolicy(input.password, input.username);
  await assertReferencesExist(ctx.app.db, wanted);
  const passwordHash = await hashPassword(input.password);
  const { password: _omit, ...logged } = input;
  const result = await runIdempotent(ctx, { scope: `${actor.userId}:accounts.create`, key: idempotencyKey, request: logged }, async (tx) => {
    let row;
    try {
      row = await tx
        .insertInto('users')
        .values({
          username: input.username,
          password_hash: passwordHash,
          display_name: input.displayName,
          email: input.email ?? null,
          phone: input.phone ?? null,
          role: wanted.role,
          enterprise_id: wanted.enterpriseId,
          agency_code: wanted.agencyCode,
          is_org_admin: wanted.isOrgAdmin,
          locale: input.locale ?? 'vi',
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('accounts.username_taken');
      throw error;
    }
    await repo.setUserGates(tx, row.id, wanted.gateIds);
    const account = repo.toAccount(row, wanted.gateIds);
    await recordAudit(tx, actor, ctx.requestId, { action: 'account.created', entityType: 'user', entityId: row.id, after: account });
    return { status: 201, body: account };
  });
  // The password is kept out of the stored request fingerprint (it would be an unsalted hash);
  // a replay must still be the same request, so it is checked against the account's own hash.
  if (result.replayed) {
    const stored = await ctx.app.db.selectFrom('users').select('password_hash').where('id', '=', result.body.id).executeTakeFirst();
    if (!stored || !(await verifyPassword(stored.password_hash, input.password))) throw new AppError('idempotency.key_reused');
  }
  return result;
}

export async function updateAccount(ctx: RequestContext, id: string, input: UpdateAccountRequest): Promise<Account> {
  const actor = requirePermission(ctx.actor, 'accounts:write');
  const scope = enterpriseScope(actor);
  const passwordHash = input.newPassword ? await hashPassword(input.newPassword) : null;
  const result = await ctx.app.db.transaction().execute(async (tx) => {
    const row = await repo.findAccountRow(tx, id, true);
    if (!row || (scope && row.enterprise_id !== scope)) throw new AppError('accounts.not_found');
    if (row.version !== input.version) throw new AppError('accounts.version_conflict', { currentVersion: row.version });
    const gateIds = input.gateIds ?? (await repo.gateIdsByUser(tx, [id])).get(id)!;
    const next = {
      role: input.role ?? row.role,
      enterpriseId: row.enterprise_id,
      agencyCode: input.agencyCode !== undefined ? input.agencyCode : row.agency_code,
      gateIds,
      isOrgAdmin: input.isOrgAdmin ?? row.is_org_admin,
    };
    if (scope && !ENTERPRISE_ROLES.includes(next.role)) throw new AppError('auth.forbidden', { permission: 'accounts:write' });
    if (id === actor.userId && (input.active === false || next.role !== row.role)) throw new AppError('accounts.cannot_change_self');
    const problems = assignmentProblems(next);
    if (problems.length > 0) throw new AppError('accounts.invalid_assignment', { errors: problems });
    if (input.newPassword) assertPasswordPolicy(input.newPassword, row.username);
    await assertReferencesExist(tx, next);
    const before = repo.toAccount(row, (await repo.gateIdsByUser(tx, [id])).get(id)!);
    const now = ctx.app.now();
    const updated = await tx
      .updateTable('users')
      .set({
        display_name: input.displayName ?? row.display_name,
        email: input.email !== undefined ? input.email : row.email,
        phone: input.phone !== undefined ? input.phone : row.phone,
        role: next.role,
        agency_code: next.agencyCode,
        is_org_admin: next.isOrgAdmin,
        locale: input.locale ?? row.locale,
        active: input.active ?? row.active,
        version: row.version + 1,
        updated_at: now,
        ...(passwordHash ? { password_hash: passwordHash, password_changed_at: now } : {}),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await repo.setUserGates(tx, id, gateIds);
    // A disabled account, a new role or a reset password must not keep old sessions or tokens alive.
    if (input.active === false || passwordHash || next.role !== row.role) {
      await revokeSessions(tx, { userId: id }, now);
      await tx.updateTable('api_tokens').set({ revoked_at: now }).where('user_id', '=', id).where('revoked_at', 'is', null).execute();
    }
    const after = repo.toAccount(updated, gateIds);
    await recordAudit(tx, actor, ctx.requestId, {
      action: passwordHash ? 'account.updated_with_password_reset' : 'account.updated',
      entityType: 'user',
      entityId: id,
      before,
      after,
      reason: input.reason,
    });
    return after;
  });
  return result;
}
