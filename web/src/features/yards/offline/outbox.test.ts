import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SyncEventType, SyncResult } from '../../../../../shared/schemas/yards';
import { acknowledge, markAttempt, nextBatch, record, retryDelayMs, toSyncEvent, truckKey, type NewOutboxEvent, type OutboxEvent } from './outbox';

// The outbox of steps recorded offline: sent in the real order of events, each step of a truck
// once however often it is tapped or scanned, and removed only when the server acknowledged it.

const T0 = Date.parse('2027-03-03T01:00:00Z');
let counter = 0;
const newId = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

function step(type: SyncEventType, truck: string, extra: Partial<NewOutboxEvent> = {}): NewOutboxEvent {
  return { deviceId: 'yard-test', gateId: 'tra-linh', yardId: 'tra-linh-a', type, tripId: null, tripReference: truck.startsWith('CKS') ? truck : null, plate: truck.startsWith('CKS') ? null : truck, passToken: null, lane: null, reason: null, via: 'typed', ...extra };
}

function ack(events: OutboxEvent[], outcome: SyncResult['outcome'] = 'applied'): SyncResult[] {
  return events.map((e) => ({ clientEventId: e.clientEventId, outcome, status: outcome === 'conflict' ? 'conflict' : 'applied', conflictReason: outcome === 'conflict' ? 'duplicate_record' : null, tripId: null, tripReference: e.tripReference, tripStatus: null }));
}

