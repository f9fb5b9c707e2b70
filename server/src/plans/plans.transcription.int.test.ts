import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dbKinds, login, testClock, type TestApp } from '../../test/harness';
import { client } from './test/helpers';

// The seed plans, as loaded into the database and served by the API, checked against the five
// source documents. The expectations are written out by hand from the documents (task numbers,
// lead agencies, deadlines); where the documents themselves are present (/work/shared/seeds),
// every task's text is also looked up in them.

const SEEDS_DIR = process.env.PLAN_SEEDS_DIR ?? '/work/shared/seeds';

// Seed 002 §II: the 19 member bodies, the agency each maps to and how many bullets (duties) it has.
const BODIES_002: Array<[string, string, number]> = [
  ['1', 'cb-songv', 12], ['2', 'cb-bchqs', 16], ['3', 'cb-congan', 5], ['4', 'cb-bqlkkt', 6], ['5', 'cb-soxd', 7],
  ['6', 'cb-soct', 5], ['7', 'cb-sonv', 6], ['8', 'cb-sonnmt', 7], ['9', 'cb-sovhttdl', 7], ['10', 'cb-soyt', 4],
  ['11', 'cb-sotc', 4], ['12', 'cb-sogddt', 4], ['13', 'cb-sotp', 1], ['14', 'cb-sodttg', 5], ['15', 'cb-btgdv-tu', 1],
  ['16', 'vn-hq-kv16', 4], ['17', 'vn-kbnn-kv7', 1], ['18', 'cb-bqlda-dtxd', 1], ['19', 'cb-ubnd-xa-bien-gioi', 13],
];

// Seed 004, appendix part I: number → [lead agency, year printed in the "Thời gian" column].
const SPECIFIC_004: Record<string, [string, number]> = {
  'I.1': ['tq-soxd', 2026], 'I.2': ['tq-soxd', 2026], 'I.3': ['tq-bdbp', 2027], 'I.4': ['tq-bdbp', 2027], 'I.5': ['tq-soxd', 2028],
  'I.6': ['tq-bqlkkt', 2028], 'I.7': ['tq-sotc', 2028], 'I.8': ['tq-bqlkkt', 2028], 'I.9': ['tq-bqlkkt', 2029], 'I.10': ['tq-bqlkkt', 2030],
  'I.11': ['tq-bqlkkt', 2030], 'I.12': ['tq-soct', 2035], 'I.13': ['tq-bdbp', 2035], 'I.14': ['tq-bdbp', 2040], 'I.15': ['tq-bdbp', 2045],
};

