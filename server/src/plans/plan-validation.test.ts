import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PlanInput } from '../../../shared/schemas/plans';
import { referencePath } from '../reference/paths';
import { planProblems } from './plan-validation';
import { readSeedPlans } from './reference';

const agencies = new Set<string>(JSON.parse(fs.readFileSync(referencePath('agencies', 'agencies.json'), 'utf8')).agencies.map((a: { code: string }) => a.code));
const gates = new Set<string>(JSON.parse(fs.readFileSync(referencePath('gates', 'gates.json'), 'utf8')).gates.map((g: { id: string }) => g.id));
const known = { agencies, gates };

describe('plan validation', () => {
  it('accepts the five transcribed seed plans as they are', () => {
    const seeds = readSeedPlans();
    expect(seeds.map((s) => s.file)).toEqual(['plan-000.json', 'plan-001.json', 'plan-002.json', 'plan-003.json', 'plan-004.json']);
    for (const s of seeds) expect([s.file, planProblems(s.content.plan, known)]).toEqual([s.file, []]);
  });

  it('lists every problem of a plan at once', () => {
    const plan: PlanInput = {
      id: 'kh-test',
      number: null,
      issuedOn: '2026-13-01',
      issuer: 'tq-khong-co',
      province: 'HN',
      titleVi: 'Thử',
      reportSchedule: [{ kind: 'six_month', dueMonthDay: '02-30', textVi: 'x', recipient: 'cb-khong-co' }],
      kpis: [
        { code: 'a', textVi: 'x', unit: 'count', targetMin: 5, targetMax: 2, targetYear: 1990, platformMetric: null },
        { code: 'a', textVi: 'y', unit: 'count', targetMin: null, targetMax: null, targetYear: null, platformMetric: null },
      ],
      delegations: [{ direction: 'outgoing', purposeVi: 'x', counterpartVi: 'y', startDate: '2026-05-10', endDate: '2026-05-01', gateId: 'khong-co' }],
      tasks: [
        { ref: '1', group: 'specific', titleVi: 'x', leadAgency: 'tq-soct', coordinatingAgencies: ['tq-ma'], period: { kind: 'year', textVi: 'Năm' } },
        { ref: '1', group: 'specific', titleVi: 'y', leadAgency: 'tq-soct', coordinatingAgencies: [], period: { kind: 'date', textVi: 'x', date: '2026-02-29' } },
      ],
    };
    expect(planProblems(plan, known).map((p) => `${p.path} ${p.code}`)).toEqual([
      '/plan/issuer unknown_agency',
      '/plan/province invalid_value',
      '/plan/issuedOn invalid_date',
      '/plan/tasks/0/coordinatingAgencies/0 unknown_agency',
      '/plan/tasks/0/period/year missing_field',
      '/plan/tasks/1/ref duplicate',
      '/plan/tasks/1/period/date invalid_date',
      '/plan/reportSchedule/0/dueMonthDay invalid_date',
      '/plan/reportSchedule/0/recipient unknown_agency',
      '/plan/kpis/0 invalid_value',
      '/plan/kpis/0/targetYear invalid_value',
      '/plan/kpis/1/code duplicate',
      '/plan/delegations/0 date_order',
      '/plan/delegations/0/gateId unknown_gate',
    ]);
  });
});
