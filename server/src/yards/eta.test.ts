import { describe, expect, it } from 'vitest';
import { estimateWait } from './eta';

// The estimate comes from measured intervals between call-forwards, says how sure it is by the
// number of measurements, and falls back to the capacity (saying so) when there are too few.

const base = { windowHours: 3, perHour: 12, minSamplesMedium: 6, minSamplesHigh: 20 };
const callsEvery = (minutes: number[], start = Date.UTC(2027, 2, 3, 1)) => {
  let t = start;
  return [new Date(t), ...minutes.map((m) => new Date((t += m * 60_000)))];
};

describe('estimateWait', () => {
  it('falls back to the capacity with low confidence when too few calls were measured', () => {
    const eta = estimateWait({ ...base, aheadCount: 5, callTimes: callsEvery([5, 5]) });
    // 6 calls needed at 12 an hour: 30 minutes, 15–60.
    expect(eta).toMatchObject({ basis: 'capacity', confidence: 'low', reason: 'too_little_data', minutes: 30, low: 15, high: 60, sampleSize: 2, callsPerHour: 12 });
  });

  it('gives no estimate at all when nothing was measured and there is no capacity', () => {
    expect(estimateWait({ ...base, perHour: 0, aheadCount: 3, callTimes: [] })).toMatchObject({ basis: 'none', confidence: 'none', minutes: null, low: null, high: null });
  });

  it('uses the measured pace with a range that widens with the spread and the number of trucks ahead', () => {
    const steady = estimateWait({ ...base, aheadCount: 3, callTimes: callsEvery(Array(8).fill(10)) });
    expect(steady).toMatchObject({ basis: 'measured', confidence: 'medium', reason: 'ok', minutes: 40, low: 40, high: 40, sampleSize: 8, callsPerHour: 6 });
    const uneven = estimateWait({ ...base, aheadCount: 3, callTimes: callsEvery([5, 15, 5, 15, 5, 15, 5, 15]) });
    expect(uneven.minutes).toBe(40);
    expect(uneven.low).toBeLessThan(40);
    expect(uneven.high).toBeGreaterThan(40);
    const further = estimateWait({ ...base, aheadCount: 15, callTimes: callsEvery([5, 15, 5, 15, 5, 15, 5, 15]) });
    expect(further.high! - further.minutes!).toBeGreaterThan(uneven.high! - uneven.minutes!);
  });

  it('is highly confident only with many measurements, and never faster than the capacity allows', () => {
    const many = estimateWait({ ...base, aheadCount: 0, callTimes: callsEvery(Array(25).fill(2)) });
    // Measured every 2 minutes, but at most 12 an hour may be called: 5 minutes for the next one.
    expect(many).toMatchObject({ confidence: 'high', sampleSize: 25, minutes: 5 });
  });
});
