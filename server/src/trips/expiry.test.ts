import { describe, expect, it } from 'vitest';
import { computeExpiry } from './expiry';

// Defaults: TRIP_UNPAID_TTL_HOURS 72, TRIP_PASS_UNUSED_GRACE_HOURS 24.
const created = new Date('2027-03-01T01:00:00Z');
const base = { created_at: created, submitted_at: null, planned_date: null, window_to: null };
const zone = 'Asia/Ho_Chi_Minh';

describe('when a trip expires', () => {
  it('a draft 72 hours after it was created', () => {
    expect(computeExpiry({ ...base, status: 'draft' }, zone)?.toISOString()).toBe('2027-03-04T01:00:00.000Z');
  });
  it('an unpaid declaration 72 hours after submission, or when its window ends if that is sooner', () => {
    const submitted = { ...base, status: 'submitted', submitted_at: new Date('2027-03-02T01:00:00Z') };
    expect(computeExpiry({ ...submitted, planned_date: '2027-03-20', window_to: '11:00:00' }, zone)?.toISOString()).toBe('2027-03-05T01:00:00.000Z');
    expect(computeExpiry({ ...submitted, planned_date: '2027-03-03', window_to: '11:00:00' }, zone)?.toISOString()).toBe('2027-03-03T04:00:00.000Z');
  });
  it('a paid trip 24 hours after its window ends (in the gate\'s time zone)', () => {
    expect(computeExpiry({ ...base, status: 'paid', planned_date: '2027-03-03', window_to: '11:00' }, zone)?.toISOString()).toBe('2027-03-04T04:00:00.000Z');
  });
  it('never for a trip that has ended', () => {
    expect(computeExpiry({ ...base, status: 'cancelled' }, zone)).toBeNull();
    expect(computeExpiry({ ...base, status: 'expired' }, zone)).toBeNull();
  });
});
