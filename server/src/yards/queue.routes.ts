import Type from 'typebox';
import { Uuid } from '../../../shared/schemas/common';
import { CallNextRequest, CallNextResponse, DriverTripQuery, DriverTripView, QueueQuery, QueueResponse, TripYardStatus, YardActionRequest } from '../../../shared/schemas/yards';
import { errors, IdempotencyHeaders, writeErrors } from '../platform/openapi';
import type { App } from '../platform/types';
import { callNext } from './call-next';
import { driverTrip } from './driver-page';
import { readQueue } from './queue';
import { tripYard } from './trip-yard';
import { recordYardAction } from './yard-action';

// The queue, call-forward, crossing steps, a trip's yard status and the driver page.

export async function queueRoutes(app: App) {
  app.get('/api/v1/yards/queue', {
    schema: { tags: ['yards'], summary: 'The queue of a gate and direction in call order, called trucks and capacity now', querystring: QueueQuery, response: { 200: QueueResponse, ...errors(401, 403, 404) } },
    handler: async (request) => readQueue(request.ctx, request.query.gateId, request.query.direction),
  });
  app.post('/api/v1/yards/call-next', {
    schema: {
      tags: ['yards'],
      summary: 'Call the next eligible trucks now, within capacity (same rules as the call-forward job)',
      headers: IdempotencyHeaders,
      body: CallNextRequest,
      response: { 200: CallNextResponse, ...writeErrors(401, 403, 404, 409, 422) },
    },
    handler: async (request, reply) => {
      const result = await callNext(request.ctx, request.body, request.headers['idempotency-key']);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(200).send(result.body);
    },
  });
  app.post('/api/v1/yards/trips/:tripId/actions', {
    schema: {
      tags: ['yards'],
      summary: 'Record a crossing step with the time it happened: leave_yard, pass_gate, arrive, check_out (reason)',
      params: Type.Object({ tripId: Uuid }, { additionalProperties: false }),
      headers: IdempotencyHeaders,
      body: YardActionRequest,
      response: { 200: TripYardStatus, ...writeErrors(401, 403, 404, 409, 422) },
    },
    handler: async (request, reply) => {
      const result = await recordYardAction(request.ctx, request.params.tripId, request.body, request.headers['idempotency-key']);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(200).send(result.body);
    },
  });
  app.get('/api/v1/trips/:id/yard', {
    schema: { tags: ['yards'], summary: 'Where a trip stands at the gate: yard, lane, position, estimate, measured times', params: Type.Object({ id: Uuid }, { additionalProperties: false }), response: { 200: TripYardStatus, ...errors(401, 403, 404) } },
    handler: async (request) => tripYard(request.ctx, request.params.id),
  });
  app.get('/api/v1/driver/trips/:reference', {
    schema: {
      tags: ['yards'],
      summary: 'Driver page (no account): position, estimate, call-forward notice and instructions; the signed pass is the credential',
      params: Type.Object({ reference: Type.String({ minLength: 5, maxLength: 40 }) }, { additionalProperties: false }),
      querystring: DriverTripQuery,
      security: [{}],
      response: { 200: DriverTripView, ...errors(401, 404) },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return driverTrip(request.ctx, request.params.reference, request.query.pass);
    },
  });
}
