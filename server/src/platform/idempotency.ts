import crypto from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../db/database';
import type { RequestContext } from './context';
import { AppError } from './errors';

export interface IdempotentResult<T> {
  status: number;
  body: T;
  replayed: boolean;
}

export function requestHash(value: unknown): string {
  return crypto.createHash('sha256').update(JSON.stringify(value ?? null)).digest('hex');
}

/**
 * Runs a write once per (scope, key). The key row is inserted in the same transaction as the
 * write, so the primary key both serialises concurrent retries (the second waits for the first
 * to commit) and guarantees that a stored response means the write committed. A failed write
 * rolls back its key too, so the client may retry it.
 */
export async function runIdempotent<T>(
  ctx: RequestContext,
  options: { scope: string; key: string | undefined; request: unknown },
  work: (tx: Transaction<Database>) => Promise<{ status: number; body: T }>,
): Promise<IdempotentResult<T>> {
  const { db } = ctx.app;
  if (!options.key) {
    const result = await db.transaction().execute(work);
    return { ...result, replayed: false };
  }
  const hash = requestHash(options.request);
  return db.transaction().execute(async (tx) => {
    const inserted = await tx
      .insertInto('idempotency_keys')
      .values({ scope: options.scope, key: options.key!, request_hash: hash, status_code: null, response: null })
      .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!inserted) {
      const stored = await tx
        .selectFrom('idempotency_keys')
        .select(['request_hash', 'status_code', 'response'])
        .where('scope', '=', options.scope)
        .where('key', '=', options.key!)
        .executeTakeFirstOrThrow();
      if (stored.request_hash !== hash) throw new AppError('idempotency.key_reused');
      if (stored.status_code === null) throw new AppError('idempotency.in_progress');
      return { status: stored.status_code, body: stored.response as T, replayed: true };
    }
    const result = await work(tx);
    await tx
      .updateTable('idempotency_keys')
      .set({ status_code: result.status, response: JSON.stringify(result.body) })
      .where('scope', '=', options.scope)
      .where('key', '=', options.key!)
      .execute();
    return { ...result, replayed: false };
  });
}
