import http from 'node:http';
import https from 'node:https';
import { sql } from 'kysely';
import type { AppServices } from '../../platform/context';
import { operationsSettings, type OperationsSettings } from '../settings';
import type { DeliveryRow } from './endpoints.repository';
import { ID_HEADER, SIGNATURE_HEADER, sign, TIMESTAMP_HEADER } from './signature';
import { guardedLookup } from './url-guard';

// Sends due deliveries: claims a batch (FOR UPDATE SKIP LOCKED, then a lease, so the HTTP call
// holds no transaction and a crashed sender's claims come back after the lease), posts the
// signed event, and records the attempt. A 2xx answer delivers; anything else is retried with
// exponential backoff and jitter, and after the last attempt the delivery is failed (the
// enterprise can send it again from its delivery log).

const BATCH = 20;
const PARALLEL = 8;
const LEASE_MS = 120_000;
const MAX_BACKOFF_MS = 6 * 3_600_000;
const MAX_ERROR_LENGTH = 500;

type Guard = OperationsSettings['webhooks'];

/** Delay before attempt n+1 after n failed attempts: base × 2^(n−1), ±20%, at most 6 hours. */
export function backoffMs(failedAttempts: number, baseSeconds: number, random = Math.random): number {
  const exact = baseSeconds * 1000 * 2 ** Math.max(0, failedAttempts - 1);
  return Math.min(MAX_BACKOFF_MS, Math.round(exact * (0.8 + 0.4 * random())));
}

export interface PostResult {
  statusCode: number | null;
  error: string | null;
}

export function postSigned(url: string, secret: string, eventId: string, body: string, nowSeconds: number, guard: Guard): Promise<PostResult> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return resolve({ statusCode: null, error: 'invalid URL' });
    }
    const client = target.protocol === 'https:' ? https : http;
    const request = client.request(
      target,
      {
        method: 'POST',
        lookup: guardedLookup(guard),
        timeout: guard.timeoutMs,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'cua-khau-so-webhooks/1',
          [ID_HEADER]: eventId,
          [TIMESTAMP_HEADER]: String(nowSeconds),
          [SIGNATURE_HEADER]: sign(secret, nowSeconds, body),
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ statusCode: response.statusCode ?? null, error: null }));
        response.on('error', (e) => resolve({ statusCode: response.statusCode ?? null, error: e.message }));
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${guard.timeoutMs} ms`)));
    request.on('error', (e) => resolve({ statusCode: null, error: e.message.slice(0, MAX_ERROR_LENGTH) }));
    request.end(body);
  });
}

async function claim(services: AppServices, now: Date, limit: number): Promise<DeliveryRow[]> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const rows = await sql<DeliveryRow>`
    update webhook_deliveries set status = 'sending', lease_until = ${leaseUntil}
    where id in (
      select id from webhook_deliveries
      where (status = 'pending' and next_attempt_at <= ${now}) or (status = 'sending' and lease_until < ${now})
      order by next_attempt_at, id
      limit ${limit}
      for update skip locked)
    returning *`.execute(services.db);
  return rows.rows;
}

async function deliverOne(services: AppServices, d: DeliveryRow, guard: Guard): Promise<'delivered' | 'retry' | 'failed'> {
  const endpoint = await services.db.selectFrom('webhook_endpoints').select(['url', 'secret', 'active']).where('id', '=', d.endpoint_id).executeTakeFirstOrThrow();
  const started = services.now();
  const startedMs = Date.now();
  const result: PostResult = endpoint.active
    ? await postSigned(endpoint.url, endpoint.secret, d.event_id, JSON.stringify(d.payload), Math.floor(started.getTime() / 1000), guard)
    : { statusCode: null, error: 'endpoint disabled' };
  const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
  const attempts = d.attempts + 1;
  const outcome = ok ? 'delivered' : !endpoint.active || attempts >= guard.maxAttempts ? 'failed' : 'retry';
  const now = services.now();
  const error = ok ? null : (result.error ?? `HTTP ${result.statusCode}`);
  await services.db.transaction().execute(async (tx) => {
    // Only the claim this sender holds: a redelivery requested meanwhile wins.
    const updated = await tx
      .updateTable('webhook_deliveries')
      .set({
        status: outcome === 'retry' ? 'pending' : outcome,
        attempts,
        last_status_code: result.statusCode,
        last_error: error,
        lease_until: null,
        delivered_at: ok ? now : null,
        next_attempt_at: outcome === 'retry' ? new Date(now.getTime() + backoffMs(attempts, guard.backoffSeconds)) : now,
      })
      .where('id', '=', d.id)
      .where('status', '=', 'sending')
      .where('lease_until', '=', d.lease_until!)
      .returning('id')
      .executeTakeFirst();
    if (!updated) return;
    await tx
      .insertInto('webhook_delivery_attempts')
      .values({ delivery_id: d.id, started_at: started, duration_ms: Date.now() - startedMs, status_code: result.statusCode, error, outcome })
      .execute();
  });
  return outcome;
}

export interface SendReport {
  attempted: number;
  delivered: number;
  retried: number;
  failed: number;
}

export async function sendDueWebhooks(services: AppServices, limit = BATCH): Promise<SendReport> {
  const guard = operationsSettings().webhooks;
  const due = await claim(services, services.now(), limit);
  const report: SendReport = { attempted: due.length, delivered: 0, retried: 0, failed: 0 };
  for (let i = 0; i < due.length; i += PARALLEL) {
    const outcomes = await Promise.all(due.slice(i, i + PARALLEL).map((d) => deliverOne(services, d, guard).catch(() => 'retry' as const)));
    for (const o of outcomes) {
      if (o === 'delivered') report.delivered++;
      else if (o === 'failed') report.failed++;
      else report.retried++;
    }
  }
  return report;
}
