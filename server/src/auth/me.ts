import type { Me } from '../../../shared/schemas/auth';
import { requireAuthenticated } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';

export async function getMe(ctx: RequestContext): Promise<Me> {
  const actor = requireAuthenticated(ctx.actor);
  const db = ctx.app.db;
  const user = await db.selectFrom('users').select(['display_name', 'locale']).where('id', '=', actor.userId).executeTakeFirst();
  if (!user) throw new AppError('auth.unauthenticated');
  const enterprise = actor.enterpriseId
    ? await db.selectFrom('enterprises').select(['id', 'tax_code', 'name']).where('id', '=', actor.enterpriseId).executeTakeFirst()
    : undefined;
  const agency = actor.agencyCode
    ? await db.selectFrom('agencies').select(['code', 'name_vi', 'name_en']).where('code', '=', actor.agencyCode).executeTakeFirst()
    : undefined;
  return {
    id: actor.userId,
    username: actor.username,
    displayName: user.display_name,
    role: actor.role,
    locale: user.locale,
    enterprise: enterprise ? { id: enterprise.id, taxCode: enterprise.tax_code, name: enterprise.name } : null,
    agency: agency ? { code: agency.code, nameVi: agency.name_vi, nameEn: agency.name_en } : null,
    isOrgAdmin: actor.isOrgAdmin,
    gateIds: actor.gateIds,
    permissions: [...actor.permissions].sort(),
    via: actor.tokenId ? 'token' : 'session',
  };
}
