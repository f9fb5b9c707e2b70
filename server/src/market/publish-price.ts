import { ENTERPRISE_ROLES } from '../../../shared/roles';
import type { PriceEntry, PublishPriceRequest } from '../../../shared/schemas/market';
import { recordAudit } from '../audit/audit.repository';
import { requirePermission, type AuthenticatedActor } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError, isUniqueViolation } from '../platform/errors';
import { emitEvent } from '../platform/events';
import { runIdempotent, type IdempotentResult } from '../platform/idempotency';
import type { Executor } from '../notices/notices.repository';
import { todayIn } from '../trips/time';
import { findMarket } from './markets';
import { priceProblems } from './price-validation';
import { toPriceEntry } from './price-view';
import { gateScope, inGateScope } from './scope';

// Publishing a price: the authority's entries are official, an enterprise's are attributed to
// it. One live entry per organisation, market, commodity, day, currency and unit.

async function publisherLabel(db: Executor, actor: AuthenticatedActor): Promise<string> {
  if (actor.enterpriseId && ENTERPRISE_ROLES.includes(actor.role)) {
    return (await db.selectFrom('enterprises').select('name').where('id', '=', actor.enterpriseId).executeTakeFirstOrThrow()).name;
  }
  if (actor.agencyCode) {
    const agency = await db.selectFrom('agencies').select('name_vi').where('code', '=', actor.agencyCode).executeTakeFirst();
    if (agency) return agency.name_vi;
  }
  const user = await db.selectFrom('users').select('display_name').where('id', '=', actor.userId).executeTakeFirstOrThrow();
  return user.display_name;
}

export async function publishPrice(ctx: RequestContext, input: PublishPriceRequest, key: string | undefined): Promise<IdempotentResult<PriceEntry>> {
  const actor = requirePermission(ctx.actor, 'market:write');
  const db = ctx.app.db;
  const market = await findMarket(db, input.marketId);
  const problems = priceProblems(input, market !== undefined, todayIn(ctx.app.now()));
  if (problems.length > 0) throw new AppError('market.invalid_entry', { errors: problems });
  const isEnterprise = ENTERPRISE_ROLES.includes(actor.role);
  if (isEnterprise && !actor.enterpriseId) throw new AppError('auth.forbidden', { permission: 'market:write' });
  const scope = await gateScope(db, actor);
  // The authority speaks officially only for the markets of its own gates.
  if (!isEnterprise && !inGateScope(scope, market!.gateId)) throw new AppError('auth.out_of_scope', { gateId: market!.gateId });
  const label = await publisherLabel(db, actor);
  try {
    return await runIdempotent(ctx, { scope: `market.publish:${actor.userId}`, key, request: input }, async (tx) => {
      const now = ctx.app.now();
      const row = await tx
        .insertInto('market_prices')
        .values({
          commodity: input.commodity,
          market_id: input.marketId,
          gate_id: market!.gateId,
          day: input.date,
          currency: input.currency,
          unit: input.unit,
          price_min: input.priceMin ?? null,
          price_max: input.priceMax ?? null,
          price_avg: input.priceAvg ?? null,
          volume_tonnes: input.volumeTonnes ?? null,
          source: isEnterprise ? 'enterprise' : 'authority',
          enterprise_id: isEnterprise ? actor.enterpriseId : null,
          publisher_user_id: actor.userId,
          publisher_label: label,
          note: input.note?.trim() || null,
          created_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(tx, actor, ctx.requestId, { action: 'market_price.published', entityType: 'market_price', entityId: row.id, after: input });
      await emitEvent(tx, {
        type: 'market.price_published',
        occurredAt: now,
        gateId: market!.gateId,
        payload: { commodity: input.commodity, marketGateId: market!.gateId, marketId: input.marketId, entryId: row.id, source: row.source, date: input.date },
      });
      return { status: 201, body: toPriceEntry(row, actor, scope) };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'market_prices_one_live_entry')) throw new AppError('market.duplicate_entry');
    throw error;
  }
}
