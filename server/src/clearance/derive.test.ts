import { describe, expect, test } from 'vitest';
import { autoPassCheck, deriveControls } from './derive';
import { emptyApprovals, type CodeApprovals, type LineFact, type TripFacts } from './facts';
import { controlRules, type ControlRules } from './reference';

// Which controls each HS chapter, heading and direction needs, driven by
// reference/clearance/control-rules.json itself, plus waivers, flags and automatic passes.

const rules = controlRules();

function line(hs: string, overrides: Partial<LineFact> = {}): LineFact {
  return { index: 0, hs, hsCode: hs, description: 'x', perishable: false, origin: 'VN', declaredValue: 1000, currency: 'USD', quantity: 1000, unit: 'KGM', growingAreaCode: null, packingHouseCode: null, ...overrides };
}

function facts(lines: LineFact[], overrides: Partial<TripFacts> = {}): TripFacts {
  return {
    tripId: '00000000-0000-4000-8000-000000000001',
    enterpriseId: '00000000-0000-4000-8000-000000000002',
    direction: 'export',
    gateId: 'tra-linh',
    plannedDate: '2027-03-03',
    lines: lines.map((l, index) => ({ ...l, index })),
    documents: [],
    driver: { nationality: 'VN', documentExpiresOn: '2030-01-01' },
    vehicle: { inspectionExpiresOn: '2028-12-31' },
    ...overrides,
  };
}

const kinds = (r: ControlRules, f: TripFacts, a: CodeApprovals = emptyApprovals()) =>
  deriveControls(r, f, a)
    .map((c) => `${c.kind}:${c.agency}`)
    .sort();

/** A code of 8 digits that starts with the given chapter, heading or prefix. */
const sample = (prefix: string) => prefix.padEnd(8, '0');

describe('every rule of the data file derives its control for the codes it names', () => {
  const cases = rules.rules.flatMap((rule) => {
    const prefixes = [...(rule.when.hsChapters ?? []), ...(rule.when.hsHeadings ?? []), ...(rule.when.hsPrefixes ?? [])];
    const directions = rule.when.directions ?? ['export'];
    if (prefixes.length === 0) return [];
    return prefixes.flatMap((p) => directions.map((d) => ({ id: rule.id, prefix: p, direction: d, kind: rule.kind, agency: rule.agency })));
  });
  test('the file has HS rules to test', () => expect(cases.length).toBeGreaterThan(40));
  test.each(cases)('$id: $prefix ($direction) → $kind by $agency', ({ id, prefix, direction, kind, agency }) => {
    const derived = deriveControls(rules, facts([line(sample(prefix))], { direction }), emptyApprovals());
    const control = derived.find((c) => c.kind === kind && c.agency === agency);
    expect(control?.basis.map((b) => b.ruleId)).toContain(id);
    expect(control?.lines).toEqual([0]);
  });
});

describe('controls per chapter and direction', () => {
  test.each([
    ['furniture (ch. 94): border guard and customs only', '94036090', 'export', ['border_control:border_guard', 'customs:customs']],
    ['durian (ch. 08) export: plant quarantine', '08106000', 'export', ['border_control:border_guard', 'customs:customs', 'plant_quarantine:plant_quarantine']],
    ['durian (ch. 08) import: plant quarantine and food safety', '08106000', 'import', ['border_control:border_guard', 'customs:customs', 'food_safety:plant_quarantine', 'plant_quarantine:plant_quarantine']],
    ['frozen pork (ch. 02) import: animal quarantine and food safety', '02032900', 'import', ['animal_quarantine:animal_quarantine', 'border_control:border_guard', 'customs:customs', 'food_safety:animal_quarantine']],
    ['live wild animals (01.06): animal quarantine and a CITES licence', '01061900', 'export', ['animal_quarantine:animal_quarantine', 'border_control:border_guard', 'customs:customs', 'licence:customs']],
    ['logs (44.03) export: plant quarantine and an export licence', '44039100', 'export', ['border_control:border_guard', 'customs:customs', 'licence:customs', 'plant_quarantine:plant_quarantine']],
    ['logs (44.03) import: plant quarantine, no licence', '44039100', 'import', ['border_control:border_guard', 'customs:customs', 'plant_quarantine:plant_quarantine']],
    ['beverages (ch. 22) import: food safety by health quarantine', '22029990', 'import', ['border_control:border_guard', 'customs:customs', 'food_safety:health_quarantine']],
  ])('%s', (_name, hs, direction, expected) => {
    const derived = kinds(rules, facts([line(hs)], { direction, driver: { nationality: 'VN', documentExpiresOn: '2030-01-01' } }));
    // Health quarantine of the (Vietnamese) driver entering is derived and waived; leave it aside here.
    expect(derived.filter((k) => !k.startsWith('health_quarantine'))).toEqual(expected);
  });

  test('a mixed load puts each line under its own agency and records which lines', () => {
    const derived = deriveControls(rules, facts([line('94036090'), line('08106000'), line('03028900')], { direction: 'import' }), emptyApprovals());
    expect(derived.find((c) => c.kind === 'plant_quarantine')?.lines).toEqual([1]);
    expect(derived.find((c) => c.kind === 'animal_quarantine')?.lines).toEqual([2]);
    expect(derived.find((c) => c.kind === 'customs')?.lines).toEqual([]);
  });
});

