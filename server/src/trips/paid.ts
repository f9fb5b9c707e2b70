import type { Transaction } from 'kysely';
import type { Database } from '../db/database';
import type { Actor } from '../platform/actor';
import { issuePass } from '../passes/issue';
import { computeExpiry, gateTimeZone } from './expiry';
import { outstandingOf } from './lifecycle';
import { runTripHooks } from './hooks';
import { recordTripChange } from './timeline';
import { findTripRow } from './trips.repository';

/**
 * Once nothing is outstanding, a submitted trip becomes paid and gets its pass; a paid trip
 * whose amendment was settled gets a new pass. Called after a confirmed payment, and at
 * submission when the fee is zero. The trip row must already be locked by the caller.
 */
export async function completeIfCovered(tx: Transaction<Database>, actor: Actor, requestId: string | null, tripId: string, now: Date): Promise<void> {
  const row = (await findTripRow(tx, tripId, true))!;
  if (outstandingOf(row) > 0) return;
  if (row.status === 'submitted') {
    const timeZone = await gateTimeZone(tx, row.gate_id);
    const expiresAt = computeExpiry({ ...row, status: 'paid' }, timeZone);
    await tx
      .updateTable('trips')
      .set({ status: 'paid', paid_at: now, expires_at: expiresAt, version: row.version + 1, updated_at: now })
      .where('id', '=', tripId)
      .execute();
    const serial = await issuePass(tx, tripId, now);
    await recordTripChange(tx, actor, requestId, { tripId, action: 'paid', from: 'submitted', to: 'paid', at: now, details: { feeTotal: row.fee_total, passSerial: serial } });
    await runTripHooks('paid', { tx, actor, requestId, trip: (await findTripRow(tx, tripId))!, now });
    return;
  }
  if (row.status === 'paid') {
    const valid = await tx.selectFrom('gate_passes').select('id').where('trip_id', '=', tripId).where('status', '=', 'valid').executeTakeFirst();
    if (valid) return;
    const serial = await issuePass(tx, tripId, now);
    await recordTripChange(tx, actor, requestId, { tripId, action: 'pass_issued', from: 'paid', to: 'paid', at: now, details: { passSerial: serial } });
  }
}
