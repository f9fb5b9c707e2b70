import Type from 'typebox';
import { Uuid } from '../../../shared/schemas/common';
import {
  CameraReadingRequest, CheckInResult, ConfirmReadingRequest, FlagsQuery, ManualCheckInRequest, PlateReading, QrCheckInRequest, ReadingsQuery,
  RejectReadingRequest, ResolveFlagRequest, YardFlag, YardId,
} from '../../../shared/schemas/yards';
import { errors, IdempotencyHeaders, writeErrors } from '../platform/openapi';
import type { App } from '../platform/types';
import { receiveCameraReading } from './camera';
import { checkInManually } from './check-in-manual';
import { checkInByQr } from './check-in-qr';
import { listFlags } from './flags-read';
import { listReadings } from './readings-read';
import { resolveFlag } from './resolve-flag';
import { confirmReading, rejectReading } from './resolve-reading';

// Check-in by camera, QR and hand; plate readings waiting for an operator; flags.

const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
const YardParams = Type.Object({ yardId: YardId }, { additionalProperties: false });

export async function checkInRoutes(app: App) {
  app.post('/api/v1/yards/camera-readings', {
    schema: {
      tags: ['yards'],
      summary: 'A plate read by a yard camera (token scope yards:camera); a resent event id answers 200 with the first outcome',
      body: CameraReadingRequest,
      response: { 200: CheckInResult, 201: CheckInResult, ...writeErrors(401, 403, 404, 422) },
    },
    handler: async (request, reply) => {
      const result = await receiveCameraReading(request.ctx, request.body);
      if (result.status === 200) reply.header('idempotent-replayed', 'true');
      return reply.code(result.status).send(result.body);
    },
  });
  app.get('/api/v1/yards/readings', {
    schema: { tags: ['yards'], summary: 'Plate readings at a gate (status pending: waiting for an operator)', querystring: ReadingsQuery, response: { 200: Type.Object({ items: Type.Array(PlateReading) }), ...errors(401, 403) } },
    handler: async (request) => ({ items: await listReadings(request.ctx, request.query) }),
  });
  app.post('/api/v1/yards/readings/:id/confirm', {
    schema: { tags: ['yards'], summary: 'Confirm (or correct) an unsure plate reading; it is then applied', params: IdParams, body: ConfirmReadingRequest, response: { 200: CheckInResult, ...writeErrors(401, 403, 404, 409, 422) } },
    handler: async (request) => confirmReading(request.ctx, request.params.id, request.body),
  });
  app.post('/api/v1/yards/readings/:id/reject', {
    schema: { tags: ['yards'], summary: 'Reject an unsure plate reading', params: IdParams, body: RejectReadingRequest, response: { 200: CheckInResult, ...writeErrors(401, 403, 404, 409) } },
    handler: async (request) => rejectReading(request.ctx, request.params.id, request.body.reason),
  });
  app.post('/api/v1/yards/:yardId/check-ins/qr', {
    schema: {
      tags: ['yards'],
      summary: 'Check a truck in by its pass QR; a truck that may not enter is flagged (outcome flagged)',
      params: YardParams,
      headers: IdempotencyHeaders,
      body: QrCheckInRequest,
      response: { 200: CheckInResult, ...writeErrors(401, 403, 404, 409, 422) },
    },
    handler: async (request, reply) => {
      const result = await checkInByQr(request.ctx, request.params.yardId, request.body, request.headers['idempotency-key']);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(200).send(result.body);
    },
  });
  app.post('/api/v1/yards/:yardId/check-ins/manual', {
    schema: {
      tags: ['yards'],
      summary: 'Check a truck in by reference or plate typed by the operator, with a reason',
      params: YardParams,
      headers: IdempotencyHeaders,
      body: ManualCheckInRequest,
      response: { 200: CheckInResult, ...writeErrors(401, 403, 404, 409, 422) },
    },
    handler: async (request, reply) => {
      const result = await checkInManually(request.ctx, request.params.yardId, request.body, request.headers['idempotency-key']);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(200).send(result.body);
    },
  });
  app.get('/api/v1/yards/flags', {
    schema: { tags: ['yards'], summary: 'Flagged trucks at a gate (open by default)', querystring: FlagsQuery, response: { 200: Type.Object({ items: Type.Array(YardFlag) }), ...errors(401, 403) } },
    handler: async (request) => ({ items: await listFlags(request.ctx, request.query.gateId, request.query.status) }),
  });
  app.post('/api/v1/yards/flags/:id/resolve', {
    schema: { tags: ['yards'], summary: 'Resolve a flag: dismiss, or release a held truck into the queue', params: IdParams, body: ResolveFlagRequest, response: { 200: YardFlag, ...writeErrors(401, 403, 404, 409) } },
    handler: async (request) => resolveFlag(request.ctx, request.params.id, request.body),
  });
}
