import { ENTERPRISE_ROLES } from '../../../shared/roles';
import type { Agency, CreateEnterpriseRequest, Enterprise } from '../../../shared/schemas/accounts';
import { recordAudit } from '../audit/audit.repository';
import { requirePermission } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError, isUniqueViolation } from '../platform/errors';
import { runIdempotent, type IdempotentResult } from '../platform/idempotency';
import { toEnterprise } from './accounts.repository';

export async function listEnterprises(ctx: RequestContext, filter: { q?: string }): Promise<Enterprise[]> {
  const actor = requirePermission(ctx.actor, 'enterprises:read');
  let query = ctx.app.db.selectFrom('enterprises').selectAll();
  // Enterprise-side users see their own enterprise and nothing else.
  if (ENTERPRISE_ROLES.includes(actor.role)) query = query.where('id', '=', actor.enterpriseId!);
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('tax_code', 'like', pattern), eb(eb.fn('unaccent', [eb.fn('lower', ['name'])]), 'like', eb.fn('unaccent', [eb.fn('lower', [eb.val(pattern)])]))]));
  }
  const rows = await query.orderBy('name').limit(500).execute();
  return rows.map(toEnterprise);
}

export async function getEnterprise(ctx: RequestContext, id: string): Promise<Enterprise> {
  const actor = requirePermission(ctx.actor, 'enterprises:read');
  if (ENTERPRISE_ROLES.includes(actor.role) && actor.enterpriseId !== id) throw new AppError('enterprises.not_found');
  const row = await ctx.app.db.selectFrom('enterprises').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('enterprises.not_found');
  return toEnterprise(row);
}

export async function createEnterprise(
  ctx: RequestContext,
  input: CreateEnterpriseRequest,
  idempotencyKey: string | undefined,
): Promise<IdempotentResult<Enterprise>> {
  const actor = requirePermission(ctx.actor, 'enterprises:write');
  return runIdempotent(ctx, { scope: `${actor.userId}:enterprises.create`, key: idempotencyKey, request: input }, async (tx) => {
    let row;
    try {
      row = await tx
        .insertInto('enterprises')
        .values({
          tax_code: input.taxCode,
          name: input.name,
          name_en: input.nameEn ?? null,
          address: input.address ?? null,
          phone: input.phone ?? null,
          email: input.email ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('enterprises.tax_code_taken');
      throw error;
    }
    const enterprise = toEnterprise(row);
    await recordAudit(tx, actor, ctx.requestId, { action: 'enterprise.created', entityType: 'enterprise', entityId: row.id, after: enterprise });
    return { status: 201, body: enterprise };
  });
}

/** The register of state bodies is public information. */
export async function listAgencies(ctx: RequestContext, filter: { province?: string; kind?: string }): Promise<Agency[]> {
  let query = ctx.app.db.selectFrom('agencies').selectAll().where('active', '=', true);
  if (filter.province) query = query.where('province', '=', filter.province);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  const rows = await query.orderBy('province').orderBy('code').execute();
  return rows.map((r) => ({ code: r.code, province: r.province, kind: r.kind, nameVi: r.name_vi, nameEn: r.name_en, nameZh: r.name_zh }));
}
