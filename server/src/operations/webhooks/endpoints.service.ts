import { sql } from 'kysely';
import type { CreateWebhookRequest, UpdateWebhookRequest, WebhookEndpoint, WebhookWithSecret } from '../../../../shared/schemas/operations';
import { recordAudit } from '../../audit/audit.repository';
import { isEnterpriseSide } from '../../fleet/scope';
import { requirePermission, type AuthenticatedActor } from '../../platform/actor';
import type { RequestContext } from '../../platform/context';
import { AppError, isUniqueViolation } from '../../platform/errors';
import { runIdempotent, type IdempotentResult } from '../../platform/idempotency';
import type { Executor } from '../figures.repository';
import { operationsSettings } from '../settings';
import { deliveryCounts, toEndpoint, type EndpointRow } from './endpoints.repository';
import { newSecret } from './signature';
import { checkWebhookUrl } from './url-guard';

// Enterprise webhook endpoints (webhooks:write): an enterprise manages its own; administrators
// any, naming the enterprise. Someone else's endpoint is a 404. The secret is shown once.

function enterpriseFor(actor: AuthenticatedActor, requested: string | undefined): string {
  if (isEnterpriseSide(actor)) {
    if (!actor.enterpriseId) throw new AppError('auth.forbidden');
    return actor.enterpriseId;
  }
  if (!requested) throw new AppError('webhooks.enterprise_required');
  return requested;
}

/** The endpoint if the actor may manage it, else 404. */
export async function ownEndpoint(db: Executor, actor: AuthenticatedActor, id: string, forUpdate = false): Promise<EndpointRow> {
  let query = db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row || (isEnterpriseSide(actor) && row.enterprise_id !== actor.enterpriseId)) throw new AppError('webhooks.not_found');
  return row;
}

const audited = (row: EndpointRow) => ({ url: row.url, eventTypes: row.event_types, description: row.description, active: row.active, version: row.version });

export async function listEndpoints(ctx: RequestContext, enterpriseId?: string): Promise<WebhookEndpoint[]> {
  const actor = requirePermission(ctx.actor, 'webhooks:write');
  let query = ctx.app.db.selectFrom('webhook_endpoints').selectAll().orderBy('created_at').orderBy('id');
  if (isEnterpriseSide(actor)) query = query.where('enterprise_id', '=', actor.enterpriseId ?? '00000000-0000-0000-0000-000000000000');
  else if (enterpriseId) query = query.where('enterprise_id', '=', enterpriseId);
  const rows = await query.execute();
  const counts = await deliveryCounts(ctx.app.db, rows.map((r) => r.id));
  return rows.map((r) => toEndpoint(r, counts.get(r.id)!));
}

export async function getEndpoint(ctx: RequestContext, id: string): Promise<WebhookEndpoint> {
  const actor = requirePermission(ctx.actor, 'webhooks:write');
  const row = await ownEndpoint(ctx.app.db, actor, id);
  return toEndpoint(row, (await deliveryCounts(ctx.app.db, [id])).get(id)!);
}

export async function createEndpoint(ctx: RequestContext, input: CreateWebhookRequest, key: string | undefined): Promise<IdempotentResult<WebhookWithSecret>> {
  const actor = requirePermission(ctx.actor, 'webhooks:write');
  const enterpriseId = enterpriseFor(actor, input.enterpriseId);
  const url = checkWebhookUrl(input.url, operationsSettings().webhooks);
  const now = ctx.app.now();
  return runIdempotent(ctx, { scope: `webhooks.create:${actor.userId}`, key, request: input }, async (tx) => {
    const exists = await tx.selectFrom('enterprises').select('id').where('id', '=', enterpriseId).executeTakeFirst();
    if (!exists) throw new AppError('webhooks.enterprise_required');
    const secret = newSecret();
    // Only what happens from now on is delivered.
    const last = (await sql<{ id: number | null }>`select max(id) as id from domain_events`.execute(tx)).rows[0];
    let row: EndpointRow;
    try {
      row = await tx
        .insertInto('webhook_endpoints')
        .values({
          enterprise_id: enterpriseId,
          url,
          description: input.description ?? null,
          event_types: [...new Set(input.eventTypes)],
          secret,
          from_event_id: Number(last?.id ?? 0),
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    } catch (error) {
      if (isUniqueViolation(error, 'webhook_endpoints_active_url')) throw new AppError('webhooks.duplicate_url');
      throw error;
    }
    await recordAudit(tx, actor, ctx.requestId, { action: 'webhook.create', entityType: 'webhook_endpoint', entityId: row.id, after: { enterpriseId, ...audited(row) } });
    return { status: 201, body: { endpoint: toEndpoint(row, { pending: 0, delivered: 0, failed: 0 }), secret } };
  });
}

export async function updateEndpoint(ctx: RequestContext, id: string, input: UpdateWebhookRequest): Promise<WebhookEndpoint> {
  const actor = requirePermission(ctx.actor, 'webhooks:write');
  const url = input.url === undefined ? undefined : checkWebhookUrl(input.url, operationsSettings().webhooks);
  const now = ctx.app.now();
  const row = await ctx.app.db.transaction().execute(async (tx) => {
    const before = await ownEndpoint(tx, actor, id, true);
    if (before.version !== input.version) throw new AppError('webhooks.version_conflict', { currentVersion: before.version });
    let after: EndpointRow;
    try {
      after = await tx
        .updateTable('webhook_endpoints')
        .set({
          url: url ?? before.url,
          event_types: input.eventTypes ? [...new Set(input.eventTypes)] : before.event_types,
          description: input.description === undefined ? before.description : input.description,
          active: input.active ?? before.active,
          updated_at: now,
          version: before.version + 1,
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
    } catch (error) {
      if (isUniqueViolation(error, 'webhook_endpoints_active_url')) throw new AppError('webhooks.duplicate_url');
      throw error;
    }
    await recordAudit(tx, actor, ctx.requestId, { action: 'webhook.update', entityType: 'webhook_endpoint', entityId: id, before: audited(before), after: audited(after) });
    return after;
  });
  return toEndpoint(row, (await deliveryCounts(ctx.app.db, [id])).get(id)!);
}

export async function rotateSecret(ctx: RequestContext, id: string): Promise<WebhookWithSecret> {
  const actor = requirePermission(ctx.actor, 'webhooks:write');
  const now = ctx.app.now();
  const secret = newSecret();
  const row = await ctx.app.db.transaction().execute(async (tx) => {
    await ownEndpoint(tx, actor, id, true);
    const after = await tx
      .updateTable('webhook_endpoints')
      .set((eb) => ({ secret, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    // The secret itself never goes to the audit log.
    await recordAudit(tx, actor, ctx.requestId, { action: 'webhook.rotate_secret', entityType: 'webhook_endpoint', entityId: id, after: { version: after.version } });
    return after;
  });
  return { endpoint: toEndpoint(row, (await deliveryCounts(ctx.app.db, [id])).get(id)!), secret };
}
