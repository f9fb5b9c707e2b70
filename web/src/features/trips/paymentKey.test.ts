import { describe, expect, it } from 'vitest';
import { intendedKey, rememberPayment } from './paymentKey';

function memoryStorage() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
}

describe('the idempotency key of an intended payment', () => {
  it('stays the same across clicks and reloads until the payment made with it is settled', () => {
    const storage = memoryStorage();
    const first = intendedKey(storage, 'trip-1', 310_000, []);
    expect(intendedKey(storage, 'trip-1', 310_000, [])).toBe(first);
    rememberPayment(storage, 'trip-1', 310_000, first, 'pay-1');
    expect(intendedKey(storage, 'trip-1', 310_000, [{ id: 'pay-1', status: 'pending' }])).toBe(first);
    const next = intendedKey(storage, 'trip-1', 310_000, [{ id: 'pay-1', status: 'failed' }]);
    expect(next).not.toBe(first);
    expect(intendedKey(storage, 'trip-1', 310_000, [{ id: 'pay-1', status: 'failed' }])).toBe(next);
  });

  it('is a different intention for another amount or another trip', () => {
    const storage = memoryStorage();
    const a = intendedKey(storage, 'trip-1', 310_000, []);
    expect(intendedKey(storage, 'trip-1', 55_000, [])).not.toBe(a);
    expect(intendedKey(storage, 'trip-2', 310_000, [])).not.toBe(a);
  });
});
