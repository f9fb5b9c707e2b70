import Type from 'typebox';
import { Uuid } from '../../../shared/schemas/common';
import {
  CancelTripRequest, CreateTripRequest, SubmitTripRequest, Trip, TripChecksProblem, TripChecksResult, TripEvent, TripFile, TripListQuery, TripSummary,
  TripVersion, UpdateTripRequest, UploadTripFileRequest,
} from '../../../shared/schemas/trips';
import { errors, IdempotencyHeaders, writeErrors } from '../platform/openapi';
import type { App } from '../platform/types';
import { cancelTrip, refundPreview } from './cancel-trip';
import { createTrip } from './create-trip';
import { downloadTripFile, uploadTripFile } from './files';
import { checkTrip, getTrip, listTrips, tripTimeline, tripVersions } from './read-trips';
import { submitTrip } from './submit-trip';
import { updateTrip } from './update-trip';

const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
const checks = { 422: TripChecksProblem };

export async function tripsRoutes(app: App) {
  app.get('/api/v1/trips', {
    schema: { tags: ['trips'], summary: 'Trips I may see (my enterprise, trips I drive, trips at my gates, or all)', querystring: TripListQuery, response: { 200: Type.Object({ items: Type.Array(TripSummary), total: Type.Integer() }), ...errors(401, 403) } },
    handler: async (request) => listTrips(request.ctx, request.query),
  });
  app.post('/api/v1/trips', {
    schema: { tags: ['trips'], summary: 'Save a new declaration as a draft (may be incomplete)', headers: IdempotencyHeaders, body: CreateTripRequest, response: { 201: Trip, ...writeErrors(401, 403, 404, 409), ...checks } },
    handler: async (request, reply) => {
      const result = await createTrip(request.ctx, request.body, request.headers['idempotency-key']);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(result.status as 201).send(result.body);
    },
  });
  app.get('/api/v1/trips/:id', {
    schema: { tags: ['trips'], summary: 'One trip, with its fee, pass and the actions I may take', params: IdParams, response: { 200: Trip, ...errors(401, 403, 404) } },
    handler: async (request) => getTrip(request.ctx, request.params.id),
  });
  app.patch('/api/v1/trips/:id', {
    schema: {
      tags: ['trips'],
      summary: 'Edit a draft, or amend a submitted or paid declaration in place (reason required; every check re-run; fee settled)',
      params: IdParams,
      body: UpdateTripRequest,
      response: { 200: Trip, ...writeErrors(401, 403, 404, 409), ...checks },
    },
    handler: async (request) => updateTrip(request.ctx, request.params.id, request.body),
  });
  app.post('/api/v1/trips/:id/submit', {
    schema: { tags: ['trips'], summary: 'Submit: every check at once; 422 lists every problem', params: IdParams, body: SubmitTripRequest, response: { 200: Trip, ...writeErrors(401, 403, 404, 409), ...checks } },
    handler: async (request) => submitTrip(request.ctx, request.params.id, request.body.version),
  });
  app.post('/api/v1/trips/:id/cancel', {
    schema: { tags: ['trips'], summary: 'Cancel before crossing; a paid trip is refunded by the refund rules', params: IdParams, body: CancelTripRequest, response: { 200: Trip, ...writeErrors(401, 403, 404, 409, 422) } },
    handler: async (request) => cancelTrip(request.ctx, request.params.id, request.body.version, request.body.reason),
  });
  app.get('/api/v1/trips/:id/refund-preview', {
    schema: {
      tags: ['trips'],
      summary: 'What cancelling now would refund, by the refund rules in force (changes nothing)',
      params: IdParams,
      response: {
        200: Type.Object({
          paid: Type.Integer(),
          percent: Type.Number(),
          amount: Type.Integer(),
          rule: Type.String(),
          ruleSet: Type.String(),
          description: Type.Object({ vi: Type.String(), en: Type.String() }),
        }),
        ...errors(401, 403, 404, 409),
      },
    },
    handler: async (request) => refundPreview(request.ctx, request.params.id),
  });
  app.get('/api/v1/trips/:id/checks', {
    schema: { tags: ['trips'], summary: 'Dry run of every submission check on the saved declaration (nothing changes)', params: IdParams, response: { 200: TripChecksResult, ...errors(401, 403, 404) } },
    handler: async (request) => checkTrip(request.ctx, request.params.id),
  });
  app.get('/api/v1/trips/:id/timeline', {
    schema: { tags: ['trips'], summary: 'Every action on the trip, oldest first', params: IdParams, response: { 200: Type.Object({ items: Type.Array(TripEvent) }), ...errors(401, 403, 404) } },
    handler: async (request) => ({ items: await tripTimeline(request.ctx, request.params.id) }),
  });
  app.get('/api/v1/trips/:id/versions', {
    schema: { tags: ['trips'], summary: 'Amendment history: each previous version with who, when and why', params: IdParams, response: { 200: Type.Object({ items: Type.Array(TripVersion) }), ...errors(401, 403, 404) } },
    handler: async (request) => ({ items: await tripVersions(request.ctx, request.params.id) }),
  });
  app.post('/api/v1/trips/:id/files', {
    schema: { tags: ['trips'], summary: 'Attach a document file (PDF, JPEG, PNG; base64); its SHA-256 is kept', params: IdParams, body: UploadTripFileRequest, response: { 201: TripFile, ...writeErrors(401, 403, 404, 409, 422) } },
    handler: async (request, reply) => reply.code(201).send(await uploadTripFile(request.ctx, request.params.id, request.body)),
  });
  app.get('/api/v1/trips/:id/files/:fileId', {
    schema: {
      tags: ['trips'],
      summary: 'Download an attached file',
      params: Type.Object({ id: Uuid, fileId: Uuid }, { additionalProperties: false }),
      response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...errors(401, 403, 404) },
    },
    handler: async (request, reply) => {
      const file = await downloadTripFile(request.ctx, request.params.id, request.params.fileId);
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
      reply.header('x-content-sha256', file.sha256);
      return reply.type(file.contentType).send(file.content);
    },
  });
}