describe('offline outbox', () => {
  it('keeps one record of a step tapped twice, but records the next step of the same truck', () => {
    let box: OutboxEvent[] = [];
    const first = record(box, step('check_in', 'CKS-TRL-1'), new Date(T0), newId);
    box = first.outbox;
    const again = record(box, step('check_in', 'CKS-TRL-1'), new Date(T0 + 5000), newId);
    expect(again.outcome.added).toBe(false);
    expect(again.outbox).toHaveLength(1);
    // The same plate typed differently is the same truck.
    box = record(box, step('check_in', '11C-123.45'), new Date(T0), newId).outbox;
    expect(record(box, step('check_in', '11c 12345'), new Date(T0), newId).outcome.added).toBe(false);
    box = record(box, step('call', 'CKS-TRL-1'), new Date(T0 + 1000), newId).outbox;
    expect(box.map((e) => e.type)).toEqual(['check_in', 'check_in', 'call']);
    expect(new Set(box.map((e) => e.clientEventId)).size).toBe(3);
  });

  it('sends in the order things happened, even when the device clock jumps back', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ truck: fc.constantFrom('CKS-A', 'CKS-B', '11C-111.11'), type: fc.constantFrom<SyncEventType>('check_in', 'call', 'leave_yard', 'pass_gate', 'arrive'), jump: fc.integer({ min: -600_000, max: 600_000 }) }), { maxLength: 40 }),
        (steps) => {
          let box: OutboxEvent[] = [];
          let clock = T0;
          const recorded: OutboxEvent[] = [];
          for (const s of steps) {
            clock += s.jump;
            const r = record(box, step(s.type, s.truck), new Date(clock), newId);
            box = r.outbox;
            if (r.outcome.added) recorded.push(r.outcome.event);
          }
          const sent = nextBatch(box, 1000);
          expect(sent).toHaveLength(recorded.length);
          // Per truck, the sending order is the recording order, and times strictly increase.
          for (const truck of new Set(recorded.map((e) => truckKey(e)))) {
            const mine = sent.filter((e) => truckKey(e) === truck);
            expect(mine.map((e) => e.seq)).toEqual([...mine.map((e) => e.seq)].sort((a, b) => a - b));
            for (let i = 1; i < mine.length; i++) expect(Date.parse(mine[i].occurredAt)).toBeGreaterThan(Date.parse(mine[i - 1].occurredAt));
          }
          // Overall the batch is sorted by time.
          for (let i = 1; i < sent.length; i++) expect(Date.parse(sent[i].occurredAt)).toBeGreaterThanOrEqual(Date.parse(sent[i - 1].occurredAt));
        },
      ),
    );
  });

  it('delivers every event exactly once under lost answers and partial acknowledgements', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.array(fc.record({ batch: fc.integer({ min: 1, max: 10 }), answered: fc.boolean(), upTo: fc.nat() }), { minLength: 1, maxLength: 60 }), (n, rounds) => {
        let box: OutboxEvent[] = [];
        for (let i = 0; i < n; i++) box = record(box, step('check_in', `CKS-T${i}`), new Date(T0 + i * 1000), newId).outbox;
        const all = new Set(box.map((e) => e.clientEventId));
        const serverGot = new Map<string, number>();
        const confirmed: string[] = [];
        for (const round of [...rounds, ...Array.from({ length: n }, () => ({ batch: 10, answered: true, upTo: 10 }))]) {
          if (box.length === 0) break;
          const batch = nextBatch(box, round.batch);
          // The server stores what it receives (idempotent by id) even when its answer is lost.
          for (const e of batch) serverGot.set(e.clientEventId, (serverGot.get(e.clientEventId) ?? 0) + 1);
          if (!round.answered) {
            box = markAttempt(box, batch.map((e) => e.clientEventId), 'network');
            continue;
          }
          const answered = batch.slice(0, Math.max(1, round.upTo % (batch.length + 1)));
          // A resent event the server already had is answered already_received; either way it is done.
          const result = acknowledge(box, answered.flatMap((e) => ack([e], serverGot.get(e.clientEventId)! > 1 ? 'already_received' : 'applied')));
          box = result.outbox;
          confirmed.push(...result.synced.map((s) => s.clientEventId));
        }
        expect(box).toHaveLength(0);
        expect(new Set(confirmed)).toEqual(all);
        expect(confirmed).toHaveLength(all.size);
        expect(new Set(serverGot.keys())).toEqual(all);
      }),
    );
  });

  it('treats a conflict as received (the server keeps it for an operator) and keeps unanswered events', () => {
    let box: OutboxEvent[] = [];
    for (const t of ['CKS-1', 'CKS-2', 'CKS-3']) box = record(box, step('check_in', t), new Date(T0), newId).outbox;
    const [a, b] = nextBatch(box, 3);
    const { outbox, synced } = acknowledge(box, [...ack([a]), ...ack([b], 'conflict')]);
    expect(outbox.map((e) => e.tripReference)).toEqual(['CKS-3']);
    expect(synced.map((s) => [s.truck, s.outcome, s.conflictReason])).toEqual([['CKS-1', 'applied', null], ['CKS-2', 'conflict', 'duplicate_record']]);
  });

  it('sends the reference when known, otherwise the plate, with the device time', () => {
    const byRef = record([], step('check_in', 'CKS-1', { plate: '11C-123.45', passToken: 'CKS1.a.b', lane: 'perishable' }), new Date(T0), newId).outbox[0];
    expect(toSyncEvent(byRef)).toMatchObject({ type: 'check_in', tripReference: 'CKS-1', passToken: 'CKS1.a.b', lane: 'perishable', occurredAt: new Date(T0).toISOString() });
    expect(toSyncEvent(byRef)).not.toHaveProperty('plate');
    const byPlate = record([], step('check_in', '11C-123.45'), new Date(T0), newId).outbox[0];
    expect(toSyncEvent(byPlate)).toMatchObject({ plate: '11C-123.45' });
    expect(toSyncEvent(byPlate)).not.toHaveProperty('tripReference');
  });

  it('waits longer after each failure, within bounds', () => {
    expect(retryDelayMs(1, () => 0.5)).toBe(2000);
    expect(retryDelayMs(3, () => 0.5)).toBe(8000);
    expect(retryDelayMs(20, () => 0.5)).toBe(60_000);
    expect(retryDelayMs(20, () => 1)).toBeLessThanOrEqual(75_000);
    expect(retryDelayMs(1, () => 0)).toBeGreaterThanOrEqual(1500);
  });
});