describe('people entering: health quarantine', () => {
  test('a Vietnamese driver entering with no alert: required, then waived by rule', () => {
    const hq = deriveControls(rules, facts([line('94036090')], { direction: 'import' }), emptyApprovals()).find((c) => c.kind === 'health_quarantine');
    expect(hq?.waiver?.ruleId).toBe('HQ-ENTRY');
  });
  test('a Chinese driver entering: required and not waived', () => {
    const hq = deriveControls(rules, facts([line('94036090')], { direction: 'import', driver: { nationality: 'CN', documentExpiresOn: '2030-01-01' } }), emptyApprovals()).find((c) => c.kind === 'health_quarantine');
    expect(hq).toBeDefined();
    expect(hq?.waiver).toBeNull();
  });
  test('an export driver needs no health quarantine without an alert', () => {
    expect(kinds(rules, facts([line('94036090')]))).not.toContain('health_quarantine:health_quarantine');
  });
  test('an epidemic alert in force requires it for every driver, flags it, and nothing waives it', () => {
    const alerting: ControlRules = { ...rules, epidemicAlerts: [{ id: 'A1', from: '2027-03-01', to: '2027-03-31', description: { vi: 'Cảnh báo', en: 'Alert' } }] };
    for (const direction of ['export', 'import']) {
      const hq = deriveControls(alerting, facts([line('94036090')], { direction }), emptyApprovals()).find((c) => c.kind === 'health_quarantine');
      expect(hq?.basis.map((b) => b.ruleId)).toContain('HQ-ALERT');
      expect(hq?.waiver).toBeNull();
      expect(hq?.flags.map((f) => f.code)).toEqual(['epidemic_alert']);
    }
    const outside: ControlRules = { ...alerting, epidemicAlerts: [{ ...alerting.epidemicAlerts[0], to: '2027-03-02' }] };
    expect(kinds(outside, facts([line('94036090')]))).not.toContain('health_quarantine:health_quarantine');
  });
});

describe('approved codes and automatic passes', () => {
  const durian = line('08106000', { growingAreaCode: 'VNORC-0123', packingHouseCode: 'VNPHC-0456', perishable: true });
  const approved: CodeApprovals = { puc: new Map([['VNORC-0123', new Set(['durian'])]]), phc: new Map([['VNPHC-0456', new Set(['durian'])]]) };
  const phyto = [{ kind: 'phytosanitary_certificate', number: 'P1', expiresOn: null }];

  test('a code not on the approved list (or approved for another fruit) flags plant quarantine', () => {
    const otherFruit: CodeApprovals = { puc: new Map([['VNORC-0123', new Set(['lychee'])]]), phc: approved.phc };
    for (const a of [emptyApprovals(), otherFruit]) {
      const pq = deriveControls(rules, facts([durian]), a).find((c) => c.kind === 'plant_quarantine')!;
      expect(pq.flags.map((f) => f.code)).toContain('code_not_approved');
    }
    const ok = deriveControls(rules, facts([durian]), approved).find((c) => c.kind === 'plant_quarantine')!;
    expect(ok.flags).toEqual([]);
  });

  test('plant quarantine passes automatically only with green customs, approved codes and a phytosanitary certificate', () => {
    const f = facts([durian], { documents: phyto });
    const pq = deriveControls(rules, f, approved).find((c) => c.kind === 'plant_quarantine')!;
    const ctx = { facts: f, alerts: [], approvals: approved };
    expect(autoPassCheck(rules, pq, { ...ctx, customsChannel: 'green' })).toEqual({ ok: true, failed: [] });
    expect(autoPassCheck(rules, pq, { ...ctx, customsChannel: 'yellow' }).failed).toEqual(['customsChannel']);
    const noCert = facts([durian]);
    expect(autoPassCheck(rules, pq, { facts: noCert, alerts: [], approvals: approved, customsChannel: 'green' }).failed).toEqual(['documentsPresent']);
    const flagged = deriveControls(rules, f, emptyApprovals()).find((c) => c.kind === 'plant_quarantine')!;
    expect(autoPassCheck(rules, flagged, { ...ctx, approvals: emptyApprovals(), customsChannel: 'green' }).failed).toEqual(expect.arrayContaining(['codesApproved', 'noFlags']));
  });

  test('a higher-risk plant product (wood) never passes automatically', () => {
    const f = facts([line('44039100')], { documents: phyto });
    const pq = deriveControls(rules, f, emptyApprovals()).find((c) => c.kind === 'plant_quarantine')!;
    expect(autoPassCheck(rules, pq, { facts: f, alerts: [], approvals: emptyApprovals(), customsChannel: 'green' }).failed).toEqual(['hsPrefixesOnly']);
  });

  test('border guard passes automatically with valid documents, not with an expired border pass', () => {
    const ok = facts([line('94036090')]);
    const bg = deriveControls(rules, ok, emptyApprovals()).find((c) => c.kind === 'border_control')!;
    expect(autoPassCheck(rules, bg, { facts: ok, alerts: [], approvals: emptyApprovals(), customsChannel: 'red' }).ok).toBe(true);
    const expired = facts([line('94036090')], { driver: { nationality: 'VN', documentExpiresOn: '2027-03-02' } });
    expect(autoPassCheck(rules, bg, { facts: expired, alerts: [], approvals: emptyApprovals(), customsChannel: 'green' }).failed).toEqual(['driverDocumentValid']);
  });

  test('animal quarantine and licences are always decided by an officer', () => {
    const f = facts([line('01061900')]);
    for (const kind of ['animal_quarantine', 'licence']) {
      const c = deriveControls(rules, f, emptyApprovals()).find((x) => x.kind === kind)!;
      expect(autoPassCheck(rules, c, { facts: f, alerts: [], approvals: emptyApprovals(), customsChannel: 'green' }).ok).toBe(false);
    }
  });
});
