import rateLimit from '@fastify/rate-limit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FeedQuery, MapShapes, PublicCongestionFeed, type MapShapes as MapShapesType } from '../../../shared/schemas/operations';
import { readDataset } from '../db/reference-data';
import { AppError } from '../platform/errors';
import { errors } from '../platform/openapi';
import type { App } from '../platform/types';
import type { LiveStreams } from './live-streams';
import { renderedFeed } from './public-feed';
import type { OperationsSettings } from './settings';

// Public congestion feed and page data: no account, cacheable (ETag, Cache-Control) and rate
// limited per client address (429 problem+json with Retry-After).

type Format = 'json' | 'xml';

/** JSON unless XML is asked for by ?format=, the .xml address, or an Accept header preferring it. */
export function negotiate(format: Format | undefined, url: string, accept: string | undefined): Format {
  if (format) return format;
  if (url.split('?')[0].endsWith('.xml')) return 'xml';
  if (!accept) return 'json';
  let best: { format: Format; q: number } = { format: 'json', q: -1 };
  for (const part of accept.split(',')) {
    const [type, ...params] = part.trim().toLowerCase().split(';');
    const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith('q='))?.slice(2) ?? 1);
    const f: Format | null = type === 'application/xml' || type === 'text/xml' ? 'xml' : type === 'application/json' || type === '*/*' || type === 'application/*' ? 'json' : null;
    if (f && q > best.q) best = { format: f, q };
  }
  return best.format;
}

export function matchesEtag(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => {
    const v = t.trim();
    return v === '*' || v === tag || v === `W/${tag}`;
  });
}

const FeedResponse = {
  description: 'The congestion of every operating gate',
  content: {
    'application/json': { schema: PublicCongestionFeed },
    'application/xml': { schema: { type: 'string', description: 'The same figures as XML (namespace urn:cua-khau-so:congestion:1; lists as repeated elements; null as nil="true")' } },
  },
};

export function publicRoutes(settings: OperationsSettings, streams: () => LiveStreams) {
  return async (app: App) => {
    await app.register(rateLimit, {
      global: false,
      max: settings.publicRateLimit,
      timeWindow: 60_000,
      errorResponseBuilder: (_request, context) => new AppError('operations.rate_limited', { retryAfterSeconds: Math.max(1, Math.ceil(context.ttl / 1000)) }),
    });
    const limited = { rateLimit: { max: settings.publicRateLimit, timeWindow: 60_000 } };

    const sendFeed = async (request: FastifyRequest<{ Querystring: { format?: Format; province?: string } }>, reply: FastifyReply) => {
      const format = negotiate(request.query.format, request.url, request.headers.accept);
      const rendered = await renderedFeed(request.ctx.app, request.query.province);
      const tag = format === 'xml' ? rendered.xmlTag : rendered.jsonTag;
      reply.header('cache-control', `public, max-age=${settings.publicMaxAgeSeconds}`);
      reply.header('vary', 'Accept');
      reply.header('etag', tag);
      reply.header('last-modified', new Date(rendered.feed.updatedAt).toUTCString());
      if (matchesEtag(request.headers['if-none-match'], tag)) return reply.code(304).send(undefined as never);
      return format === 'xml'
        ? reply.type('application/xml; charset=utf-8').send(rendered.xml)
        : reply.type('application/json; charset=utf-8').send(rendered.json);
    };

    app.get('/api/v1/public/congestion', {
      config: limited,
      schema: {
        tags: ['public'],
        summary: 'Congestion at every operating gate: status, hours today (both time zones), capacity open, trucks waiting, expected delay, level — JSON, or XML with ?format=xml or Accept: application/xml',
        security: [],
        querystring: FeedQuery,
        response: { 200: FeedResponse, 304: { description: 'Not modified (If-None-Match matched the ETag)', type: 'null' }, ...errors(429) },
      },
      handler: sendFeed,
    });
    app.get('/api/v1/public/congestion.xml', {
      config: limited,
      schema: {
        tags: ['public'],
        summary: 'The congestion feed as XML',
        security: [],
        querystring: FeedQuery,
        response: { 200: FeedResponse, 304: { description: 'Not modified', type: 'null' }, ...errors(429) },
      },
      handler: sendFeed,
    });

    app.get('/api/v1/public/congestion/stream', {
      config: limited,
      schema: {
        tags: ['public'],
        summary: 'Server-sent events of the public page: `gate` with the public live status of a gate whenever it changes',
        security: [],
        response: { 200: { description: 'text/event-stream', content: { 'text/event-stream': { schema: { type: 'string' } } } }, ...errors(429) },
      },
      handler: async (_request, reply) => {
        reply.hijack();
        await streams().open({ res: reply.raw, kind: 'public', gateIds: null, showPlates: false }, null);
      },
    });

    const shapes = readDataset<Record<string, unknown>>('operations/map-shapes.json');
    const { dataset: _dataset, effectiveFrom: _from, ...shapeBody } = shapes.data;
    const mapBody = { ...shapeBody, version: shapes.version } as unknown as MapShapesType;
    const shapesTag = `"${shapes.checksum.slice(0, 27)}"`;
    app.get('/api/v1/public/map', {
      config: limited,
      schema: {
        tags: ['public'],
        summary: 'Offline map of the border provinces (schematic GeoJSON with its source and licence), so the board needs no internet tiles',
        security: [],
        response: { 200: MapShapes, 304: { description: 'Not modified', type: 'null' }, ...errors(429) },
      },
      handler: async (request, reply) => {
        reply.header('cache-control', 'public, max-age=86400');
        reply.header('etag', shapesTag);
        if (matchesEtag(request.headers['if-none-match'], shapesTag)) return reply.code(304).send(undefined as never);
        return mapBody;
      },
    });
  };
}