describe.each(dbKinds())('seed plans transcribed from the documents, on %s', (kind) => {
  let t: TestApp;
  let leader: string;
  const tasks = new Map<string, Array<Record<string, any>>>();
  beforeAll(async () => {
    t = await createTestApp(kind, {}, testClock(new Date('2026-03-02T03:00:00Z')));
    leader = await login(t.app, 'lanhdao.caobang');
    const { get } = client(t);
    for (const id of ['plan-000', 'plan-001', 'plan-002', 'plan-003', 'plan-004']) {
      const res = await get(`/api/v1/plans/${id}/tasks?limit=500`, leader);
      expect(res.statusCode).toBe(200);
      tasks.set(id, res.json().items);
    }
  });
  afterAll(async () => t?.close());

  const byRef = (plan: string, ref: string) => tasks.get(plan)!.find((x) => x.ref === ref)!;

  it('loads the five plans with their issuers', async () => {
    const res = await client(t).get('/api/v1/plans', leader);
    const plans = res.json().items as Array<Record<string, any>>;
    expect(plans.map((p) => [p.id, p.issuer.code, p.counts.total])).toEqual([
      ['plan-000', 'cb-sovhttdl', 4],
      ['plan-001', 'cb-sovhttdl', 7],
      ['plan-002', 'cb-bcdbg', 109],
      ['plan-003', 'cb-songv', 5],
      ['plan-004', 'tq-ubnd', 32],
    ]);
    expect(plans.find((p) => p.id === 'plan-002')).toMatchObject({ number: '872/KH-BCĐ', issuedOn: '2026-03-29', startYear: 2026, endYear: 2026 });
    expect(plans.find((p) => p.id === 'plan-004')).toMatchObject({ province: 'TQ', startYear: 2026, endYear: 2030 });
  });

  it('seed 004: 15 specific tasks with their lead agency and year, 17 recurring tasks with occurrences', async () => {
    const all = tasks.get('plan-004')!;
    expect(all.filter((x) => x.group === 'specific')).toHaveLength(15);
    expect(all.filter((x) => x.group === 'recurring')).toHaveLength(17);
    for (const [ref, [lead, year]] of Object.entries(SPECIFIC_004)) {
      const task = byRef('plan-004', ref);
      expect([ref, task.leadAgency.code, task.period.kind, task.period.year, task.deadline]).toEqual([ref, lead, 'year', year, `${year}-12-31`]);
    }
    expect(byRef('plan-004', 'I.6').titleVi).toContain('Cửa khẩu thông minh');
    expect(byRef('plan-004', 'I.6').gateIds).toEqual(['thanh-thuy']);
    // II.1–II.3 "Thường xuyên", II.4–II.16 "Giai đoạn 2026-2030", II.17 "Hằng năm".
    expect(['II.1', 'II.2', 'II.3'].map((r) => byRef('plan-004', r).period.kind)).toEqual(['recurring', 'recurring', 'recurring']);
    expect(byRef('plan-004', 'II.9').period).toMatchObject({ kind: 'range', from: '2026-01-01', to: '2030-12-31' });
    expect(byRef('plan-004', 'II.17').period).toMatchObject({ kind: 'yearly', textVi: 'Hằng năm' });
    for (const x of all.filter((y) => y.group === 'recurring')) expect([x.ref, x.recurring, x.deadline]).toEqual([x.ref, true, null]);
    expect(byRef('plan-004', 'II.7')).toMatchObject({ leadAgency: { code: 'tq-tbctck' }, coLeadAgencies: [{ code: 'tq-songv' }, { code: 'tq-soct' }] });

    const detail = (ref: string) => client(t).get(`/api/v1/plans/plan-004/tasks/${byRef('plan-004', ref).id}`, leader).then((r) => r.json());
    const yearly = await detail('II.17');
    expect(yearly.occurrences.map((o: any) => [o.label, o.dueDate])).toEqual([2026, 2027, 2028, 2029, 2030].map((y) => [String(y), `${y}-11-30`]));
    const recurring = await detail('II.1');
    expect(recurring.occurrences).toHaveLength(10);
    expect(recurring.occurrences.slice(0, 2).map((o: any) => [o.label, o.periodFrom, o.periodTo, o.dueDate])).toEqual([
      ['2026-H1', '2026-01-01', '2026-06-30', '2026-05-31'],
      ['2026-H2', '2026-07-01', '2026-12-31', '2026-11-30'],
    ]);
  });

  it('seed 002: the duties of each of the 19 member bodies, led by that body', () => {
    const all = tasks.get('plan-002')!;
    expect(all).toHaveLength(109);
    expect(all.every((x) => x.group === 'member_duty')).toBe(true);
    for (const [body, agency, count] of BODIES_002) {
      const duties = all.filter((x) => x.ref === body || x.ref.startsWith(`${body}.`));
      expect([body, duties.length]).toEqual([body, count]);
      const leads = new Set(duties.filter((x) => x.ref !== '19.13').map((x) => x.leadAgency.code));
      expect([body, [...leads]]).toEqual([body, [agency]]);
    }
    expect(byRef('plan-002', '19.13').leadAgency.code).toBe('cb-ubnd-xa-dam-thuy');
    // The document prints no time per duty: the plan year, marked as inferred.
    expect(byRef('plan-002', '1.1').period).toMatchObject({ kind: 'year', year: 2026, inferred: true });
    expect(byRef('plan-002', '1.1').deadline).toBe('2026-12-31');
  });

  it('seed 002 and 003: report schedules as printed (31 May, 30 Nov to Sở Ngoại vụ; 15/4/2025)', async () => {
    const p2 = (await client(t).get('/api/v1/plans/plan-002', leader)).json();
    expect(p2.reportSchedule.map((r: any) => [r.kind, r.dueMonthDay ?? null, r.recipient])).toEqual([
      ['six_month', '05-31', 'cb-songv'],
      ['annual', '11-30', 'cb-songv'],
      ['ad_hoc', null, 'cb-songv'],
    ]);
    const p3 = (await client(t).get('/api/v1/plans/plan-003', leader)).json();
    expect(p3.reportSchedule.map((r: any) => r.dueDate)).toEqual(['2025-04-15', '2025-04-18']);
  });

  it('seed 003: five tasks, all due 15/4/2025, led by the offices of Sở Ngoại vụ', () => {
    const all = tasks.get('plan-003')!;
    expect(all.map((x) => [x.ref, x.leadAgency.code, x.deadline])).toEqual([
      ['1', 'cb-songv-htqt', '2025-04-15'],
      ['2', 'cb-songv-htqt', '2025-04-15'],
      ['3', 'cb-songv-htqt', '2025-04-15'],
      ['4', 'cb-songv-qlbg', '2025-04-15'],
      ['5', 'cb-songv-htqt', '2025-04-15'],
    ]);
    expect(all.every((x) => x.period.kind === 'date' && x.authorityVi === 'Lãnh đạo Sở')).toBe(true);
  });

  it('seed 000: tasks 1, 2.1–2.3 in 2025; seed 001: seven activities and the 13 / 12 delegations as targets', async () => {
    expect(tasks.get('plan-000')!.map((x) => [x.ref, x.leadAgency.code, x.deadline])).toEqual([
      ['1', 'cb-sovhttdl-qldl', '2025-12-31'],
      ['2.1', 'cb-bql-cvdc', '2025-12-31'],
      ['2.2', 'cb-sovhttdl-qldl', '2025-12-31'],
      ['2.3', 'cb-sovhttdl-qldl', '2025-12-31'],
    ]);
    expect(tasks.get('plan-000')!.find((x) => x.ref === '1')!.gateIds).toEqual(['tra-linh']);
    expect(tasks.get('plan-001')!.map((x) => x.ref)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '2.1', '2.2']);
    expect(tasks.get('plan-001')!.every((x) => x.leadAgency.code === 'cb-sovhttdl' && x.leadInferred)).toBe(true);
    const kpis = (await client(t).get('/api/v1/plans/plan-001/kpis', leader)).json().items;
    expect(kpis.map((k: any) => [k.code, k.targetMin])).toEqual([
      ['delegations-outgoing', 13],
      ['delegations-incoming', 12],
    ]);
  });

  it('seed 004 KPIs: growth 15–17 %/year, 15–20 enterprises/year, 100 % electronic, one smart gate, 2–5 logistics centres', async () => {
    const kpis = (await client(t).get('/api/v1/plans/plan-004/kpis', leader)).json().items as Array<Record<string, any>>;
    const k = (code: string) => kpis.find((x) => x.code === code)!;
    expect(k('xnk-growth')).toMatchObject({ unit: 'percent_per_year', targetMin: 15, targetMax: 17 });
    expect(k('new-enterprises')).toMatchObject({ targetMin: 15, targetMax: 20, platformMetric: 'new_trading_enterprises', computed: true });
    expect(k('electronic-procedures')).toMatchObject({ targetMin: 100, platformMetric: 'electronic_procedure_share', computed: true });
    expect(k('smart-gate')).toMatchObject({ targetMin: 1, targetYear: 2030 });
    expect(k('logistics-centres')).toMatchObject({ targetMin: 2, targetMax: 5 });
  });

  describe.runIf(fs.existsSync(SEEDS_DIR))('against the source documents', () => {
    const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
    const source = (n: number) => {
      const file = fs.readdirSync(SEEDS_DIR).find((f) => f.startsWith(`00${n}_`))!;
      return norm(fs.readFileSync(path.join(SEEDS_DIR, file), 'utf8'));
    };

    it('finds the text of every task in its document', () => {
      for (let n = 0; n <= 4; n++) {
        const text = source(n);
        const missing = tasks.get(`plan-00${n}`)!.filter((x) => !text.includes(norm(x.contentVi).slice(0, 60))).map((x) => x.ref);
        expect([n, missing]).toEqual([n, []]);
      }
    });

    it('finds the printed deadlines in the documents', () => {
      expect(source(3).match(/15\/4\/2025/g)!.length).toBeGreaterThanOrEqual(5);
      expect(source(2)).toContain('trước ngày 31/5/2026');
      expect(source(2)).toContain('trước ngày 30/11/2026');
      for (const year of [2026, 2027, 2028, 2029, 2030, 2035, 2040, 2045]) expect(source(4)).toContain(`Năm ${year}`);
    });
  });
});
