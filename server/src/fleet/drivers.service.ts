import type { Transaction } from 'kysely';
import type { CreateDriverRequest, Driver, FleetListQuery, UpdateDriverRequest } from '../../../shared/schemas/fleet';
import type { TripCheckError } from '../../../shared/schemas/trips';
import { recordAudit } from '../audit/audit.repository';
import type { Database } from '../db/database';
import { requirePermission } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError, isUniqueViolation } from '../platform/errors';
import { runIdempotent, type IdempotentResult } from '../platform/idempotency';
import { checkError, throwIfProblems } from '../trips/check-error';
import { todayIn } from '../trips/time';
import { findDriverRow, listDriverRows, toDriver } from './fleet.repository';
import { normaliseDocumentNumber } from './fleet.validation';
import { inEnterpriseScope, readEnterprise, writeEnterprise } from './scope';

// An enterprise's drivers with the passport or border pass they cross with. An expired document
// is refused when registered; one that expires later is caught when a trip is submitted.

export async function listDrivers(ctx: RequestContext, query: FleetListQuery): Promise<Driver[]> {
  const actor = requirePermission(ctx.actor, 'fleet:write');
  const rows = await listDriverRows(ctx.app.db, { enterpriseId: readEnterprise(actor, query.enterpriseId), q: query.q, active: query.active });
  const today = todayIn(ctx.app.now());
  return rows.map((r) => toDriver(r, today));
}

export async function getDriver(ctx: RequestContext, id: string): Promise<Driver> {
  const actor = requirePermission(ctx.actor, 'fleet:write');
  const row = await findDriverRow(ctx.app.db, id);
  if (!row || !inEnterpriseScope(actor, row.enterprise_id)) throw new AppError('fleet.driver_not_found');
  return toDriver(row, todayIn(ctx.app.now()));
}

async function checkAccount(tx: Transaction<Database>, accountId: string | null | undefined, enterpriseId: string, problems: TripCheckError[]) {
  if (!accountId) return;
  const user = await tx.selectFrom('users').select(['role', 'enterprise_id']).where('id', '=', accountId).executeTakeFirst();
  if (!user || user.role !== 'driver' || user.enterprise_id !== enterpriseId) problems.push(checkError('/accountId', 'fleet.account_not_driver'));
}

function checkExpiry(expiresOn: string | undefined, today: string, problems: TripCheckError[]) {
  if (expiresOn !== undefined && expiresOn < today) problems.push(checkError('/documentExpiresOn', 'fleet.document_expired'));
}

export async function createDriver(ctx: RequestContext, input: CreateDriverRequest, key: string | undefined): Promise<IdempotentResult<Driver>> {
  const actor = requirePermission(ctx.actor, 'fleet:write');
  const enterpriseId = writeEnterprise(actor, input.enterpriseId);
  const now = ctx.app.now();
  const today = todayIn(now);
  return runIdempotent(ctx, { scope: `${actor.userId}:drivers.create`, key, request: input }, async (tx) => {
    if (!(await tx.selectFrom('enterprises').select('id').where('id', '=', enterpriseId).executeTakeFirst())) throw new AppError('enterprises.not_found');
    const problems: TripCheckError[] = [];
    checkExpiry(input.documentExpiresOn, today, problems);
    await checkAccount(tx, input.accountId, enterpriseId, problems);
    throwIfProblems('fleet.invalid_driver', problems);
    let row;
    try {
      row = await tx
        .insertInto('drivers')
        .values({
          enterprise_id: enterpriseId,
          full_name: input.fullName.trim(),
          nationality: input.nationality,
          document_type: input.documentType,
          document_number: normaliseDocumentNumber(input.documentNumber),
          document_expires_on: input.documentExpiresOn,
          phone: input.phone ?? null,
          account_id: input.accountId ?? null,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    } catch (error) {
      if (isUniqueViolation(error, 'drivers_document_unique')) throw new AppError('fleet.duplicate_driver');
      throw error;
    }
    const driver = toDriver(row, today);
    await recordAudit(tx, actor, ctx.requestId, { action: 'driver.created', entityType: 'driver', entityId: row.id, after: driver });
    return { status: 201, body: driver };
  });
}

export async function updateDriver(ctx: RequestContext, id: string, input: UpdateDriverRequest): Promise<Driver> {
  const actor = requirePermission(ctx.actor, 'fleet:write');
  const now = ctx.app.now();
  const today = todayIn(now);
  return ctx.app.db.transaction().execute(async (tx) => {
    const row = await findDriverRow(tx, id, true);
    if (!row || !inEnterpriseScope(actor, row.enterprise_id)) throw new AppError('fleet.driver_not_found');
    if (row.version !== input.version) throw new AppError('fleet.version_conflict', { currentVersion: row.version });
    const problems: TripCheckError[] = [];
    checkExpiry(input.documentExpiresOn, today, problems);
    if (input.accountId !== undefined) await checkAccount(tx, input.accountId, row.enterprise_id, problems);
    throwIfProblems('fleet.invalid_driver', problems);
    let updated;
    try {
      updated = await tx
        .updateTable('drivers')
        .set({
          full_name: input.fullName?.trim() ?? row.full_name,
          document_type: input.documentType ?? row.document_type,
          document_number: input.documentNumber ? normaliseDocumentNumber(input.documentNumber) : row.document_number,
          document_expires_on: input.documentExpiresOn ?? row.document_expires_on,
          phone: input.phone !== undefined ? input.phone : row.phone,
          account_id: input.accountId !== undefined ? input.accountId : row.account_id,
          active: input.active ?? row.active,
          version: row.version + 1,
          updated_at: now,
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
    } catch (error) {
      if (isUniqueViolation(error, 'drivers_document_unique')) throw new AppError('fleet.duplicate_driver');
      throw error;
    }
    const after = toDriver(updated, today);
    await recordAudit(tx, actor, ctx.requestId, { action: 'driver.updated', entityType: 'driver', entityId: id, before: toDriver(row, today), after });
    return after;
  });
}
