import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database';
import { actorLabel, type Actor } from '../platform/actor';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

type Executor = Kysely<Database> | Transaction<Database>;

/** Written in the same transaction as the change it records, so neither exists without the other. */
export async function recordAudit(db: Executor, actor: Actor, requestId: string | null, entry: AuditEntry): Promise<void> {
  const who = actor.kind === 'user' || actor.kind === 'token' ? actor : null;
  await db
    .insertInto('audit_log')
    .values({
      actor_user_id: who?.userId ?? null,
      actor_role: who?.role ?? null,
      actor_token_id: who?.tokenId ?? null,
      actor_label: actorLabel(actor),
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      reason: entry.reason ?? null,
      request_id: requestId,
    })
    .execute();
}
