import Type from 'typebox';
import { GateId } from '../../../shared/schemas/common';
import {
  CreateYardRequest, TimingsQuery, TimingsResponse, UpdateYardRequest, UpdateYardRulesRequest, Yard, YardId, YardRules, YardsQuery,
} from '../../../shared/schemas/yards';
import { errors, writeErrors } from '../platform/openapi';
import type { App } from '../platform/types';
import { createYard, updateYard } from './edit-yard';
import { readRules, updateRules } from './edit-rules';
import { timingStats } from './timing-stats';
import { getYard, listYards } from './yards-read';

// Yards, lanes and rules of a gate, and the measured times (see shared/schemas/yards.ts for the route list).

const YardParams = Type.Object({ yardId: YardId }, { additionalProperties: false });
const GateParams = Type.Object({ gateId: GateId }, { additionalProperties: false });

export async function yardsRoutes(app: App) {
  app.get('/api/v1/yards', {
    schema: { tags: ['yards'], summary: 'Yards of my gates (or one gate) with capacity and live occupancy', querystring: YardsQuery, response: { 200: Type.Object({ items: Type.Array(Yard) }), ...errors(401, 403) } },
    handler: async (request) => ({ items: await listYards(request.ctx, request.query.gateId) }),
  });
  app.get('/api/v1/yards/:yardId', {
    schema: { tags: ['yards'], summary: 'One yard', params: YardParams, response: { 200: Yard, ...errors(401, 403, 404) } },
    handler: async (request) => getYard(request.ctx, request.params.yardId),
  });
  app.post('/api/v1/gates/:gateId/yards', {
    schema: { tags: ['yards'], summary: 'Add a yard to a gate (gate authority; audited)', params: GateParams, body: CreateYardRequest, response: { 201: Yard, ...writeErrors(401, 403, 404, 409) } },
    handler: async (request, reply) => reply.code(201).send(await createYard(request.ctx, request.params.gateId, request.body)),
  });
  app.patch('/api/v1/yards/:yardId', {
    schema: { tags: ['yards'], summary: 'Change a yard’s capacity, names, cameras or use (gate authority; version and reason)', params: YardParams, body: UpdateYardRequest, response: { 200: Yard, ...writeErrors(401, 403, 404, 409) } },
    handler: async (request) => updateYard(request.ctx, request.params.yardId, request.body),
  });
  app.get('/api/v1/gates/:gateId/yard-rules', {
    schema: { tags: ['yards'], summary: 'Queue lanes and yard rules in force at a gate', params: GateParams, response: { 200: YardRules, ...errors(401, 403, 404) } },
    handler: async (request) => readRules(request.ctx, request.params.gateId),
  });
  app.put('/api/v1/gates/:gateId/yard-rules', {
    schema: { tags: ['yards'], summary: 'Replace a gate’s lanes and yard rules (gate authority; version and reason)', params: GateParams, body: UpdateYardRulesRequest, response: { 200: YardRules, ...writeErrors(401, 403, 404, 409, 422) } },
    handler: async (request) => updateRules(request.ctx, request.params.gateId, request.body),
  });
  app.get('/api/v1/yards/timings', {
    schema: {
      tags: ['yards'],
      summary: 'Waiting and crossing times per local hour (count, median, p90), from recorded timestamps',
      querystring: TimingsQuery,
      response: { 200: TimingsResponse, ...errors(401, 403, 404) },
    },
    handler: async (request) => timingStats(request.ctx, request.query),
  });
}
