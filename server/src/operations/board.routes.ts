import Type from 'typebox';
import { BoardQuery, LevelChange, OperationsBoard, StreamQuery } from '../../../shared/schemas/operations';
import { GateId } from '../../../shared/schemas/common';
import { errors } from '../platform/openapi';
import type { App } from '../platform/types';
import { selectBoard } from './board-scope';
import { getBoard } from './board.service';
import { levelHistory } from './levels-history';
import type { LiveStreams } from './live-streams';

const EventStream = { description: 'text/event-stream', content: { 'text/event-stream': { schema: { type: 'string' } } } };

/** Last-Event-ID from the header (EventSource reconnecting) or the query (first connection). */
export function lastEventIdFrom(header: unknown, query: number | undefined): number | null {
  const raw = typeof header === 'string' && /^\d{1,15}$/.test(header.trim()) ? Number(header.trim()) : undefined;
  return raw ?? query ?? null;
}

export function boardRoutes(streams: () => LiveStreams) {
  return async (app: App) => {
    app.get('/api/v1/operations/board', {
      schema: {
        tags: ['operations'],
        summary: 'Live board snapshot of a gate, a province or every gate I watch (fallback when the stream is unavailable)',
        querystring: BoardQuery,
        response: { 200: OperationsBoard, ...errors(401, 403, 404) },
      },
      handler: async (request, reply) => {
        reply.header('cache-control', 'private, no-cache');
        return getBoard(request.ctx, request.query);
      },
    });

    app.get('/api/v1/operations/stream', {
      schema: {
        tags: ['operations'],
        summary: 'Server-sent events of the board: `domain` (each event, id = event id; Last-Event-ID resumes) and `gate` (live status of a gate); heartbeats every few seconds',
        querystring: StreamQuery,
        response: { 200: EventStream, ...errors(401, 403, 404) },
      },
      handler: async (request, reply) => {
        const selection = await selectBoard(request.ctx.app.db, request.ctx.actor, request.query);
        const actor = request.ctx.actor;
        const showPlates = (actor.kind === 'user' || actor.kind === 'token') && actor.permissions.has('trips:read');
        const gateIds = selection.kind === 'all' && actor.kind !== 'anonymous' && actor.kind !== 'system' && actor.role === 'admin' ? null : new Set(selection.gates.map((g) => g.id));
        reply.hijack();
        await streams().open({ res: reply.raw, kind: 'board', gateIds, showPlates }, lastEventIdFrom(request.headers['last-event-id'], request.query.lastEventId));
      },
    });

    app.get('/api/v1/operations/levels/history', {
      schema: {
        tags: ['operations'],
        summary: 'Level changes of a gate, newest first',
        querystring: Type.Object({ gateId: GateId }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(LevelChange) }), ...errors(401, 403, 404) },
      },
      handler: async (request) => ({ items: await levelHistory(request.ctx, request.query.gateId) }),
    });
  };
}
