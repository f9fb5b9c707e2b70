import crypto from 'node:crypto';
import type { WebhookDelivery } from '../../../../shared/schemas/operations';
import { recordAudit } from '../../audit/audit.repository';
import { isEnterpriseSide } from '../../fleet/scope';
import { requirePermission } from '../../platform/actor';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { ownEndpoint } from './endpoints.service';
import { toDelivery } from './endpoints.repository';

// The delivery log an enterprise sees for its endpoints, the "send again" action, and a test
// ping. Sending is always the job's (sender.ts); these only queue.

export async function listDeliveries(ctx: RequestContext, endpointId: string, query: { status?: string; limit?: number }): Promise<WebhookDelivery[]> {
  const actor = requirePermission(ctx.actor, 'webhooks:write');
  await ownEndpoint(ctx.app.db, actor, endpointId);
  let q = ctx.app.db.selectFrom('webhook_deliveries').selectAll().where('endpoint_id', '=', endpointId);
  if (query.status) q = q.where('status', '=', query.status);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit ?? 50).execute();
  return rows.map(toDelivery);
}

async function ownDelivery(ctx: RequestContext, deliveryId: string) {
  const actor = requirePermission(ctx.actor, 'webhooks:write');
  const row = await ctx.app.db.selectFrom('webhook_deliveries').selectAll().where('id', '=', deliveryId).executeTakeFirst();
  if (!row || (isEnterpriseSide(actor) && row.enterprise_id !== actor.enterpriseId)) throw new AppError('webhooks.delivery_not_found');
  return { actor, row };
}

export async function getDelivery(ctx: RequestContext, deliveryId: string): Promise<WebhookDelivery> {
  const { row } = await ownDelivery(ctx, deliveryId);
  const attempts = await ctx.app.db.selectFrom('webhook_delivery_attempts').selectAll().where('delivery_id', '=', deliveryId).orderBy('id').execute();
  return {
    ...toDelivery(row),
    attemptLog: attempts.map((a) => ({
      startedAt: new Date(a.started_at).toISOString(),
      durationMs: a.duration_ms,
      statusCode: a.status_code,
      error: a.error,
      outcome: a.outcome as 'delivered' | 'retry' | 'failed',
    })),
  };
}

/** Queues the delivery again now, with a fresh round of attempts (the receiver dedupes on the event id). */
export async function redeliver(ctx: RequestContext, deliveryId: string): Promise<WebhookDelivery> {
  const { actor } = await ownDelivery(ctx, deliveryId);
  const now = ctx.app.now();
  const row = await ctx.app.db.transaction().execute(async (tx) => {
    const current = await tx.selectFrom('webhook_deliveries').selectAll().where('id', '=', deliveryId).forUpdate().executeTakeFirstOrThrow();
    const endpoint = await tx.selectFrom('webhook_endpoints').select('active').where('id', '=', current.endpoint_id).executeTakeFirstOrThrow();
    if (!endpoint.active) throw new AppError('webhooks.endpoint_inactive');
    if (current.status === 'sending' && current.lease_until && new Date(current.lease_until) > now) throw new AppError('webhooks.delivery_in_progress');
    const after = await tx
      .updateTable('webhook_deliveries')
      .set({ status: 'pending', attempts: 0, next_attempt_at: now, lease_until: null })
      .where('id', '=', deliveryId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, actor, ctx.requestId, {
      action: 'webhook.redeliver',
      entityType: 'webhook_delivery',
      entityId: deliveryId,
      before: { status: current.status, attempts: current.attempts },
      after: { status: 'pending' },
    });
    return after;
  });
  return toDelivery(row);
}

/** Queues a test event to an endpoint. */
export async function ping(ctx: RequestContext, endpointId: string): Promise<WebhookDelivery> {
  const actor = requirePermission(ctx.actor, 'webhooks:write');
  const now = ctx.app.now();
  const row = await ctx.app.db.transaction().execute(async (tx) => {
    const endpoint = await ownEndpoint(tx, actor, endpointId);
    if (!endpoint.active) throw new AppError('webhooks.endpoint_inactive');
    const eventId = `ping_${crypto.randomUUID()}`;
    const inserted = await tx
      .insertInto('webhook_deliveries')
      .values({
        endpoint_id: endpoint.id,
        enterprise_id: endpoint.enterprise_id,
        event_id: eventId,
        event_type: 'webhook.ping',
        payload: JSON.stringify({ id: eventId, type: 'webhook.ping', occurredAt: now.toISOString(), data: { endpointId: endpoint.id } }),
        next_attempt_at: now,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, actor, ctx.requestId, { action: 'webhook.ping', entityType: 'webhook_endpoint', entityId: endpoint.id, after: { deliveryId: inserted.id } });
    return inserted;
  });
  return toDelivery(row);
}
