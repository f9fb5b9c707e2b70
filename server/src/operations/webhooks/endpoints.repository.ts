import { sql, type Selectable } from 'kysely';
import type { WebhookDelivery, WebhookEndpoint } from '../../../../shared/schemas/operations';
import type { Database } from '../../db/database';
import type { Executor } from '../figures.repository';

export type EndpointRow = Selectable<Database['webhook_endpoints']>;
export type DeliveryRow = Selectable<Database['webhook_deliveries']>;

export async function deliveryCounts(db: Executor, endpointIds: string[]): Promise<Map<string, WebhookEndpoint['counts']>> {
  const out = new Map<string, WebhookEndpoint['counts']>(endpointIds.map((id) => [id, { pending: 0, delivered: 0, failed: 0 }]));
  if (endpointIds.length === 0) return out;
  const rows = await sql<{ endpoint_id: string; status: string; n: number }>`
    select endpoint_id, status, count(*)::int as n from webhook_deliveries where endpoint_id = any(${endpointIds}) group by 1, 2`.execute(db);
  for (const r of rows.rows) {
    const c = out.get(r.endpoint_id)!;
    if (r.status === 'delivered') c.delivered += Number(r.n);
    else if (r.status === 'failed') c.failed += Number(r.n);
    else c.pending += Number(r.n);
  }
  return out;
}

export function toEndpoint(row: EndpointRow, counts: WebhookEndpoint['counts']): WebhookEndpoint {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    url: row.url,
    description: row.description,
    eventTypes: row.event_types as WebhookEndpoint['eventTypes'],
    active: row.active,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    version: row.version,
    counts,
  };
}

export function toDelivery(row: DeliveryRow): WebhookDelivery {
  const finished = row.status === 'delivered' || row.status === 'failed';
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    eventId: row.event_id,
    eventType: row.event_type,
    status: row.status as WebhookDelivery['status'],
    attempts: row.attempts,
    nextAttemptAt: finished ? null : new Date(row.next_attempt_at).toISOString(),
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    createdAt: new Date(row.created_at).toISOString(),
    deliveredAt: row.delivered_at ? new Date(row.delivered_at).toISOString() : null,
    payload: row.payload as Record<string, unknown>,
  };
}
