import { describe, expect, it } from 'vitest';
import { controlState, type ControlStatus, type DocumentRequest, type EnterpriseControl } from '../../../../shared/schemas/clearance';
import { groupControls, nextStep, openRequests } from './controlGroups';

const request = (answeredAt: string | null): DocumentRequest => ({
  id: `r-${answeredAt ?? 'open'}`, controlId: 'c', agency: 'customs', items: [{ kind: 'commercial_invoice', description: 'Hóa đơn' }], message: 'Bổ sung',
  requestedAt: '2027-03-01T01:00:00Z', requestedByLabel: 'haiquan.tralinh', answeredAt, answer: null,
});

function control(agency: EnterpriseControl['agency'], kind: EnterpriseControl['kind'], status: ControlStatus, extra: Partial<EnterpriseControl> = {}): EnterpriseControl {
  return { id: `${kind}-${status}`, agency, kind, status, state: controlState(status), channel: null, decidedAt: null, outcome: null, refusal: null, requests: [], inspection: null, flags: [], ...extra };
}

describe('the enterprise view of its controls', () => {
  it('puts what blocks first, then what is with an agency, then what is done, and hides empty groups', () => {
    const groups = groupControls([
      control('plant_quarantine', 'plant_quarantine', 'passed'),
      control('customs', 'customs', 'pending'),
      control('border_guard', 'border_control', 'waived'),
      control('customs', 'customs', 'documents_requested'),
    ]);
    expect(groups.map((g) => [g.state, g.controls.map((c) => c.id)])).toEqual([
      ['blocking', ['customs-documents_requested']],
      ['pending', ['customs-pending']],
      ['done', ['border_control-waived', 'plant_quarantine-passed']],
    ]);
  });

  it('orders agencies the same way every time, whatever order the server sent', () => {
    const a = [control('health_quarantine', 'health_quarantine', 'pending'), control('customs', 'customs', 'pending'), control('plant_quarantine', 'food_safety', 'pending'), control('plant_quarantine', 'plant_quarantine', 'pending')];
    const order = (cs: EnterpriseControl[]) => groupControls(cs)[0].controls.map((c) => c.kind);
    expect(order(a)).toEqual(['customs', 'food_safety', 'plant_quarantine', 'health_quarantine']);
    expect(order([...a].reverse())).toEqual(order(a));
  });

  it('counts every control exactly once', () => {
    const all = (['pending', 'documents_requested', 'inspection', 'passed', 'refused', 'waived', 'closed'] as const).map((s) => control('customs', 'customs', s));
    expect(groupControls(all).flatMap((g) => g.controls)).toHaveLength(all.length);
  });

  it('says what the enterprise must do next', () => {
    expect(nextStep(control('customs', 'customs', 'documents_requested', { requests: [request('2027-03-01T00:00:00Z'), request(null)] }))).toBe('answer');
    // An answered request waits for the officer, not for the enterprise.
    expect(nextStep(control('customs', 'customs', 'pending', { requests: [request('2027-03-01T00:00:00Z')] }))).toBeNull();
    const inspection = { id: 'i', controlId: 'c', agency: 'customs' as const, bayId: 'b', bayName: { vi: 'b', en: 'b', zh: 'b' }, place: { vi: 'p', en: 'p', zh: 'p' }, slotStart: '2027-03-03T01:00:00Z', slotEnd: '2027-03-03T01:30:00Z', status: 'scheduled' as const, resultAt: null, resultNote: null };
    expect(nextStep(control('customs', 'customs', 'inspection', { inspection }))).toBe('present_truck');
    expect(nextStep(control('customs', 'customs', 'refused'))).toBe('see_refusal');
    expect(nextStep(control('customs', 'customs', 'passed'))).toBeNull();
  });

  it('lists the requests still open only while documents are requested', () => {
    expect(openRequests(control('customs', 'customs', 'documents_requested', { requests: [request(null)] }))).toHaveLength(1);
    expect(openRequests(control('customs', 'customs', 'inspection', { requests: [request(null)] }))).toHaveLength(0);
  });
});
