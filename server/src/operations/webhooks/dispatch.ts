import { sql } from 'kysely';
import type { AppServices } from '../../platform/context';

// Turns the domain events of an enterprise's trips into deliveries for the endpoints that asked
// for that event type. A job, never the request that caused the event: the request returns at
// once and the receiver's speed never matters to it. One process reads at a time (the cursor
// row is locked, others skip); events committed late (their id taken before a newer one
// committed) are caught by re-reading the last minutes; the unique (event, endpoint) makes
// every re-read harmless.

const CURSOR = 'webhooks.dispatch';
const LOOKBACK_IDS = 5000;

export async function dispatchWebhookEvents(services: AppServices): Promise<number> {
  const now = services.now();
  await services.db
    .insertInto('operations_cursors')
    .values({ name: CURSOR, last_event_id: 0, updated_at: now })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  return services.db.transaction().execute(async (tx) => {
    const cursor = await tx.selectFrom('operations_cursors').select('last_event_id').where('name', '=', CURSOR).forUpdate().skipLocked().executeTakeFirst();
    if (!cursor) return 0;
    const top = Number((await sql<{ id: number | null }>`select max(id) as id from domain_events`.execute(tx)).rows[0]?.id ?? 0);
    const after = Number(cursor.last_event_id);
    const inserted = await sql<{ id: string }>`
      insert into webhook_deliveries (endpoint_id, enterprise_id, event_id, event_type, payload, next_attempt_at, created_at)
      select w.id, w.enterprise_id, 'evt_' || e.id, e.type,
        jsonb_build_object(
          'id', 'evt_' || e.id,
          'type', e.type,
          'occurredAt', to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'gateId', e.gate_id,
          'tripId', e.trip_id,
          'tripReference', t.reference,
          'direction', e.direction,
          'data', e.payload - 'enterpriseId'),
        ${now}, ${now}
      from domain_events e
      left join trips t on t.id = e.trip_id
      join webhook_endpoints w
        on w.active and e.type = any(w.event_types) and e.id > w.from_event_id
        and w.enterprise_id::text = coalesce(t.enterprise_id::text, e.payload->>'enterpriseId')
      where e.id > ${Math.max(0, after - LOOKBACK_IDS)} and e.id <= ${top}
        and (e.id > ${after} or e.recorded_at > now() - interval '2 minutes')
      on conflict (event_id, endpoint_id) do nothing
      returning id`.execute(tx);
    await tx.updateTable('operations_cursors').set({ last_event_id: Math.max(after, top), updated_at: now }).where('name', '=', CURSOR).execute();
    return inserted.rows.length;
  });
}
