import Type, { type Static } from 'typebox';
import { Nullable, Uuid } from '../common';

// Enterprise webhooks (issue 8): endpoints, deliveries and their attempts (routes listed in
// shared/schemas/operations.ts).

const DateTime = Type.String({ format: 'date-time' });

export const WEBHOOK_EVENT_TYPES = [
  'trip.checked_in',
  'trip.called',
  'trip.dropped_back',
  'trip.left_yard',
  'trip.crossed',
  'trip.completed',
  'trip.checked_out',
  'clearance.decided',
  'clearance.cleared',
  'clearance.held',
  'clearance.refused',
  'booking.created',
  'booking.released',
  'booking.no_show',
  'congestion.warning',
  'congestion.cleared',
] as const;
export const WebhookEventType = Type.Enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = Static<typeof WebhookEventType>;

const WebhookUrl = Type.String({ minLength: 10, maxLength: 2000, description: 'http(s) URL of your system; public addresses only' });
export const WebhookEndpoint = Type.Object({
  id: Uuid,
  enterpriseId: Uuid,
  url: Type.String(),
  description: Nullable(Type.String()),
  eventTypes: Type.Array(WebhookEventType),
  active: Type.Boolean(),
  createdAt: DateTime,
  updatedAt: DateTime,
  version: Type.Integer(),
  counts: Type.Object({ pending: Type.Integer(), delivered: Type.Integer(), failed: Type.Integer() }),
});
export type WebhookEndpoint = Static<typeof WebhookEndpoint>;
export const CreateWebhookRequest = Type.Object(
  {
    url: WebhookUrl,
    eventTypes: Type.Array(WebhookEventType, { minItems: 1, uniqueItems: true }),
    description: Type.Optional(Type.String({ maxLength: 500 })),
    enterpriseId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type CreateWebhookRequest = Static<typeof CreateWebhookRequest>;
export const WebhookWithSecret = Type.Object({
  endpoint: WebhookEndpoint,
  secret: Type.String({ description: 'Shown once: keep it to verify the signature (cks-webhook-signature)' }),
});
export type WebhookWithSecret = Static<typeof WebhookWithSecret>;
export const UpdateWebhookRequest = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    url: Type.Optional(WebhookUrl),
    eventTypes: Type.Optional(Type.Array(WebhookEventType, { minItems: 1, uniqueItems: true })),
    description: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdateWebhookRequest = Static<typeof UpdateWebhookRequest>;
export const WebhookListQuery = Type.Object({ enterpriseId: Type.Optional(Uuid) }, { additionalProperties: false });

export const WebhookDeliveryStatus = Type.Enum(['pending', 'sending', 'delivered', 'failed']);
export const WebhookAttempt = Type.Object({
  startedAt: DateTime,
  durationMs: Type.Integer(),
  statusCode: Nullable(Type.Integer()),
  error: Nullable(Type.String()),
  outcome: Type.Enum(['delivered', 'retry', 'failed']),
});
export const WebhookDelivery = Type.Object({
  id: Uuid,
  endpointId: Uuid,
  eventId: Type.String(),
  eventType: Type.String(),
  status: WebhookDeliveryStatus,
  attempts: Type.Integer(),
  nextAttemptAt: Nullable(DateTime),
  lastStatusCode: Nullable(Type.Integer()),
  lastError: Nullable(Type.String()),
  createdAt: DateTime,
  deliveredAt: Nullable(DateTime),
  payload: Type.Record(Type.String(), Type.Unknown()),
  attemptLog: Type.Optional(Type.Array(WebhookAttempt)),
});
export type WebhookDelivery = Static<typeof WebhookDelivery>;
export const DeliveriesQuery = Type.Object(
  { status: Type.Optional(WebhookDeliveryStatus), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) },
  { additionalProperties: false },
);
