import { describe, expect, it } from 'vitest';
import { bandLevel, congestionThresholds, directionLevel, maxLevel, nationalLevel, validate, type CongestionThresholds } from './thresholds';

// Levels come from the thresholds file; these tests read the same file, so changing a figure
// there changes what is expected here, never the code.

const t = congestionThresholds();
const g = t.gate;

describe('congestion thresholds', () => {
  it('puts a value at a threshold in that band, just under it in the band below', () => {
    const bands = g.queueToDailyCapacity;
    expect(bandLevel(0, bands)).toBe('green');
    expect(bandLevel(bands.yellow - 0.001, bands)).toBe('green');
    expect(bandLevel(bands.yellow, bands)).toBe('yellow');
    expect(bandLevel(bands.orange, bands)).toBe('orange');
    expect(bandLevel(bands.red, bands)).toBe('red');
    expect(bandLevel(bands.red * 10, bands)).toBe('red');
  });

  it('uses the national single window’s absolute levels: green < 500, yellow 500–1,000, orange 1,000–5,000, red > 5,000', () => {
    expect(nationalLevel(499, t)).toBe('green');
    expect(nationalLevel(500, t)).toBe('yellow');
    expect(nationalLevel(999, t)).toBe('yellow');
    expect(nationalLevel(1000, t)).toBe('orange');
    expect(nationalLevel(5000, t)).toBe('orange');
    expect(nationalLevel(5001, t)).toBe('red');
  });

  it('takes the worse of the queue against capacity and the expected wait', () => {
    const perDay = 200;
    // Queue at the orange ratio, draining fast: orange by the queue.
    const byQueue = directionLevel({ waiting: perDay * g.queueToDailyCapacity.orange, queued: perDay * g.queueToDailyCapacity.orange, perDay, throughputPerHour: 1000 }, t);
    expect(byQueue).toMatchObject({ level: 'orange', reason: 'queue' });
    // Short queue draining so slowly that the wait reaches red.
    const perHour = 1;
    const queued = Math.ceil(g.expectedWaitMinutes.red / 60) * perHour;
    const byWait = directionLevel({ waiting: queued, queued, perDay: 100_000, throughputPerHour: perHour }, t);
    expect(byWait).toMatchObject({ level: 'red', reason: 'wait', expectedWaitMinutes: queued * 60 });
    expect(maxLevel('yellow', 'red', 'green')).toBe('red');
  });

  it('computes the expected wait as queue ahead ÷ throughput, unknown without throughput', () => {
    expect(directionLevel({ waiting: 12, queued: 10, perDay: 100, throughputPerHour: 20 }, t).expectedWaitMinutes).toBe(30);
    expect(directionLevel({ waiting: 3, queued: 3, perDay: 100, throughputPerHour: null }, t).expectedWaitMinutes).toBeNull();
    expect(directionLevel({ waiting: 0, queued: 0, perDay: 100, throughputPerHour: null }, t).expectedWaitMinutes).toBe(0);
  });

  it('gives the data’s level to trucks waiting at a gate without capacity (closed day), green when empty', () => {
    expect(directionLevel({ waiting: 1, queued: 1, perDay: 0, throughputPerHour: null }, t)).toMatchObject({ level: g.noCapacityWithTrucksWaiting, reason: 'no_capacity' });
    expect(directionLevel({ waiting: 0, queued: 0, perDay: 0, throughputPerHour: null }, t).level).toBe('green');
  });

  it('refuses a thresholds file whose bands do not rise or whose warnings would flap', () => {
    const broken = (patch: (c: CongestionThresholds) => void) => {
      const copy = structuredClone(t);
      patch(copy);
      return () => validate(copy);
    };
    expect(broken(() => {})).not.toThrow();
    expect(broken((c) => (c.gate.queueToDailyCapacity.orange = c.gate.queueToDailyCapacity.red + 1))).toThrow(/rise/);
    expect(broken((c) => (c.warnings.clearAtOrBelowLevel = c.warnings.raiseAtLevel))).toThrow(/clear below/);
    expect(broken((c) => (c.warnings.clearBelowExpectedWaitMinutes = c.warnings.raiseAtExpectedWaitMinutes + 1))).toThrow(/shorter wait/);
  });
});
