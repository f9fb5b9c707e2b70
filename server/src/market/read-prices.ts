import type { MarketReference, PriceEntry, PriceListQuery, Trend, TrendQuery } from '../../../shared/schemas/market';
import type { RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { addDays } from '../gates/calendar';
import { todayIn } from '../trips/time';
import { listMarkets } from './markets';
import { toPriceEntry } from './price-view';
import { commodities, commoditiesDataset, findCommodity, unitKg } from './reference';
import { gateScope } from './scope';
import { buildTrend } from './trends';

// Border-market information is public: anyone reads the commodities, markets, entries and trends.

const DEFAULT_DAYS = 30;

export async function marketReference(ctx: RequestContext): Promise<MarketReference> {
  return {
    commodities: commodities().map(({ pricePerKg: _bounds, ...c }) => c),
    markets: await listMarkets(ctx.app.db),
    version: commoditiesDataset().version,
  };
}

async function actorScope(ctx: RequestContext): Promise<string[] | null> {
  const a = ctx.actor;
  return a.kind === 'user' || a.kind === 'token' ? gateScope(ctx.app.db, a) : [];
}

export async function listPrices(ctx: RequestContext, q: PriceListQuery): Promise<{ items: PriceEntry[] }> {
  let query = ctx.app.db.selectFrom('market_prices').selectAll();
  if (!q.includeRetracted) query = query.where('retracted_at', 'is', null);
  if (q.commodity) query = query.where('commodity', '=', q.commodity);
  if (q.gateId) query = query.where('gate_id', '=', q.gateId);
  if (q.marketId) query = query.where('market_id', '=', q.marketId);
  if (q.source) query = query.where('source', '=', q.source);
  if (q.from) query = query.where('day', '>=', q.from);
  if (q.to) query = query.where('day', '<=', q.to);
  const rows = await query.orderBy('day', 'desc').orderBy('created_at', 'desc').orderBy('id').limit(q.limit ?? 100).execute();
  const scope = await actorScope(ctx);
  return { items: rows.map((r) => toPriceEntry(r, ctx.actor, scope)) };
}

export async function priceTrend(ctx: RequestContext, q: TrendQuery): Promise<Trend> {
  const commodity = findCommodity(q.commodity);
  if (!commodity) throw new AppError('market.unknown_commodity');
  const to = q.to ?? todayIn(ctx.app.now());
  const from = q.from ?? addDays(to, -(DEFAULT_DAYS - 1));
  if (from > to || addDays(from, 366) < to) throw new AppError('statistics.invalid_period');
  let query = ctx.app.db
    .selectFrom('market_prices')
    .innerJoin('gates', 'gates.id', 'market_prices.gate_id')
    .selectAll('market_prices')
    .where('market_prices.retracted_at', 'is', null)
    .where('market_prices.commodity', '=', commodity.code)
    .where('market_prices.day', '>=', from)
    .where('market_prices.day', '<=', to);
  if (q.gateId) query = query.where('market_prices.gate_id', '=', q.gateId);
  if (q.province) query = query.where('gates.province', '=', q.province);
  if (q.currency) query = query.where('market_prices.currency', '=', q.currency);
  const rows = await query.execute();
  const series = buildTrend(
    rows.map((r) => ({
      gateId: r.gate_id,
      marketId: r.market_id,
      date: r.day,
      currency: r.currency as 'VND' | 'CNY',
      source: r.source as 'authority' | 'enterprise',
      unitKg: unitKg(r.unit),
      priceMin: r.price_min === null ? null : Number(r.price_min),
      priceMax: r.price_max === null ? null : Number(r.price_max),
      priceAvg: r.price_avg === null ? null : Number(r.price_avg),
      volumeTonnes: r.volume_tonnes === null ? null : Number(r.volume_tonnes),
    })),
    unitKg(commodity.displayUnit),
  );
  return { commodity: commodity.code, unit: commodity.displayUnit, from, to, series };
}
