import { describe, expect, it } from 'vitest';
import type { QueueEntry, QueueResponse, YardLane } from '../../../../shared/schemas/yards';
import type { LocalTruck, LocalView } from './offline/localView';
import { queueRows } from './rows';

// The operator's queue rows: the server's queue when online, with this device's unsynchronised
// steps marked (and their buttons held back until they reach the server); the device's own view offline.

const lanes: YardLane[] = [{ code: 'standard', priority: 9, nameVi: 'Hàng thông thường', nameEn: 'Other goods', nameZh: null, match: {} }];

function entry(reference: string, position: number | null, visitStatus: 'queued' | 'called'): QueueEntry {
  return {
    position, tripId: `00000000-0000-4000-8000-${reference.padStart(12, '0')}`, reference, enterpriseId: '00000000-0000-4000-8000-000000000099', enterpriseName: 'DN', plate: `11C-${reference}`,
    trailerPlate: null, yardId: 'tra-linh-a', direction: 'export', lane: 'standard', lanePriority: 9, band: 'due', visitStatus, tripStatus: visitStatus === 'called' ? 'called' : 'checked_in',
    clearanceStatus: 'cleared', source: 'qr', arrivedAt: '2027-03-03T01:00:00.000Z', waitingMinutes: 10, windowStart: null, windowEnd: null, calledAt: null, callDeadline: null,
    dropBacks: 0, held: false, eligible: true, nextActions: visitStatus === 'called' ? ['leave_yard'] : ['check_out'],
  };
}
function local(reference: string, status: LocalTruck['status'], pending: LocalTruck['pending']): LocalTruck {
  return { key: `ref:${reference}`, tripId: null, reference, plate: `11C-${reference}`, direction: 'export', lane: 'standard', status, clearanceStatus: 'cleared', position: null, arrivedAt: null, calledAt: null, enterpriseName: null, pending, doubtful: false };
}

const queue = { direction: 'export', yards: [], called: [entry('1', null, 'called')], queued: [entry('2', 1, 'queued'), entry('3', 2, 'queued')] } as unknown as QueueResponse;

describe('queue rows', () => {
  it('online: the server’s order, with this device’s pending steps marked and their buttons held back', () => {
    const view: LocalView = { inYard: [local('2', 'checked_in', ['check_out']), local('9', 'checked_in', ['check_in'])], atGate: [], expected: [] };
    const rows = queueRows('export', true, queue, view, lanes, 'vi', 'tra-linh-a');
    expect(rows.map((r) => [r.reference, r.called, r.position, r.pending, r.actions])).toEqual([
      ['1', true, null, [], ['leave_yard']],
      ['2', false, 1, ['check_out'], []],
      ['3', false, 2, [], ['check_out']],
      ['9', false, null, ['check_in'], []],
    ]);
    expect(rows[0].laneName).toBe('Hàng thông thường');
    expect(rows.map((r) => r.otherYard)).toEqual([null, null, null, null]);
    expect(queueRows('export', true, queue, view, lanes, 'vi', 'tra-linh-b')[0].otherYard).toBe('tra-linh-a');
  });

  it('offline, or when the queue shown is another direction’s: the device’s own view with the steps it may record', () => {
    const view: LocalView = { inYard: [local('4', 'checked_in', ['check_in']), { ...local('5', 'called', []), direction: 'import' }], atGate: [], expected: [] };
    expect(queueRows('export', false, queue, view, lanes, 'en').map((r) => [r.reference, r.actions])).toEqual([['4', ['call', 'check_out']]]);
    expect(queueRows('import', true, queue, view, lanes, 'en').map((r) => [r.reference, r.called, r.actions])).toEqual([['5', true, ['leave_yard']]]);
  });
});
