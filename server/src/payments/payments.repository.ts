import type { Selectable, Transaction } from 'kysely';
import { errorCatalog, type ErrorCode } from '../../../shared/errors/index';
import type { Payment } from '../../../shared/schemas/payments';
import type { Database } from '../db/database';
import { VN_TIME_ZONE } from '../trips/time';
import { localParts } from '../gates/calendar';
import type { Executor } from '../trips/trips.repository';

export type PaymentRow = Selectable<Database['payments']>;

const mask = (account: string | null) => (account ? `••••${account.slice(-4)}` : null);

export function toPayment(row: PaymentRow, tripReference: string): Payment {
  const failure = row.failure_code && row.failure_code in errorCatalog ? errorCatalog[row.failure_code as ErrorCode] : null;
  return {
    id: row.id,
    tripId: row.trip_id,
    tripReference,
    kind: row.kind as Payment['kind'],
    purpose: row.purpose as Payment['purpose'],
    amount: row.amount,
    currency: 'VND',
    status: row.status as Payment['status'],
    provider: row.provider,
    providerReference: row.provider_reference,
    payerAccount: mask(row.payer_account),
    receiptNumber: row.receipt_number,
    failureCode: row.failure_code,
    failureMessage: failure ? { vi: failure.vi, en: failure.en } : null,
    createdAt: row.created_at.toISOString(),
    confirmedAt: row.confirmed_at?.toISOString() ?? null,
  };
}

export async function hasPendingCharge(db: Executor, tripId: string): Promise<boolean> {
  const row = await db.selectFrom('payments').select('id').where('trip_id', '=', tripId).where('kind', '=', 'charge').where('status', '=', 'pending').executeTakeFirst();
  return row !== undefined;
}

/**
 * The next receipt number of the year (in Vietnam) of `at`. The upsert locks the year's counter
 * row until the confirming transaction ends, so numbers are issued in order and a rolled-back
 * confirmation gives its number back: no gaps, no duplicates.
 */
export async function nextReceiptNumber(tx: Transaction<Database>, at: Date): Promise<string> {
  const year = Number(localParts(at, VN_TIME_ZONE).date.slice(0, 4));
  const row = await tx
    .insertInto('receipt_counters')
    .values({ year, last_number: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet((eb) => ({ last_number: eb('receipt_counters.last_number', '+', 1) })))
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return `CKS-${year}-${String(row.last_number).padStart(6, '0')}`;
}

/** VND of refunds accepted but not yet confirmed: money already on its way back. */
export async function pendingRefundTotal(db: Executor, tripId: string): Promise<number> {
  const row = await db
    .selectFrom('payments')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), eb.lit(0)).as('total'))
    .where('trip_id', '=', tripId)
    .where('kind', '=', 'refund')
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.total);
}
