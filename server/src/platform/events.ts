import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/database';

// Domain events: what happened at a gate, written in the same transaction as the change it
// describes, so a reader never sees an event for a change that rolled back (or miss one that
// committed). pg_notify is transactional too: listeners are woken only after commit. Readers
// (live board, warnings, other server processes) fetch by id after the last one they saw.

export const EVENTS_CHANNEL = 'cks_events';

export interface DomainEventInput {
  /** `<area>.<what>`, e.g. trip.checked_in, trip.called, clearance.decided, notice.published. */
  type: string;
  occurredAt: Date;
  gateId?: string | null;
  tripId?: string | null;
  direction?: string | null;
  payload?: Record<string, unknown>;
}

export async function emitEvent(tx: Transaction<Database>, event: DomainEventInput): Promise<number> {
  const row = await tx
    .insertInto('domain_events')
    .values({
      type: event.type,
      occurred_at: event.occurredAt,
      gate_id: event.gateId ?? null,
      trip_id: event.tripId ?? null,
      direction: event.direction ?? null,
      payload: JSON.stringify(event.payload ?? {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(row.id);
  await sql`select pg_notify(${EVENTS_CHANNEL}, ${String(id)})`.execute(tx);
  return id;
}
