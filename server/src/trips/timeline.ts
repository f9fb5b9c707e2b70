import type { Transaction } from 'kysely';
import { recordAudit } from '../audit/audit.repository';
import type { Database } from '../db/database';
import { actorLabel, type Actor } from '../platform/actor';

// Every action on a trip goes to its timeline (trip_events, what the users see) and to the audit
// log (before/after, for staff), in the same transaction as the change itself.

export interface TripChange {
  tripId: string;
  action: string;
  from: string | null;
  to: string | null;
  at: Date;
  reason?: string | null;
  details?: Record<string, unknown>;
  before?: unknown;
  after?: unknown;
}

export async function recordTripChange(tx: Transaction<Database>, actor: Actor, requestId: string | null, change: TripChange): Promise<void> {
  const who = actor.kind === 'user' || actor.kind === 'token' ? actor.userId : null;
  await tx
    .insertInto('trip_events')
    .values({
      trip_id: change.tripId,
      at: change.at,
      action: change.action,
      from_status: change.from,
      to_status: change.to,
      actor_user_id: who,
      actor_label: actorLabel(actor),
      reason: change.reason ?? null,
      details: JSON.stringify(change.details ?? {}),
    })
    .execute();
  await recordAudit(tx, actor, requestId, {
    action: `trip.${change.action}`,
    entityType: 'trip',
    entityId: change.tripId,
    before: change.before ?? (change.from ? { status: change.from } : undefined),
    after: change.after ?? (change.to ? { status: change.to, ...(change.details ?? {}) } : change.details),
    reason: change.reason ?? null,
  });
}
