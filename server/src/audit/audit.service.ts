import type { AuditRecord } from '../../../shared/schemas/accounts';
import { requirePermission } from '../platform/actor';
import type { RequestContext } from '../platform/context';

export interface AuditQuery {
  entityType?: string;
  entityId?: string;
  beforeId?: number;
  limit?: number;
}

/** Administrators and leaders read the whole log; gate authorities read the history of their gates. */
export async function listAudit(ctx: RequestContext, q: AuditQuery): Promise<AuditRecord[]> {
  const actor = requirePermission(ctx.actor, 'audit:read');
  let query = ctx.app.db.selectFrom('audit_log').selectAll();
  if (actor.role === 'gate_authority') {
    if (actor.gateIds.length === 0) return [];
    query = query.where('entity_type', '=', 'gate').where('entity_id', 'in', actor.gateIds);
  }
  if (q.entityType) query = query.where('entity_type', '=', q.entityType);
  if (q.entityId) query = query.where('entity_id', '=', q.entityId);
  if (q.beforeId) query = query.where('id', '<', q.beforeId);
  const rows = await query.orderBy('id', 'desc').limit(q.limit ?? 100).execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actorUserId: r.actor_user_id,
    actorRole: r.actor_role,
    actorTokenId: r.actor_token_id,
    actorLabel: r.actor_label,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: r.before,
    after: r.after,
    reason: r.reason,
    requestId: r.request_id,
  }));
}
