import { describe, expect, it } from 'vitest';
import type { ExpectedTruck, QueueEntry, YardSnapshot } from '../../../../../shared/schemas/yards';
import { findTruck, localView, offlineSteps } from './localView';
import { record, type NewOutboxEvent, type OutboxEvent } from './outbox';

// The yard as this device sees it offline: the last snapshot plus the steps still in the outbox.

const T0 = Date.parse('2027-03-03T01:00:00Z');
let n = 0;
const id = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

function expected(reference: string, plate: string, direction: 'export' | 'import', tripStatus: ExpectedTruck['tripStatus'], clearanceStatus: ExpectedTruck['clearanceStatus'] = 'cleared'): ExpectedTruck {
  return { tripId: id(), reference, plate, trailerPlate: null, direction, tripStatus, clearanceStatus, plannedDate: '2027-03-03', window: { from: '08:00', to: '10:00' }, passSerial: 1, passStatus: 'valid', passValidUntil: null, enterpriseName: 'DN', driverName: 'Lái xe', lane: 'standard' };
}
function queued(e: ExpectedTruck, position: number): QueueEntry {
  return { position, tripId: e.tripId, reference: e.reference, enterpriseId: id(), enterpriseName: 'DN', plate: e.plate, trailerPlate: null, yardId: 'y', direction: e.direction, lane: 'standard', lanePriority: 9, band: 'due', visitStatus: 'queued', tripStatus: 'checked_in', clearanceStatus: e.clearanceStatus, source: 'qr', arrivedAt: new Date(T0 - 3600_000).toISOString(), waitingMinutes: 60, windowStart: null, windowEnd: null, calledAt: null, callDeadline: null, dropBacks: 0, held: false, eligible: true, nextActions: ['check_out'] };
}
const a = expected('CKS-A', '11C-111.11', 'export', 'paid');
const b = expected('CKS-B', '11C-222.22', 'export', 'checked_in', 'pending');
const c = expected('CKS-C', '11C-333.33', 'import', 'paid');
const snapshot = { yard: { directions: ['export', 'import'] }, expected: [a, b, c], queue: [queued(b, 1)] } as unknown as YardSnapshot;

function ev(type: NewOutboxEvent['type'], ref: string | null, plate: string | null = null): NewOutboxEvent {
  return { deviceId: 'd', gateId: 'tra-linh', yardId: 'y', type, tripId: null, tripReference: ref, plate, passToken: null, lane: null, reason: null, via: 'typed' };
}
function box(...events: NewOutboxEvent[]): OutboxEvent[] {
  let out: OutboxEvent[] = [];
  events.forEach((e, i) => (out = record(out, e, new Date(T0 + i * 1000), id).outbox));
  return out;
}

describe('local view of the yard', () => {
  it('shows trucks checked in offline in the yard, marked unsynchronised, after the server queue', () => {
    const view = localView(snapshot, box(ev('check_in', 'CKS-A')));
    expect(view.inYard.map((t) => [t.reference, t.status, t.pending])).toEqual([['CKS-B', 'checked_in', []], ['CKS-A', 'checked_in', ['check_in']]]);
    expect(view.expected.map((t) => t.reference)).toEqual(['CKS-C']);
  });

  it('follows each direction’s path: an export leaves and crosses, an import passes the gate then checks in', () => {
    const view = localView(snapshot, box(ev('check_in', 'CKS-A'), ev('call', 'CKS-A'), ev('leave_yard', 'CKS-A'), ev('pass_gate', 'CKS-C')));
    expect(view.atGate.map((t) => [t.reference, t.status])).toEqual([['CKS-A', 'left_yard']]);
    expect(view.expected.find((t) => t.reference === 'CKS-C')).toMatchObject({ status: 'crossed' });
    const later = localView(snapshot, box(ev('pass_gate', 'CKS-C'), ev('check_in', 'CKS-C')));
    expect(later.inYard.map((t) => t.reference)).toContain('CKS-C');
  });

  it('marks a step that does not fit as doubtful instead of inventing a status', () => {
    const view = localView(snapshot, box(ev('pass_gate', 'CKS-B')));
    expect(view.inYard.find((t) => t.reference === 'CKS-B')).toMatchObject({ status: 'checked_in', doubtful: true, pending: ['pass_gate'] });
  });

  it('finds a truck by reference or by plate however it is typed, and keeps unknown plates for the server to decide', () => {
    const view = localView(snapshot, box(ev('check_in', null, '29H 000 01')));
    expect(findTruck(view.expected, 'cks-c')?.reference).toBe('CKS-C');
    expect(findTruck(view.expected, '11c 33333')?.reference).toBe('CKS-C');
    expect(view.inYard.find((t) => t.plate === '29H 000 01')).toMatchObject({ doubtful: true, reference: null });
  });

  it('offers offline calls only for cleared trucks', () => {
    const view = localView(snapshot, box(ev('check_in', 'CKS-A')));
    expect(offlineSteps(view.inYard.find((t) => t.reference === 'CKS-A')!)).toEqual(['call', 'check_out']);
    expect(offlineSteps(view.inYard.find((t) => t.reference === 'CKS-B')!)).toEqual(['check_out']);
  });
});
