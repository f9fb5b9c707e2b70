import { readDataset } from '../db/reference-data';

// Versioned reference data of the capacity capability (reference/capacity). Loaded once per
// process; a malformed file stops the first request that needs it.

export interface BookingRules {
  alternatives: { daysAhead: number; sameDay: number; perFollowingDay: number; max: number };
  noShow: { repeatedMinCount: number; periodsDays: number[] };
  overview: { defaultDays: number; maxDays: number };
}

export interface HourlyProfileSeed {
  gateId: string;
  directions: Array<'export' | 'import'>;
  /** Local hour → share of the gate's average hourly rate. */
  factors: Record<string, number>;
}

let rules: BookingRules | undefined;
export function bookingRules(): BookingRules {
  return (rules ??= readDataset<BookingRules>('capacity/booking-rules.json').data);
}

export function hourlyProfileSeeds() {
  return readDataset<{ profiles: HourlyProfileSeed[] }>('capacity/hourly-profiles.json');
}
