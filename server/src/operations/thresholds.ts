import { readDataset } from '../db/reference-data';

// The congestion thresholds, kept as data (reference/operations/congestion-levels.json).

export const LEVELS = ['green', 'yellow', 'orange', 'red'] as const;
export type Level = (typeof LEVELS)[number];
type Raised = Exclude<Level, 'green'>;

export interface CongestionThresholds {
  version: string;
  gate: {
    queueToDailyCapacity: Record<Raised, number>;
    expectedWaitMinutes: Record<Raised, number>;
    noCapacityWithTrucksWaiting: Level;
  };
  national: { fromVehicles: Record<Raised, number> };
  throughput: { windowHours: number; minSample: number };
  longWaitMinutes: number;
  warnings: {
    raiseAtLevel: Level;
    raiseAtExpectedWaitMinutes: number;
    clearAtOrBelowLevel: Level;
    clearBelowExpectedWaitMinutes: number;
    bookedDays: number;
  };
}

let cached: CongestionThresholds | undefined;

export function congestionThresholds(): CongestionThresholds {
  if (cached) return cached;
  const dataset = readDataset<Omit<CongestionThresholds, 'version'>>('operations/congestion-levels.json');
  const data = { ...dataset.data, version: dataset.version };
  validate(data);
  cached = data;
  return data;
}

/** A wrong file stops the start-up instead of silently showing green everywhere. */
export function validate(t: CongestionThresholds): void {
  const ascending = (name: string, bands: Record<Raised, number>) => {
    if (!(bands.yellow > 0 && bands.yellow <= bands.orange && bands.orange <= bands.red)) {
      throw new Error(`congestion-levels.json: ${name} must rise from yellow to orange to red`);
    }
  };
  ascending('gate.queueToDailyCapacity', t.gate.queueToDailyCapacity);
  ascending('gate.expectedWaitMinutes', t.gate.expectedWaitMinutes);
  ascending('national.fromVehicles', t.national.fromVehicles);
  for (const l of [t.gate.noCapacityWithTrucksWaiting, t.warnings.raiseAtLevel, t.warnings.clearAtOrBelowLevel]) {
    if (!LEVELS.includes(l)) throw new Error(`congestion-levels.json: unknown level ${l}`);
  }
  if (rank(t.warnings.clearAtOrBelowLevel) >= rank(t.warnings.raiseAtLevel)) {
    throw new Error('congestion-levels.json: warnings clear below the level they are raised at');
  }
  if (t.warnings.clearBelowExpectedWaitMinutes > t.warnings.raiseAtExpectedWaitMinutes) {
    throw new Error('congestion-levels.json: warnings clear at a shorter wait than they are raised at');
  }
}

export function rank(level: Level): number {
  return LEVELS.indexOf(level);
}

export function maxLevel(...levels: Level[]): Level {
  return levels.reduce<Level>((a, b) => (rank(b) > rank(a) ? b : a), 'green');
}

/** The level of a measure against rising bands (a value at a band's threshold is in that band). */
export function bandLevel(value: number, bands: Record<Raised, number>): Level {
  if (value >= bands.red) return 'red';
  if (value >= bands.orange) return 'orange';
  if (value >= bands.yellow) return 'yellow';
  return 'green';
}

export interface DirectionFigures {
  /** Trucks in the yards (checked in or called, not yet left). */
  waiting: number;
  /** Of which still queued (not yet called): the queue ahead of a truck arriving now. */
  queued: number;
  /** Day capacity agreed for the direction (0 on a closed day or a gate without capacity). */
  perDay: number;
  /** Trucks per hour the queue drains at (measured, or the hourly capacity as fallback); null when unknown. */
  throughputPerHour: number | null;
}

export interface DirectionLevel {
  level: Level;
  reason: 'none' | 'queue' | 'wait' | 'no_capacity';
  ratio: number | null;
  expectedWaitMinutes: number | null;
}

/** Level of one crossing direction: the higher of the queue/capacity level and the expected-wait level. */
export function directionLevel(f: DirectionFigures, t: CongestionThresholds): DirectionLevel {
  const expectedWaitMinutes = f.throughputPerHour && f.throughputPerHour > 0 ? Math.round((f.queued / f.throughputPerHour) * 60) : f.queued === 0 ? 0 : null;
  if (f.perDay <= 0) {
    if (f.waiting === 0) return { level: 'green', reason: 'none', ratio: null, expectedWaitMinutes };
    return { level: t.gate.noCapacityWithTrucksWaiting, reason: 'no_capacity', ratio: null, expectedWaitMinutes };
  }
  const ratio = f.waiting / f.perDay;
  const byQueue = bandLevel(ratio, t.gate.queueToDailyCapacity);
  const byWait = expectedWaitMinutes === null ? 'green' : bandLevel(expectedWaitMinutes, t.gate.expectedWaitMinutes);
  const level = maxLevel(byQueue, byWait);
  const reason = level === 'green' ? 'none' : rank(byWait) > rank(byQueue) ? 'wait' : 'queue';
  return { level, reason, ratio: Math.round(ratio * 1000) / 1000, expectedWaitMinutes };
}

/** The national single window's absolute level for a number of vehicles waiting. */
export function nationalLevel(waiting: number, t: CongestionThresholds): Level {
  return bandLevel(waiting, t.national.fromVehicles);
}
