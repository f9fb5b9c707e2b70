import type { Eta } from '../../../shared/schemas/yards';

// The estimate a driver sees, from measured call-forwards only (never guessed): the intervals
// between the gate's recent calls in this direction give a mean μ and spread σ; the truck needs
// n = ahead + 1 more calls, so the wait is about n·μ with an 80% range n·μ ± 1.28·σ·√n (sum of n
// independent intervals), and never faster than the hourly capacity allows. Confidence follows the
// number of measured intervals; with too few, the estimate falls back to the capacity and says so.

export interface EtaInput {
  aheadCount: number;
  /** Call-forward instants in the measuring window, any order. */
  callTimes: Date[];
  windowHours: number;
  perHour: number;
  minSamplesMedium: number;
  minSamplesHigh: number;
}

const Z80 = 1.2816;

export function estimateWait(input: EtaInput): Eta {
  const base = { aheadCount: input.aheadCount, windowHours: input.windowHours };
  const times = input.callTimes.map((t) => t.getTime()).sort((a, b) => a - b);
  const intervals = times.slice(1).map((t, i) => (t - times[i]) / 60_000);
  const n = input.aheadCount + 1;
  const capacityMinutes = input.perHour > 0 ? (n / input.perHour) * 60 : null;
  if (intervals.length < input.minSamplesMedium) {
    if (capacityMinutes === null) {
      return { ...base, minutes: null, low: null, high: null, confidence: 'none', basis: 'none', reason: 'too_little_data', sampleSize: intervals.length, callsPerHour: null };
    }
    return {
      ...base,
      minutes: Math.round(capacityMinutes),
      low: Math.round(capacityMinutes * 0.5),
      high: Math.round(capacityMinutes * 2),
      confidence: 'low',
      basis: 'capacity',
      reason: 'too_little_data',
      sampleSize: intervals.length,
      callsPerHour: input.perHour,
    };
  }
  const mean = intervals.reduce((s, x) => s + x, 0) / intervals.length;
  const variance = intervals.reduce((s, x) => s + (x - mean) ** 2, 0) / Math.max(1, intervals.length - 1);
  const spread = Z80 * Math.sqrt(variance) * Math.sqrt(n);
  let minutes = n * mean;
  if (capacityMinutes !== null) minutes = Math.max(minutes, capacityMinutes);
  return {
    ...base,
    minutes: Math.round(minutes),
    low: Math.max(0, Math.round(minutes - spread)),
    high: Math.round(minutes + spread),
    confidence: intervals.length >= input.minSamplesHigh ? 'high' : 'medium',
    basis: 'measured',
    reason: 'ok',
    sampleSize: intervals.length,
    callsPerHour: mean > 0 ? Math.round((60 / mean) * 10) / 10 : null,
  };
}

/** One confidence step down (e.g. while the truck still waits for clearance). */
export function lowerConfidence(eta: Eta): Eta['confidence'] {
  return eta.confidence === 'high' ? 'medium' : eta.confidence === 'medium' ? 'low' : eta.confidence;
}
