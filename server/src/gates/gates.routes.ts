import Type from 'typebox';
import { GateId } from '../../../shared/schemas/common';
import { Gate, GateListQuery, GateSummary, GateVersion, ReplaceCalendarRequest, UpdateGateRequest } from '../../../shared/schemas/gates';
import { errors, writeErrors } from '../platform/openapi';
import type { App } from '../platform/types';
import * as service from './gates.service';

const Params = Type.Object({ id: GateId }, { additionalProperties: false });

export async function gatesRoutes(app: App) {
  app.get('/api/v1/gates', {
    schema: {
      tags: ['gates'],
      summary: 'List gates and crossings (public)',
      querystring: GateListQuery,
      response: { 200: Type.Object({ items: Type.Array(GateSummary) }), ...errors() },
    },
    handler: async (request) => ({ items: await service.listGates(request.ctx, request.query) }),
  });

  app.get('/api/v1/gates/:id', {
    schema: {
      tags: ['gates'],
      summary: 'One gate with its operating calendar (public)',
      params: Params,
      response: { 200: Gate, ...errors(404) },
    },
    handler: async (request) => service.getGate(request.ctx, request.params.id),
  });

  app.patch('/api/v1/gates/:id', {
    schema: {
      tags: ['gates'],
      summary: 'Edit a gate (gate authority of that gate, administrator)',
      params: Params,
      body: UpdateGateRequest,
      response: { 200: Gate, ...writeErrors(401, 403, 404, 409, 422) },
    },
    handler: async (request) => service.updateGate(request.ctx, request.params.id, request.body),
  });

  app.put('/api/v1/gates/:id/calendar', {
    schema: {
      tags: ['gates'],
      summary: 'Replace the weekly hours and special days of a gate',
      params: Params,
      body: ReplaceCalendarRequest,
      response: { 200: Gate, ...writeErrors(401, 403, 404, 409, 422) },
    },
    handler: async (request) => service.replaceGateCalendar(request.ctx, request.params.id, request.body),
  });

  app.get('/api/v1/gates/:id/versions', {
    schema: {
      tags: ['gates'],
      summary: 'Version history of a gate: who changed what and why (staff)',
      params: Params,
      response: { 200: Type.Object({ items: Type.Array(GateVersion) }), ...errors(401, 403, 404) },
    },
    handler: async (request) => ({ items: await service.listGateVersions(request.ctx, request.params.id) }),
  });
}
