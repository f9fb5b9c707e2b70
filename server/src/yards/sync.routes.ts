import Type from 'typebox';
import { Uuid } from '../../../shared/schemas/common';
import { ConflictsQuery, ResolveConflictRequest, SyncConflict, SyncRequest, SyncResponse, YardId, YardSnapshot } from '../../../shared/schemas/yards';
import { errors, writeErrors } from '../platform/openapi';
import type { App } from '../platform/types';
import { listConflicts, resolveConflict } from './conflicts';
import { yardSnapshot } from './snapshot';
import { syncEvents } from './sync';

// Degraded mode: priming the offline page, sending what was recorded offline, resolving conflicts.

export async function syncRoutes(app: App) {
  app.get('/api/v1/yards/:yardId/snapshot', {
    schema: { tags: ['yards'], summary: 'What the offline yard page keeps: queue, expected trucks and passes, revoked passes, public keys, rules', params: Type.Object({ yardId: YardId }, { additionalProperties: false }), response: { 200: YardSnapshot, ...errors(401, 403, 404) } },
    handler: async (request) => yardSnapshot(request.ctx, request.params.yardId),
  });
  app.post('/api/v1/yards/sync', {
    schema: {
      tags: ['yards'],
      summary: 'Events recorded offline (idempotent by client event id; applied in time order per truck; conflicts kept for an operator)',
      body: SyncRequest,
      response: { 200: SyncResponse, ...writeErrors(401, 403, 404) },
    },
    handler: async (request) => syncEvents(request.ctx, request.body),
  });
  app.get('/api/v1/yards/sync/conflicts', {
    schema: { tags: ['yards'], summary: 'Offline events the server could not apply (open) or that were resolved', querystring: ConflictsQuery, response: { 200: Type.Object({ items: Type.Array(SyncConflict) }), ...errors(401, 403) } },
    handler: async (request) => ({ items: await listConflicts(request.ctx, request.query.gateId, request.query.status) }),
  });
  app.post('/api/v1/yards/sync/conflicts/:id/resolve', {
    schema: { tags: ['yards'], summary: 'Accept (apply the device’s record) or discard a conflict, with a reason', params: Type.Object({ id: Uuid }, { additionalProperties: false }), body: ResolveConflictRequest, response: { 200: SyncConflict, ...writeErrors(401, 403, 404, 409) } },
    handler: async (request) => resolveConflict(request.ctx, request.params.id, request.body),
  });
}
