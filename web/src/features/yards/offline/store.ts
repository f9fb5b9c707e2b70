import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Me } from '../../../../../shared/schemas/auth';
import type { YardSnapshot } from '../../../../../shared/schemas/yards';
import { acknowledge, record, type NewOutboxEvent, type OutboxEvent, type RecordOutcome, type SyncedRecord } from './outbox';
import type { SyncResult } from '../../../../../shared/schemas/yards';

// The yard page's memory on the device (IndexedDB): the last snapshot of each yard, the outbox of
// steps recorded without the server, what was synchronised lately, events the server refused
// outright, the device id and who was signed in. Everything survives a reload or a closed tab.

export interface RejectedEvent {
  event: OutboxEvent;
  code: string;
  message: string;
  at: string;
}

interface YardDb extends DBSchema {
  snapshots: { key: string; value: { yardId: string; savedAt: string; snapshot: YardSnapshot } };
  outbox: { key: string; value: OutboxEvent };
  synced: { key: string; value: SyncedRecord & { syncedAt: string } };
  rejected: { key: string; value: RejectedEvent };
  meta: { key: string; value: unknown };
}

const DB_NAME = 'cks-yard';
const KEEP_SYNCED = 200;
let dbPromise: Promise<IDBPDatabase<YardDb>> | null = null;

function db(): Promise<IDBPDatabase<YardDb>> {
  dbPromise ??= openDB<YardDb>(DB_NAME, 1, {
    upgrade(d) {
      d.createObjectStore('snapshots', { keyPath: 'yardId' });
      d.createObjectStore('outbox', { keyPath: 'clientEventId' });
      d.createObjectStore('synced', { keyPath: 'clientEventId' });
      d.createObjectStore('rejected', { keyPath: 'event.clientEventId' });
      d.createObjectStore('meta');
    },
  });
  return dbPromise;
}

// Other tabs of the yard page (and this one) re-read when the store changes.
const channel = typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel('cks-yard') : null;
const listeners = new Set<() => void>();
channel?.addEventListener('message', () => listeners.forEach((l) => l()));
function changed() {
  listeners.forEach((l) => l());
  channel?.postMessage('changed');
}
export function onStoreChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function deviceId(): Promise<string> {
  const d = await db();
  const tx = d.transaction('meta', 'readwrite');
  let id = (await tx.store.get('deviceId')) as string | undefined;
  if (!id) {
    id = `yard-${crypto.randomUUID()}`;
    await tx.store.put(id, 'deviceId');
  }
  await tx.done;
  return id;
}

export async function saveMe(me: Me): Promise<void> {
  await (await db()).put('meta', me, 'me');
}
export async function loadMe(): Promise<Me | null> {
  return ((await (await db()).get('meta', 'me')) as Me | undefined) ?? null;
}

export async function saveSnapshot(snapshot: YardSnapshot): Promise<void> {
  await (await db()).put('snapshots', { yardId: snapshot.yard.id, savedAt: new Date().toISOString(), snapshot });
  changed();
}
export async function loadSnapshot(yardId: string): Promise<{ savedAt: string; snapshot: YardSnapshot } | null> {
  return (await (await db()).get('snapshots', yardId)) ?? null;
}

export async function outbox(): Promise<OutboxEvent[]> {
  return (await db()).getAll('outbox');
}

/** Records a step in the outbox (one transaction: a double tap cannot add it twice). */
export async function recordOffline(fresh: NewOutboxEvent, now = new Date()): Promise<RecordOutcome> {
  const d = await db();
  const tx = d.transaction('outbox', 'readwrite');
  const current = await tx.store.getAll();
  const { outcome } = record(current, fresh, now, () => crypto.randomUUID());
  if (outcome.added) await tx.store.put(outcome.event);
  await tx.done;
  if (outcome.added) changed();
  return outcome;
}

/** Removes what the server acknowledged and remembers it as synchronised. */
export async function applyAcknowledgements(results: readonly SyncResult[]): Promise<SyncedRecord[]> {
  const d = await db();
  const tx = d.transaction(['outbox', 'synced'], 'readwrite');
  const current = await tx.objectStore('outbox').getAll();
  const { synced } = acknowledge(current, results);
  const at = new Date().toISOString();
  for (const s of synced) {
    await tx.objectStore('outbox').delete(s.clientEventId);
    await tx.objectStore('synced').put({ ...s, syncedAt: at });
  }
  const all = await tx.objectStore('synced').getAll();
  const old = all.sort((a, b) => b.syncedAt.localeCompare(a.syncedAt) || b.occurredAt.localeCompare(a.occurredAt)).slice(KEEP_SYNCED);
  for (const s of old) await tx.objectStore('synced').delete(s.clientEventId);
  await tx.done;
  changed();
  return synced;
}

export async function updateOutbox(events: readonly OutboxEvent[]): Promise<void> {
  const d = await db();
  const tx = d.transaction('outbox', 'readwrite');
  for (const e of events) if (await tx.store.get(e.clientEventId)) await tx.store.put(e);
  await tx.done;
  changed();
}

/** The server refused the event itself (not a conflict it keeps): set aside for the operator. */
export async function reject(event: OutboxEvent, code: string, message: string): Promise<void> {
  const d = await db();
  const tx = d.transaction(['outbox', 'rejected'], 'readwrite');
  await tx.objectStore('outbox').delete(event.clientEventId);
  await tx.objectStore('rejected').put({ event, code, message, at: new Date().toISOString() });
  await tx.done;
  changed();
}

export async function rejected(): Promise<RejectedEvent[]> {
  return (await db()).getAll('rejected');
}
export async function dropRejected(clientEventId: string): Promise<void> {
  await (await db()).delete('rejected', clientEventId);
  changed();
}

export async function recentlySynced(): Promise<Array<SyncedRecord & { syncedAt: string }>> {
  const all = await (await db()).getAll('synced');
  return all.sort((a, b) => b.syncedAt.localeCompare(a.syncedAt) || b.occurredAt.localeCompare(a.occurredAt));
}

/** Yards this device has a snapshot of (what the chooser offers offline). */
export async function cachedYards(): Promise<Array<{ gateId: string; yardId: string; names: { nameVi: string; nameEn: string; nameZh: string | null }; gate: { nameVi: string; nameEn: string; nameZh: string | null }; savedAt: string }>> {
  const all = await (await db()).getAll('snapshots');
  return all.map((s) => ({ gateId: s.snapshot.gate.id, yardId: s.yardId, names: s.snapshot.yard, gate: s.snapshot.gate, savedAt: s.savedAt }));
}
