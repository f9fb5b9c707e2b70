import type { SyncRequest, SyncResponse } from '../../../../../shared/schemas/yards';
import { api, ApiError } from '../../../api/client';
import { markAttempt, nextBatch, retryDelayMs, toSyncEvent } from './outbox';
import { applyAcknowledgements, deviceId, onStoreChange, outbox, reject, updateOutbox } from './store';

// Sends the outbox to POST /api/v1/yards/sync when the server can be reached: in recording order
// (device time, then sequence), in batches, removing each event the server acknowledges. The server
// is idempotent by clientEventId, so a batch resent after a lost answer changes nothing. One tab at
// a time sends (Web Locks); the others just see the store change.

export type SyncPhase = 'idle' | 'syncing' | 'offline' | 'signin' | 'forbidden' | 'error';
export interface SyncState {
  phase: SyncPhase;
  pending: number;
  lastSyncAt: string | null;
  lastError: string | null;
  failures: number;
}

const BATCH = 100;
const PERIOD_MS = 15_000;
let state: SyncState = { phase: 'idle', pending: 0, lastSyncAt: null, lastError: null, failures: 0 };
const listeners = new Set<(s: SyncState) => void>();
let timer: ReturnType<typeof setTimeout> | null = null;
let running = false;
let users = 0;

function set(patch: Partial<SyncState>) {
  state = { ...state, ...patch };
  listeners.forEach((l) => l(state));
}

export function syncState(): SyncState {
  return state;
}

export function isNetworkError(error: unknown): boolean {
  return !(error instanceof ApiError) || error.problem.status === 503 || error.problem.status === 502 || error.problem.status === 504;
}

async function withLock(fn: () => Promise<void>): Promise<void> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  if (!locks) return fn();
  await locks.request('cks-yard-sync', { ifAvailable: true }, async (lock) => {
    if (lock) await fn();
  });
}

async function sendOnce(): Promise<void> {
  const device = await deviceId();
  let size = BATCH;
  for (;;) {
    const all = await outbox();
    set({ pending: all.length });
    if (all.length === 0) {
      set({ phase: 'idle', failures: 0, lastError: null });
      return;
    }
    const batch = nextBatch(all, size);
    set({ phase: 'syncing' });
    try {
      const body: SyncRequest = { deviceId: device, events: batch.map(toSyncEvent) };
      const response = await api<SyncResponse>('POST', '/api/v1/yards/sync', body);
      const acknowledged = await applyAcknowledgements(response.results);
      set({ lastSyncAt: new Date().toISOString(), failures: 0, lastError: null });
      // An answer that acknowledges nothing would make this loop resend forever: wait for the next round.
      if (acknowledged.length === 0) return set({ phase: 'error', failures: 1, lastError: 'not_acknowledged' });
      size = BATCH;
    } catch (error) {
      const status = error instanceof ApiError ? error.problem.status : 0;
      const code = error instanceof ApiError ? error.problem.code : 'network';
      if (isNetworkError(error)) {
        await updateOutbox(markAttempt(all, batch.map((e) => e.clientEventId), code));
        set({ phase: 'offline', failures: state.failures + 1, lastError: code });
        return;
      }
      if (status === 401) return set({ phase: 'signin', lastError: code });
      if (status === 403) return set({ phase: 'forbidden', lastError: code });
      if (status === 429 || status >= 500) {
        set({ phase: 'error', failures: state.failures + 1, lastError: code });
        return;
      }
      // The server refused the batch itself: find the event it cannot take by sending one at a time,
      // and set that one aside for the operator instead of blocking everything behind it.
      if (batch.length > 1) {
        size = 1;
        continue;
      }
      const problem = (error as ApiError).problem;
      await reject(batch[0], problem.code, problem.messages?.vi ?? problem.title);
    }
  }
}

/** Sends what is waiting now (no-op when another send is under way in this tab or another). */
export async function syncNow(): Promise<void> {
  if (running) return;
  running = true;
  try {
    await withLock(sendOnce);
  } catch (error) {
    set({ phase: 'error', lastError: error instanceof Error ? error.message : String(error) });
  } finally {
    running = false;
    schedule();
  }
}

function schedule() {
  if (timer) clearTimeout(timer);
  if (users === 0) return;
  const delay = state.failures > 0 ? retryDelayMs(state.failures) : PERIOD_MS;
  timer = setTimeout(() => void syncNow(), delay);
}

const onOnline = () => void syncNow();

/** Starts the background sync while a yard page is open; returns the stop function. */
export function startSync(listener: (s: SyncState) => void): () => void {
  listeners.add(listener);
  listener(state);
  users += 1;
  if (users === 1) {
    window.addEventListener('online', onOnline);
    void syncNow();
  }
  const offStore = onStoreChange(() => void outbox().then((all) => set({ pending: all.length })));
  return () => {
    listeners.delete(listener);
    offStore();
    users -= 1;
    if (users === 0) {
      window.removeEventListener('online', onOnline);
      if (timer) clearTimeout(timer);
      timer = null;
    }
  };
}
