import type { SyncEvent, SyncEventType, SyncResult } from '../../../../../shared/schemas/yards';

// The outbox of steps recorded on this device while the server could not be reached. Pure
// functions over a list, so the rules (order, local duplicates, acknowledgements) are tested
// without a browser; offline/store.ts keeps the list in IndexedDB.

export interface OutboxEvent {
  clientEventId: string;
  /** Order of recording on this device; breaks ties between equal times. */
  seq: number;
  deviceId: string;
  gateId: string;
  yardId: string;
  type: SyncEventType;
  tripId: string | null;
  tripReference: string | null;
  plate: string | null;
  passToken: string | null;
  lane: string | null;
  reason: string | null;
  /** When it happened, by the device clock (ISO). */
  occurredAt: string;
  /** How it was identified, for the operator and the server (qr_offline, typed…). */
  via: 'qr' | 'typed' | 'queue';
  attempts: number;
  lastError: string | null;
}

export type NewOutboxEvent = Omit<OutboxEvent, 'clientEventId' | 'seq' | 'attempts' | 'lastError' | 'occurredAt'>;

/** The truck an event is about: its reference when known, else its plate (spaces, dots and case ignored). */
export function truckKey(e: Pick<OutboxEvent, 'tripReference' | 'plate'>): string {
  if (e.tripReference) return `ref:${e.tripReference.trim().toUpperCase()}`;
  return `plate:${normalisePlateKey(e.plate ?? '')}`;
}

export function normalisePlateKey(plate: string): string {
  return plate.toUpperCase().replace(/[\s.\-·]/g, '');
}

/** Sending order: the real order of events (device time), then the order they were recorded. */
export function compareEvents(a: Pick<OutboxEvent, 'occurredAt' | 'seq'>, b: Pick<OutboxEvent, 'occurredAt' | 'seq'>): number {
  const ta = Date.parse(a.occurredAt);
  const tb = Date.parse(b.occurredAt);
  return ta !== tb ? ta - tb : a.seq - b.seq;
}

export function ordered(outbox: readonly OutboxEvent[]): OutboxEvent[] {
  return [...outbox].sort(compareEvents);
}

/** The same step of the same truck already waiting here: recording it again (a double scan) adds nothing. */
export function findLocalDuplicate(outbox: readonly OutboxEvent[], candidate: Pick<OutboxEvent, 'type' | 'tripReference' | 'plate' | 'gateId'>): OutboxEvent | null {
  const key = truckKey(candidate);
  return outbox.find((e) => e.type === candidate.type && e.gateId === candidate.gateId && truckKey(e) === key) ?? null;
}

/**
 * The time to record: now, but never before an earlier step of the same truck recorded here. A
 * device clock that jumps back must not put "left the yard" before "checked in".
 */
export function occurredAtFor(outbox: readonly OutboxEvent[], key: string, now: Date): string {
  const latest = outbox.filter((e) => truckKey(e) === key).reduce((max, e) => Math.max(max, Date.parse(e.occurredAt)), -Infinity);
  return new Date(Math.max(now.getTime(), latest + 1)).toISOString();
}

export type RecordOutcome = { added: true; event: OutboxEvent } | { added: false; duplicateOf: OutboxEvent };

/** Adds a step to the outbox unless the same step of the same truck is already waiting. */
export function record(outbox: readonly OutboxEvent[], fresh: NewOutboxEvent, now: Date, newId: () => string): { outbox: OutboxEvent[]; outcome: RecordOutcome } {
  const duplicate = findLocalDuplicate(outbox, fresh);
  if (duplicate) return { outbox: [...outbox], outcome: { added: false, duplicateOf: duplicate } };
  const seq = outbox.reduce((max, e) => Math.max(max, e.seq), 0) + 1;
  const event: OutboxEvent = { ...fresh, clientEventId: newId(), seq, attempts: 0, lastError: null, occurredAt: occurredAtFor(outbox, truckKey(fresh), now) };
  return { outbox: [...outbox, event], outcome: { added: true, event } };
}

/** The next events to send, in order, at most `max`. */
export function nextBatch(outbox: readonly OutboxEvent[], max: number): OutboxEvent[] {
  return ordered(outbox).slice(0, max);
}

export function toSyncEvent(e: OutboxEvent): SyncEvent {
  return {
    clientEventId: e.clientEventId,
    type: e.type,
    yardId: e.yardId,
    occurredAt: e.occurredAt,
    ...(e.tripReference ? { tripReference: e.tripReference } : {}),
    ...(e.plate && !e.tripReference ? { plate: e.plate } : {}),
    ...(e.passToken ? { passToken: e.passToken } : {}),
    ...(e.lane ? { lane: e.lane } : {}),
    ...(e.reason ? { reason: e.reason } : {}),
    payload: { via: e.via, seq: e.seq, ...(e.tripId ? { tripId: e.tripId } : {}) },
  };
}

export interface SyncedRecord {
  clientEventId: string;
  type: SyncEventType;
  truck: string;
  occurredAt: string;
  outcome: SyncResult['outcome'];
  conflictReason: SyncResult['conflictReason'];
  tripStatus: SyncResult['tripStatus'];
}

/**
 * Removes what the server acknowledged. Every answer — applied, already received, or a conflict the
 * server now keeps for an operator — means the server holds the event, so it leaves the outbox;
 * an event the answer does not mention stays and is sent again.
 */
export function acknowledge(outbox: readonly OutboxEvent[], results: readonly SyncResult[]): { outbox: OutboxEvent[]; synced: SyncedRecord[] } {
  const byId = new Map(results.map((r) => [r.clientEventId, r]));
  const synced: SyncedRecord[] = [];
  const remaining: OutboxEvent[] = [];
  for (const e of outbox) {
    const r = byId.get(e.clientEventId);
    if (!r) {
      remaining.push(e);
      continue;
    }
    synced.push({
      clientEventId: e.clientEventId,
      type: e.type,
      truck: e.tripReference ?? e.plate ?? '',
      occurredAt: e.occurredAt,
      outcome: r.outcome,
      conflictReason: r.conflictReason,
      tripStatus: r.tripStatus,
    });
  }
  return { outbox: remaining, synced };
}

/** Marks a failed attempt on the events that were sent (for the status line and backoff). */
export function markAttempt(outbox: readonly OutboxEvent[], sentIds: readonly string[], error: string): OutboxEvent[] {
  const sent = new Set(sentIds);
  return outbox.map((e) => (sent.has(e.clientEventId) ? { ...e, attempts: e.attempts + 1, lastError: error } : e));
}

/** Seconds to wait before the next try after `failures` failures in a row: 2, 4, 8 … at most 60, with jitter. */
export function retryDelayMs(failures: number, random: () => number = Math.random): number {
  const base = Math.min(60_000, 2_000 * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.75 + random() * 0.5));
}
