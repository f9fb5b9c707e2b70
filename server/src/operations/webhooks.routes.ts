import Type from 'typebox';
import { Uuid } from '../../../shared/schemas/common';
import {
  CreateWebhookRequest, DeliveriesQuery, UpdateWebhookRequest, WEBHOOK_EVENT_TYPES, WebhookDelivery, WebhookEndpoint, WebhookEventType, WebhookListQuery,
  WebhookWithSecret,
} from '../../../shared/schemas/operations';
import { requirePermission } from '../platform/actor';
import { errors, IdempotencyHeaders, writeErrors } from '../platform/openapi';
import type { App } from '../platform/types';
import { getDelivery, listDeliveries, ping, redeliver } from './webhooks/deliveries.service';
import { createEndpoint, getEndpoint, listEndpoints, rotateSecret, updateEndpoint } from './webhooks/endpoints.service';

const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
const DeliveryParams = Type.Object({ deliveryId: Uuid }, { additionalProperties: false });

export async function webhooksRoutes(app: App) {
  app.get('/api/v1/webhooks/event-types', {
    schema: { tags: ['webhooks'], summary: 'Event types an endpoint may subscribe to', response: { 200: Type.Object({ items: Type.Array(WebhookEventType) }), ...errors(401, 403) } },
    handler: async (request) => {
      requirePermission(request.ctx.actor, 'webhooks:write');
      return { items: [...WEBHOOK_EVENT_TYPES] };
    },
  });
  app.get('/api/v1/webhooks', {
    schema: { tags: ['webhooks'], summary: 'My enterprise’s webhook endpoints (administrators: any, or one enterprise’s)', querystring: WebhookListQuery, response: { 200: Type.Object({ items: Type.Array(WebhookEndpoint) }), ...errors(401, 403) } },
    handler: async (request) => ({ items: await listEndpoints(request.ctx, request.query.enterpriseId) }),
  });
  app.post('/api/v1/webhooks', {
    schema: {
      tags: ['webhooks'],
      summary: 'Register an endpoint; the signing secret is in this answer only. Deliveries are POSTs signed with cks-webhook-signature: v1=HMAC-SHA256(secret, "<cks-webhook-timestamp>.<body>")',
      headers: IdempotencyHeaders,
      body: CreateWebhookRequest,
      response: { 201: WebhookWithSecret, ...writeErrors(401, 403, 404, 409, 422) },
    },
    handler: async (request, reply) => {
      const result = await createEndpoint(request.ctx, request.body, request.headers['idempotency-key']);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(result.body);
    },
  });
  app.get('/api/v1/webhooks/:id', {
    schema: { tags: ['webhooks'], summary: 'One endpoint', params: IdParams, response: { 200: WebhookEndpoint, ...errors(401, 403, 404) } },
    handler: async (request) => getEndpoint(request.ctx, request.params.id),
  });
  app.patch('/api/v1/webhooks/:id', {
    schema: { tags: ['webhooks'], summary: 'Change the URL, event types, description, or turn the endpoint off and on', params: IdParams, body: UpdateWebhookRequest, response: { 200: WebhookEndpoint, ...writeErrors(401, 403, 404, 409, 422) } },
    handler: async (request) => updateEndpoint(request.ctx, request.params.id, request.body),
  });
  app.post('/api/v1/webhooks/:id/rotate-secret', {
    schema: { tags: ['webhooks'], summary: 'Replace the signing secret (the new one is in this answer only)', params: IdParams, response: { 200: WebhookWithSecret, ...writeErrors(401, 403, 404) } },
    handler: async (request) => rotateSecret(request.ctx, request.params.id),
  });
  app.post('/api/v1/webhooks/:id/ping', {
    schema: { tags: ['webhooks'], summary: 'Queue a test delivery (event type webhook.ping)', params: IdParams, response: { 202: WebhookDelivery, ...writeErrors(401, 403, 404, 409) } },
    handler: async (request, reply) => reply.code(202).send(await ping(request.ctx, request.params.id)),
  });
  app.get('/api/v1/webhooks/:id/deliveries', {
    schema: { tags: ['webhooks'], summary: 'Delivery log of an endpoint, newest first', params: IdParams, querystring: DeliveriesQuery, response: { 200: Type.Object({ items: Type.Array(WebhookDelivery) }), ...errors(401, 403, 404) } },
    handler: async (request) => ({ items: await listDeliveries(request.ctx, request.params.id, request.query) }),
  });
  app.get('/api/v1/webhooks/deliveries/:deliveryId', {
    schema: { tags: ['webhooks'], summary: 'One delivery with every attempt', params: DeliveryParams, response: { 200: WebhookDelivery, ...errors(401, 403, 404) } },
    handler: async (request) => getDelivery(request.ctx, request.params.deliveryId),
  });
  app.post('/api/v1/webhooks/deliveries/:deliveryId/redeliver', {
    schema: { tags: ['webhooks'], summary: 'Send a delivery again now, with a fresh round of attempts', params: DeliveryParams, response: { 202: WebhookDelivery, ...writeErrors(401, 403, 404, 409) } },
    handler: async (request, reply) => reply.code(202).send(await redeliver(request.ctx, request.params.deliveryId)),
  });
}
