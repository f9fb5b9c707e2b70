import { newIdempotencyKey } from '../../api/client';
import type { Payment } from '../../../../shared/schemas/payments';

// One Idempotency-Key per intended payment (this trip, this amount), kept in the tab's storage:
// a double click, a retry after a network error or a reload in the middle sends the same key,
// so the server charges once. Once the bank has settled the payment made with it (succeeded
// or failed), the intention is over and the next attempt is a new payment with a new key.

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;
interface Intention { key: string; paymentId: string | null }

const storageKey = (tripId: string, amount: number) => `cks.pay.${tripId}.${amount}`;

function read(storage: Storage, tripId: string, amount: number): Intention | null {
  try {
    return JSON.parse(storage.getItem(storageKey(tripId, amount)) ?? 'null') as Intention | null;
  } catch {
    return null;
  }
}

/** The key for paying `amount` on this trip now: the pending intention's, or a new one. */
export function intendedKey(storage: Storage, tripId: string, amount: number, payments: Pick<Payment, 'id' | 'status'>[]): string {
  const stored = read(storage, tripId, amount);
  const settled = !!stored?.paymentId && payments.some((p) => p.id === stored.paymentId && p.status !== 'pending');
  if (stored && !settled) return stored.key;
  const fresh: Intention = { key: newIdempotencyKey(), paymentId: null };
  storage.setItem(storageKey(tripId, amount), JSON.stringify(fresh));
  return fresh.key;
}

/** Ties the key to the payment the server made with it, to know when that payment is settled. */
export function rememberPayment(storage: Storage, tripId: string, amount: number, key: string, paymentId: string) {
  storage.setItem(storageKey(tripId, amount), JSON.stringify({ key, paymentId }));
}
