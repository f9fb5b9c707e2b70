import refundRules from '../../../../reference/payments/refund-rules.json';
import { instantAt, todayIn } from '../../../../server/src/trips/time';

// What cancelling now gives back, from the refund rules in force (reference/payments/
// refund-rules.json, the file the server applies): shown before the user confirms. The server
// decides the actual refund when it cancels; the timeline then shows what it gave.

interface Tier { minHoursBefore: number | null; percent: number; descriptionVi: string; descriptionEn: string }
interface RuleSet { id: string; effectiveFrom: string; effectiveTo: string | null; cancel: Tier[] }

export interface RefundEstimate {
  percent: number;
  amount: number;
  ruleSet: string;
  description: { vi: string; en: string };
}

export function refundEstimate(
  trip: { plannedDate: string | null; window: { from: string } | null; fee: { paid: number } },
  timeZone: string,
  now: Date,
  sets: readonly RuleSet[] = refundRules.ruleSets as RuleSet[],
): RefundEstimate | null {
  if (trip.fee.paid <= 0) return null;
  const today = todayIn(now);
  const set = sets
    .filter((s) => s.effectiveFrom <= today && (s.effectiveTo === null || today < s.effectiveTo))
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
  if (!set) return null;
  const start = trip.plannedDate && trip.window ? instantAt(trip.plannedDate, trip.window.from, timeZone) : null;
  const hoursBefore = start ? (start.getTime() - now.getTime()) / 3_600_000 : Infinity;
  const tier = set.cancel.find((t) => t.minHoursBefore === null || hoursBefore >= t.minHoursBefore);
  if (!tier) return null;
  return {
    percent: tier.percent,
    amount: Math.floor((trip.fee.paid * tier.percent) / 100),
    ruleSet: set.id,
    description: { vi: tier.descriptionVi, en: tier.descriptionEn },
  };
}
