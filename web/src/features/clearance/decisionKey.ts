import { newIdempotencyKey } from '../../api/client';

// One Idempotency-Key per decision attempt, kept in the tab's storage: a double click, a retry
// after a lost answer or a reload in the middle sends the same key for the same decision on the
// same control version, so the server records it once. A different decision (another outcome,
// note or bay) is a new attempt with a new key; once the control moves on, its version changes
// and the next decision gets a new key anyway.

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;
interface Attempt { key: string; body: string }

const storageKey = (scope: string, version: number) => `cks.decide.${scope}.${version}`;

/** A JSON text that does not depend on the order the fields were set in. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function read(storage: Storage, scope: string, version: number): Attempt | null {
  try {
    return JSON.parse(storage.getItem(storageKey(scope, version)) ?? 'null') as Attempt | null;
  } catch {
    return null;
  }
}

/** The key for sending `body` about `scope` (a control, a request) at `version`: the same attempt's, or a new one. */
export function attemptKey(storage: Storage, scope: string, version: number, body: unknown): string {
  const fingerprint = canonical(body);
  const stored = read(storage, scope, version);
  if (stored && stored.body === fingerprint) return stored.key;
  const fresh: Attempt = { key: newIdempotencyKey(), body: fingerprint };
  storage.setItem(storageKey(scope, version), JSON.stringify(fresh));
  return fresh.key;
}

/** After the server recorded the attempt, nothing is left to retry. */
export function attemptDone(storage: Storage, scope: string, version: number) {
  storage.removeItem(storageKey(scope, version));
}
