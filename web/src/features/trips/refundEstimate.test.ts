import { describe, expect, it } from 'vitest';
import { refundEstimate } from './refundEstimate';

const sets = [
  {
    id: 'r1', effectiveFrom: '2026-01-01', effectiveTo: null,
    cancel: [
      { minHoursBefore: 24, percent: 100, descriptionVi: '≥24h', descriptionEn: '≥24h' },
      { minHoursBefore: 0, percent: 90, descriptionVi: '<24h', descriptionEn: '<24h' },
      { minHoursBefore: null, percent: 50, descriptionVi: 'started', descriptionEn: 'started' },
    ],
  },
];
const trip = (paid: number) => ({ plannedDate: '2027-03-10', window: { from: '08:00' }, fee: { paid } });
const zone = 'Asia/Ho_Chi_Minh';

describe('refund shown before cancelling', () => {
  it('follows the tier the time before the crossing window falls in (window start in the gate zone)', () => {
    // 08:00 in Vietnam is 01:00 UTC.
    expect(refundEstimate(trip(1_000_000), zone, new Date('2027-03-09T01:00:00Z'), sets)).toMatchObject({ percent: 100, amount: 1_000_000 });
    expect(refundEstimate(trip(1_000_000), zone, new Date('2027-03-09T01:00:01Z'), sets)).toMatchObject({ percent: 90, amount: 900_000 });
    expect(refundEstimate(trip(1_000_005), zone, new Date('2027-03-10T02:00:00Z'), sets)).toMatchObject({ percent: 50, amount: 500_002 });
  });

  it('gives nothing to show when nothing was paid', () => {
    expect(refundEstimate(trip(0), zone, new Date('2027-03-01T00:00:00Z'), sets)).toBeNull();
  });

  it('reads the shipped rules file by default', () => {
    expect(refundEstimate(trip(200_000), zone, new Date('2027-03-01T00:00:00Z'))?.percent).toBe(100);
  });
});
