import crypto from 'node:crypto';
import type { Channel, RiskRule, RiskRules, Selection } from '../../../shared/schemas/clearance';
import type { TripFacts } from './facts';

// The customs channel selection, pure: facts, counters and quota state in; the channel and
// everything that decided it out. Order (as in ASYCUDA): rule criteria, then a minimum random
// rate, then quotas tied to the gate's inspection capacity. See reference/clearance/risk-rules.json.

export interface EnterpriseCounters {
  trips: number;
  cleared: number;
  refusals: number;
  discrepancies: number;
  documentRequests: number;
}

export const ZERO_COUNTERS: EnterpriseCounters = { trips: 0, cleared: 0, refusals: 0, discrepancies: 0, documentRequests: 0 };

export interface SelectionInputs {
  facts: TripFacts;
  counters: EnterpriseCounters;
  /** Whether derivation required a licence control. */
  licensedGoods: boolean;
  /** VND per unit of currency on the crossing day (reference/trips/exchange-rates.json). */
  rates: Record<string, number> | undefined;
}

export interface QuotaState {
  gateId: string;
  day: string;
  redQuota: number;
  redBefore: number;
  totalBefore: number;
}

export type SelectionOutcome = Omit<Selection, 'id' | 'tripId' | 'ruleSetVersion' | 'selectedAt' | 'current'>;

const SEVERITY: Record<Channel, number> = { green: 0, yellow: 1, red: 2 };
const LABEL: Record<Channel, { vi: string; en: string }> = { green: { vi: 'Luồng xanh', en: 'Green' }, yellow: { vi: 'Luồng vàng', en: 'Yellow' }, red: { vi: 'Luồng đỏ', en: 'Red' } };

/** First class whose limits hold; the last class is the fallback. */
export function complianceClass(classes: RiskRules['complianceClasses'], c: EnterpriseCounters): string {
  for (const k of classes) {
    if (k.minTrips !== undefined && c.trips < k.minTrips) continue;
    if (k.maxRefusals !== undefined && c.refusals > k.maxRefusals) continue;
    if (k.maxDiscrepancies !== undefined && c.discrepancies > k.maxDiscrepancies) continue;
    return k.class;
  }
  return classes[classes.length - 1].class;
}

