import type {
  GateBoard, GateLive, LevelChange, MapShapes, OperationsBoard, PublicCongestionFeed, PublicGateLive, WebhookDelivery, WebhookEndpoint, WebhookWithSecret,
} from '../../../../shared/schemas/operations';

export type { GateBoard, GateLive, LevelChange, MapShapes, OperationsBoard, PublicCongestionFeed, PublicGateLive, WebhookDelivery, WebhookEndpoint, WebhookWithSecret };
export type Level = GateLive['level'];

function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const opsUrls = {
  board: (p: { gateId?: string; province?: string }) => `/api/v1/operations/board${query(p)}`,
  stream: (p: { gateId?: string; province?: string; lastEventId?: number }) => `/api/v1/operations/stream${query(p)}`,
  history: (gateId: string) => `/api/v1/operations/levels/history${query({ gateId })}`,
  feed: '/api/v1/public/congestion',
  publicStream: '/api/v1/public/congestion/stream',
  map: '/api/v1/public/map',
  webhooks: '/api/v1/webhooks',
  webhook: (id: string) => `/api/v1/webhooks/${id}`,
  eventTypes: '/api/v1/webhooks/event-types',
  deliveries: (id: string) => `/api/v1/webhooks/${id}/deliveries`,
  delivery: (id: string) => `/api/v1/webhooks/deliveries/${id}`,
  redeliver: (id: string) => `/api/v1/webhooks/deliveries/${id}/redeliver`,
  ping: (id: string) => `/api/v1/webhooks/${id}/ping`,
  rotate: (id: string) => `/api/v1/webhooks/${id}/rotate-secret`,
};

/** A domain event as the board stream sends it. */
export interface BoardEvent {
  id: number;
  type: string;
  occurredAt: string;
  gateId: string;
  direction: string | null;
  tripId: string | null;
  data: Record<string, unknown>;
}
