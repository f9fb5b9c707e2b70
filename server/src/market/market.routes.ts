import Type from 'typebox';
import { Uuid } from '../../../shared/schemas/common';
import { MarketReference, PriceEntry, PriceListQuery, PublishPriceRequest, RetractPriceRequest, Trend, TrendQuery } from '../../../shared/schemas/market';
import { errors, IdempotencyHeaders, writeErrors } from '../platform/openapi';
import type { App } from '../platform/types';
import { publishPrice } from './publish-price';
import { listPrices, marketReference, priceTrend } from './read-prices';
import { retractPrice } from './retract-price';

const tags = ['market'];

export async function marketRoutes(app: App) {
  app.get('/api/v1/market/reference', {
    schema: { tags, summary: 'Commodities (with HS prefixes and units) and border markets (gates and markets near them)', security: [], response: { 200: MarketReference, ...errors() } },
    handler: async (request) => marketReference(request.ctx),
  });
  app.get('/api/v1/market/prices', {
    schema: { tags, summary: 'Published price entries, newest first (public; official and attributed enterprise entries)', querystring: PriceListQuery, security: [], response: { 200: Type.Object({ items: Type.Array(PriceEntry) }), ...errors() } },
    handler: async (request) => listPrices(request.ctx, request.query),
  });
  app.post('/api/v1/market/prices', {
    schema: {
      tags,
      summary: 'Publish a price and volume (authority: official, for its gates’ markets; enterprise: attributed)',
      headers: IdempotencyHeaders,
      body: PublishPriceRequest,
      response: { 201: PriceEntry, ...writeErrors(401, 403, 409, 422) },
    },
    handler: async (request, reply) => {
      const result = await publishPrice(request.ctx, request.body, request.headers['idempotency-key']);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(result.body);
    },
  });
  app.post('/api/v1/market/prices/:id/retract', {
    schema: {
      tags,
      summary: 'Retract an entry with a reason (its publisher, or the authority of the market’s gate)',
      params: Type.Object({ id: Uuid }, { additionalProperties: false }),
      body: RetractPriceRequest,
      response: { 200: PriceEntry, ...writeErrors(401, 403, 404, 409) },
    },
    handler: async (request) => retractPrice(request.ctx, request.params.id, request.body.reason),
  });
  app.get('/api/v1/market/trends', {
    schema: {
      tags,
      summary: 'Daily price trend of a commodity per gate, market, currency and source (VND and CNY never converted; default the last 30 days)',
      querystring: TrendQuery,
      security: [],
      response: { 200: Trend, ...errors(422) },
    },
    handler: async (request) => priceTrend(request.ctx, request.query),
  });
}
