import crypto from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { RiskRules } from '../../../shared/schemas/clearance';
import type { LineFact, TripFacts } from './facts';
import { complianceClass, randomDraw, selectChannel, ZERO_COUNTERS, type EnterpriseCounters, type QuotaState } from './risk-engine';
import { riskRulesDataset } from './reference';

// Channel selection: each criterion fires and is recorded, the random stage is reproducible and
// keeps its rate, quotas downgrade and upgrade by the gate's inspection capacity.

const shipped = riskRulesDataset().data.rules;
const quiet: RiskRules = { ...shipped, random: { red: 0, yellow: 0 }, quota: { ...shipped.quota, minRedShare: 0 } };
const RATES = { USD: 26200, CNY: 3640 };
const roomy: QuotaState = { gateId: 'tra-linh', day: '2027-03-03', redQuota: 50, redBefore: 0, totalBefore: 0 };

function line(hs: string, overrides: Partial<LineFact> = {}): LineFact {
  return { index: 0, hs, hsCode: hs, description: 'x', perishable: false, origin: 'VN', declaredValue: 30000, currency: 'USD', quantity: 8000, unit: 'KGM', growingAreaCode: null, packingHouseCode: null, ...overrides };
}
function facts(lines: LineFact[], overrides: Partial<TripFacts> = {}): TripFacts {
  return { tripId: crypto.randomUUID(), enterpriseId: crypto.randomUUID(), direction: 'export', gateId: 'tra-linh', plannedDate: '2027-03-03', lines, documents: [], driver: null, vehicle: null, ...overrides };
}
const select = (f: TripFacts, o: { counters?: EnterpriseCounters; licensed?: boolean; rules?: RiskRules; quota?: QuotaState } = {}) =>
  selectChannel(o.rules ?? quiet, { facts: f, counters: o.counters ?? ZERO_COUNTERS, licensedGoods: o.licensed ?? false, rates: RATES }, o.quota ?? roomy);

describe('rule criteria', () => {
  test('nothing fires for ordinary durian: green by default, recorded as such', () => {
    const s = select(facts([line('08106000')]));
    expect(s).toMatchObject({ channel: 'green', stage: 'default', criteriaChannel: 'green', firedRule: null, firedRules: [] });
    expect(s.inputs.complianceClass).toBe('B');
    expect(s.inputs.valueChecks[0]).toMatchObject({ referenceUsd: 3.2, unitValueUsd: 3.75 });
  });

  test.each([
    ['R01-CLASS-C', 'red', facts([line('08106000')]), { counters: { ...ZERO_COUNTERS, trips: 5, refusals: 2 } }],
    ['R02-HS-HIGH', 'red', facts([line('24022090')]), {}],
    ['R03-HS-MEDIUM', 'yellow', facts([line('30049099')]), {}],
    ['R04-VALUE-LOW', 'yellow', facts([line('08106000', { declaredValue: 10000 })]), {}],
    ['R05-LICENSED', 'yellow', facts([line('36010000')]), { licensed: true }],
    ['R06-DISCREPANCY', 'yellow', facts([line('08106000')]), { counters: { ...ZERO_COUNTERS, trips: 3, discrepancies: 1 } }],
    ['R07-ORIGIN-WATCH', 'yellow', facts([line('94036090', { origin: 'KP', unit: 'PCE', quantity: 10, declaredValue: 5000 })], { direction: 'import' }), {}],
  ] as const)('%s fires → %s, and is recorded as the rule that fired', (id, channel, f, o) => {
    const s = select(f, o);
    expect(s.channel).toBe(channel);
    expect(s.stage).toBe('criteria');
    expect(s.firedRule?.id).toBe(id);
    expect(s.firedRules.map((r) => r.id)).toContain(id);
    expect(s.explanation.en).toContain(id);
  });

  test('the strictest channel wins; every rule that held is kept', () => {
    const s = select(facts([line('30049099'), line('24022090', { index: 1 })]));
    expect(s.channel).toBe('red');
    expect(s.firedRule?.id).toBe('R02-HS-HIGH');
    expect(s.firedRules.map((r) => r.id)).toEqual(['R02-HS-HIGH', 'R03-HS-MEDIUM']);
  });

  test('origin watch applies to goods entering only', () => {
    const goods = line('94036090', { origin: 'KP', unit: 'PCE', quantity: 10, declaredValue: 5000 });
    expect(select(facts([goods], { direction: 'export' })).firedRules).toEqual([]);
  });

  test('compliance classes come from the counters: A with a clean record, C after repeated refusals', () => {
    const classes = shipped.complianceClasses;
    expect(complianceClass(classes, ZERO_COUNTERS)).toBe('B');
    expect(complianceClass(classes, { ...ZERO_COUNTERS, trips: 25, cleared: 25 })).toBe('A');
    expect(complianceClass(classes, { ...ZERO_COUNTERS, trips: 25, cleared: 24, refusals: 1 })).toBe('B');
    expect(complianceClass(classes, { ...ZERO_COUNTERS, trips: 25, refusals: 2 })).toBe('C');
    expect(complianceClass(classes, { ...ZERO_COUNTERS, trips: 25, discrepancies: 2 })).toBe('C');
  });
});