/** HMAC-SHA256(seed, tripId) → [0, 1): reproducible, unpredictable without the seed. */
export function randomDraw(seed: string, tripId: string): number {
  const digest = crypto.createHmac('sha256', seed).update(tripId).digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

function hsRiskOf(rules: RiskRules, hs: string | null): string {
  if (!hs) return 'low';
  // The longest matching prefix wins (a heading can be riskier than its chapter or the reverse).
  const match = rules.hsRisk.filter((r) => hs.startsWith(r.prefix)).sort((a, b) => b.prefix.length - a.prefix.length)[0];
  return match?.level ?? 'low';
}

function unitValueUsd(line: TripFacts['lines'][number], unit: string, rates: Record<string, number> | undefined): number | null {
  if (line.declaredValue === null || !line.currency || !line.quantity) return null;
  const quantity = line.unit === unit ? line.quantity : unit === 'KGM' && line.unit === 'TNE' ? line.quantity * 1000 : null;
  if (!quantity) return null;
  const vnd = line.currency === 'VND' ? 1 : rates?.[line.currency];
  const usd = rates?.USD;
  if (!vnd || !usd) return null;
  return (line.declaredValue * vnd) / usd / quantity;
}

function describeInputs(rules: RiskRules, inputs: SelectionInputs): SelectionOutcome['inputs'] {
  const { facts } = inputs;
  return {
    complianceClass: complianceClass(rules.complianceClasses, inputs.counters),
    counters: { ...inputs.counters },
    hsRisk: facts.lines.map((l) => ({ lineIndex: l.index, hsCode: l.hsCode, level: hsRiskOf(rules, l.hs) })),
    valueChecks: facts.lines.map((l) => {
      const ref = l.hs ? rules.referenceValues.filter((r) => l.hs!.startsWith(r.hsPrefix)).sort((a, b) => b.hsPrefix.length - a.hsPrefix.length)[0] : undefined;
      const unitValue = ref ? unitValueUsd(l, ref.unit, inputs.rates) : null;
      const round = (n: number) => Math.round(n * 10_000) / 10_000;
      return { lineIndex: l.index, unitValueUsd: unitValue === null ? null : round(unitValue), referenceUsd: ref?.usdPerUnit ?? null, ratio: unitValue === null || !ref ? null : round(unitValue / ref.usdPerUnit) };
    }),
    origins: [...new Set(facts.lines.map((l) => l.origin).filter((o): o is string => !!o))],
    licensedGoods: inputs.licensedGoods,
    direction: facts.direction,
    perishable: facts.lines.some((l) => l.perishable),
  };
}

function ruleHolds(rule: RiskRule, i: SelectionOutcome['inputs']): boolean {
  const w = rule.when;
  if (w.complianceClass && !w.complianceClass.includes(i.complianceClass)) return false;
  if (w.hsRisk && !i.hsRisk.some((h) => (w.hsRisk as string[]).includes(h.level))) return false;
  if (w.declaredValueBelowReference !== undefined && !i.valueChecks.some((v) => v.ratio !== null && v.ratio < w.declaredValueBelowReference!)) return false;
  if (w.originIn && !i.origins.some((o) => w.originIn!.includes(o))) return false;
  if (w.licensedGoods !== undefined && i.licensedGoods !== w.licensedGoods) return false;
  if (w.minPreviousRefusals !== undefined && i.counters.refusals < w.minPreviousRefusals) return false;
  if (w.minPreviousDiscrepancies !== undefined && i.counters.discrepancies < w.minPreviousDiscrepancies) return false;
  if (w.directions && (i.direction === null || !(w.directions as string[]).includes(i.direction))) return false;
  if (w.perishable !== undefined && i.perishable !== w.perishable) return false;
  return true;
}

export function selectChannel(rules: RiskRules, inputs: SelectionInputs, quota: QuotaState): SelectionOutcome {
  const described = describeInputs(rules, inputs);
  const fired = rules.rules.filter((r) => ruleHolds(r, described)).map((r) => ({ id: r.id, channel: r.channel, description: r.description, mandatory: r.mandatory ?? false }));
  const criteriaChannel = fired.reduce<Channel>((c, r) => (SEVERITY[r.channel] > SEVERITY[c] ? r.channel : c), 'green');
  // The first rule (in rule order) that gives the strictest channel is the one that fired.
  const deciding = fired.find((r) => r.channel === criteriaChannel) ?? null;
  const mandatory = fired.some((r) => r.channel === 'red' && r.mandatory);
  let channel = criteriaChannel;
  let stage: SelectionOutcome['stage'] = deciding ? 'criteria' : 'default';
  let firedRule = deciding;
  const why: Array<{ vi: string; en: string }> = deciding
    ? [{ vi: `quy tắc ${deciding.id} (${deciding.description.vi})`, en: `rule ${deciding.id} (${deciding.description.en})` }]
    : [{ vi: 'không quy tắc nào áp dụng', en: 'no rule applied' }];

  const draw = randomDraw(rules.seed, inputs.facts.tripId);
  let randomOutcome: Channel | null = null;
  if (channel !== 'red' && draw < rules.random.red) randomOutcome = 'red';
  else if (channel === 'green' && draw < rules.random.red + rules.random.yellow) randomOutcome = 'yellow';
  if (randomOutcome) {
    channel = randomOutcome;
    stage = 'random';
    firedRule = { id: `random:${randomOutcome}`, channel: randomOutcome, description: { vi: 'Chọn ngẫu nhiên theo tỉ lệ tối thiểu', en: 'Random selection at the minimum rate' }, mandatory: false };
    const rate = randomOutcome === 'red' ? rules.random.red : rules.random.red + rules.random.yellow;
    why.push({ vi: `chọn ngẫu nhiên (rút ${draw.toFixed(4)} < ${rate})`, en: `random selection (draw ${draw.toFixed(4)} < ${rate})` });
  }

  let action: SelectionOutcome['quota']['action'] = 'none';
  const used = `${quota.redBefore}/${quota.redQuota}`;
  if (channel === 'red' && !mandatory && quota.redBefore >= quota.redQuota) {
    channel = 'yellow';
    action = 'downgraded';
    stage = 'quota';
    firedRule = { id: 'quota:downgrade', channel: 'yellow', description: { vi: 'Hết năng lực kiểm tra thực tế trong ngày: hạ xuống luồng vàng', en: 'Inspection capacity of the day used up: downgraded to yellow' }, mandatory: false };
    why.push({ vi: `hạ xuống luồng vàng vì đã dùng hết năng lực kiểm tra thực tế ngày ${quota.day} (${used})`, en: `downgraded to yellow: inspection capacity of ${quota.day} used up (${used})` });
  } else if (channel === 'yellow' && rules.quota.minRedShare > 0 && quota.redBefore < quota.redQuota && quota.redBefore / (quota.totalBefore + 1) < rules.quota.minRedShare) {
    channel = 'red';
    action = 'upgraded';
    stage = 'quota';
    firedRule = { id: 'quota:minimum-red', channel: 'red', description: { vi: 'Giữ tỉ lệ luồng đỏ tối thiểu trong ngày', en: 'Keeping the minimum red share of the day' }, mandatory: false };
    why.push({ vi: `nâng lên luồng đỏ để giữ tỉ lệ tối thiểu ${rules.quota.minRedShare} (${quota.redBefore}/${quota.totalBefore} trước đó)`, en: `upgraded to red to keep the minimum share ${rules.quota.minRedShare} (${quota.redBefore}/${quota.totalBefore} before)` });
  }

  return {
    channel,
    stage,
    criteriaChannel,
    firedRule,
    firedRules: fired,
    inputs: described,
    random: { draw, red: rules.random.red, yellow: rules.random.yellow, outcome: randomOutcome },
    quota: { ...quota, minRedShare: rules.quota.minRedShare, action },
    explanation: { vi: `${LABEL[channel].vi}: ${why.map((w) => w.vi).join('; ')}.`, en: `${LABEL[channel].en}: ${why.map((w) => w.en).join('; ')}.` },
  };
}
