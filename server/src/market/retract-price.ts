import type { PriceEntry } from '../../../shared/schemas/market';
import { recordAudit } from '../audit/audit.repository';
import { requirePermission } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { emitEvent } from '../platform/events';
import { canRetract, toPriceEntry } from './price-view';
import { gateScope } from './scope';

/** Takes an entry out of the trends (it stays on record, with who, when and why). */
export async function retractPrice(ctx: RequestContext, id: string, reason: string): Promise<PriceEntry> {
  const actor = requirePermission(ctx.actor, 'market:write');
  const scope = await gateScope(ctx.app.db, actor);
  return ctx.app.db.transaction().execute(async (tx) => {
    const now = ctx.app.now();
    const row = await tx.selectFrom('market_prices').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw new AppError('market.entry_not_found');
    if (row.retracted_at) throw new AppError('market.already_retracted');
    if (!canRetract(actor, scope, row)) throw new AppError('auth.forbidden', { permission: 'market:write' });
    const updated = await tx
      .updateTable('market_prices')
      .set({ retracted_at: now, retracted_by: actor.userId, retract_reason: reason })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, actor, ctx.requestId, { action: 'market_price.retracted', entityType: 'market_price', entityId: id, before: { retracted: false }, after: { retracted: true }, reason });
    await emitEvent(tx, { type: 'market.price_retracted', occurredAt: now, gateId: row.gate_id, payload: { commodity: row.commodity, marketGateId: row.gate_id, marketId: row.market_id, entryId: id } });
    return toPriceEntry(updated, actor, scope);
  });
}