describe('random stage', () => {
  const rules: RiskRules = { ...quiet, seed: 'fixed-test-seed-2027', random: { red: 0.03, yellow: 0.07 } };

  test('the draw is reproducible for a seed and trip, and changes with the seed', () => {
    const id = '5b0e7c9a-1f1e-4b5e-9a57-2d1c7a3e9b10';
    expect(randomDraw('fixed-test-seed-2027', id)).toBe(randomDraw('fixed-test-seed-2027', id));
    expect(randomDraw('fixed-test-seed-2027', id)).not.toBe(randomDraw('another-seed-2027', id));
    const d = randomDraw('fixed-test-seed-2027', id);
    expect(d).toBeGreaterThanOrEqual(0);
    expect(d).toBeLessThan(1);
  });

  test('over many synthetic trips the rates hold within a statistical bound, and rerunning gives the same channels', () => {
    const n = 20_000;
    const ids = Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const run = () => ids.map((tripId) => select(facts([line('08106000')], { tripId }), { rules }).channel);
    const first = run();
    const share = (c: string) => first.filter((x) => x === c).length / n;
    // 5 standard deviations of a binomial proportion: fails only if the draw is biased.
    const bound = (p: number) => 5 * Math.sqrt((p * (1 - p)) / n);
    expect(Math.abs(share('red') - 0.03)).toBeLessThan(bound(0.03));
    expect(Math.abs(share('yellow') - 0.07)).toBeLessThan(bound(0.07));
    expect(run()).toEqual(first);
  });

  test('a random selection records the draw and the rate it fell under', () => {
    const tripId = Array.from({ length: 500 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`).find((id) => randomDraw(rules.seed, id) < 0.03)!;
    const s = select(facts([line('08106000')], { tripId }), { rules });
    expect(s).toMatchObject({ channel: 'red', stage: 'random', random: { outcome: 'red', red: 0.03 } });
    expect(s.random.draw).toBe(randomDraw(rules.seed, tripId));
    expect(s.firedRule?.id).toBe('random:red');
  });

  test('randomness never lowers a channel set by the criteria', () => {
    const always: RiskRules = { ...rules, random: { red: 0, yellow: 1 } };
    expect(select(facts([line('24022090')]), { rules: always }).channel).toBe('red');
  });
});

describe('quota stage', () => {
  const redForPerishable: RiskRules = { ...quiet, rules: [{ id: 'T-RED', channel: 'red', when: { perishable: true }, description: { vi: 'đỏ', en: 'red' } }] };
  const perishable = () => facts([line('08106000', { perishable: true })]);

  test('a red beyond the day\'s inspection capacity is downgraded to yellow, with the counters it saw', () => {
    const s = select(perishable(), { rules: redForPerishable, quota: { ...roomy, redQuota: 2, redBefore: 2, totalBefore: 9 } });
    expect(s).toMatchObject({ channel: 'yellow', stage: 'quota', criteriaChannel: 'red', quota: { action: 'downgraded', redQuota: 2, redBefore: 2, totalBefore: 9 } });
    expect(s.firedRule?.id).toBe('quota:downgrade');
    expect(select(perishable(), { rules: redForPerishable, quota: { ...roomy, redQuota: 2, redBefore: 1 } }).channel).toBe('red');
  });

  test('a mandatory red is never downgraded', () => {
    const s = select(facts([line('24022090')]), { quota: { ...roomy, redQuota: 0, redBefore: 0 } });
    expect(s).toMatchObject({ channel: 'red', quota: { action: 'none' } });
  });

  test('below the minimum red share, a yellow is upgraded while capacity remains', () => {
    const minShare: RiskRules = { ...quiet, quota: { ...quiet.quota, minRedShare: 0.1 } };
    const medium = () => facts([line('30049099')]);
    expect(select(medium(), { rules: minShare, quota: { ...roomy, redBefore: 0, totalBefore: 20 } })).toMatchObject({ channel: 'red', quota: { action: 'upgraded' }, firedRule: { id: 'quota:minimum-red' } });
    expect(select(medium(), { rules: minShare, quota: { ...roomy, redBefore: 3, totalBefore: 20 } }).channel).toBe('yellow');
    expect(select(medium(), { rules: minShare, quota: { ...roomy, redQuota: 0, redBefore: 0, totalBefore: 20 } }).channel).toBe('yellow');
    // A green is never upgraded by the share (only selected trips are).
    expect(select(facts([line('08106000')]), { rules: minShare, quota: { ...roomy, totalBefore: 20 } }).channel).toBe('green');
  });
});

describe('quota over a day (property)', () => {
  const rules: RiskRules = { ...shipped, seed: 'property-seed-0001', random: { red: 0.1, yellow: 0.1 }, quota: { redShareOfInspectionCapacity: 1, minRedShare: 0.05 } };
  const goods = ['08106000', '30049099', '24022090', '94036090'];

  test('red never exceeds the day\'s capacity except for mandatory reds; every selection saw the running counts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), fc.array(fc.constantFrom(...goods), { minLength: 1, maxLength: 60 }), fc.uuid(), (redQuota, codes, salt) => {
        let red = 0;
        let total = 0;
        let mandatory = 0;
        codes.forEach((hs, i) => {
          const s = select(facts([line(hs)], { tripId: `${salt.slice(0, 24)}${String(i).padStart(12, '0')}` }), { rules, quota: { ...roomy, redQuota, redBefore: red, totalBefore: total } });
          expect(s.quota).toMatchObject({ redBefore: red, totalBefore: total, redQuota });
          if (s.firedRules.some((r) => r.mandatory)) mandatory++;
          if (s.channel === 'red') red++;
          total++;
        });
        expect(red).toBeLessThanOrEqual(Math.max(redQuota, 0) + mandatory);
      }),
      { numRuns: 200 },
    );
  });
});
