import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databaseFingerprint, dbKinds, login, testClock, type TestApp } from '../../test/harness';
import { referencePath } from '../reference/paths';
import { client } from './test/helpers';

// Creating and importing plans (all or nothing, every problem listed) and the delegation register.

const EXCEPT = ['sessions', 'auth_throttle'];
const seed003 = () => JSON.parse(fs.readFileSync(referencePath('plans', 'plan-003.json'), 'utf8'));

describe.each(dbKinds())('plan import and delegations on %s', (kind) => {
  let t: TestApp;
  const c: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp(kind, {}, testClock(new Date('2026-04-01T03:00:00Z')));
    for (const u of ['songv.caobang', 'vhttdl.caobang', 'soct.caobang', 'lanhdao.caobang', 'bql.tralinh', 'admin']) c[u] = await login(t.app, u);
  });
  afterAll(async () => t?.close());
  const api = () => client(t);

  it('rejects a file with bad dates and unknown agencies, listing every problem, and writes nothing', async () => {
    const file = seed003();
    file.plan.id = 'kh-songv-2026-01';
    file.plan.tasks[0].period.date = '2026-02-30';
    file.plan.tasks[1].leadAgency = 'cb-so-khong-ton-tai';
    file.plan.tasks[2].coordinatingAgencies.push('cb-phong-ma');
    file.plan.tasks[3].period = { kind: 'range', textVi: 'Quý II', from: '2026-06-30', to: '2026-04-01' };
    file.plan.tasks[4].gateIds = ['cua-khau-ma'];
    file.plan.tasks[4].ref = file.plan.tasks[0].ref;
    file.plan.issuedOn = '15/04/2026';
    const before = await databaseFingerprint(t.db, EXCEPT);
    const res = await api().post('/api/v1/plans/import', c['songv.caobang'], file);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('plans.invalid_plan');
    const got = res.json().errors.map((e: any) => [e.path, e.code]);
    expect(got).toEqual(
      expect.arrayContaining([
        ['/plan/issuedOn', 'invalid_date'],
        ['/plan/tasks/0/period/date', 'invalid_date'],
        ['/plan/tasks/1/leadAgency', 'unknown_agency'],
        [`/plan/tasks/2/coordinatingAgencies/${file.plan.tasks[2].coordinatingAgencies.length - 1}`, 'unknown_agency'],
        ['/plan/tasks/3/period', 'date_order'],
        ['/plan/tasks/4/gateIds/0', 'unknown_gate'],
        ['/plan/tasks/4/ref', 'duplicate'],
      ]),
    );
    expect(got).toHaveLength(7);
    expect(await databaseFingerprint(t.db, EXCEPT)).toEqual(before);
  });

  it('imports a structured file atomically, once, for the issuing agency only', async () => {
    const file = seed003();
    file.plan.id = 'kh-songv-2026-01';
    file.plan.number = '12/KH-SNgV';
    file.plan.tasks.forEach((task: any) => (task.period = { kind: 'date', textVi: 'Trước ngày 30/6/2026', date: '2026-06-30' }));
    const other = await api().post('/api/v1/plans/import', c['vhttdl.caobang'], file);
    expect([other.statusCode, other.json().code]).toEqual([403, 'plans.not_plan_owner']);
    expect((await api().post('/api/v1/plans/import', c['lanhdao.caobang'], file)).json().code).toBe('auth.forbidden');
    expect((await api().post('/api/v1/plans/import', c['songv.caobang'], { ...file, extra: 1 })).statusCode).toBe(400);

    const key = { 'idempotency-key': 'import-kh-songv-2026-01' };
    const res = await api().post('/api/v1/plans/import', c['songv.caobang'], file, key);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ id: 'kh-songv-2026-01', number: '12/KH-SNgV', source: 'import', canManage: true, counts: { total: 5, notStarted: 5 } });
    const replay = await api().post('/api/v1/plans/import', c['songv.caobang'], file, key);
    expect([replay.statusCode, replay.headers['idempotent-replayed']]).toEqual([201, 'true']);
    const dup = await api().post('/api/v1/plans/import', c['songv.caobang'], file);
    expect([dup.statusCode, dup.json().code]).toEqual([409, 'plans.already_exists']);
    const tasks = (await api().get('/api/v1/plans/kh-songv-2026-01/tasks', c['songv.caobang'])).json();
    expect(tasks.items.map((x: any) => [x.ref, x.deadline, x.leadAgency.code])[0]).toEqual(['1', '2026-06-30', 'cb-songv-htqt']);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', '=', 'plan.imported').execute();
    expect(audit).toEqual([{ action: 'plan.imported', entity_id: 'kh-songv-2026-01' }]);
  });

  it('creates a plan in the UI, adds a recurring task and edits the header', async () => {
    const key = { 'idempotency-key': 'create-plan-vhttdl-0001' };
    const body = { number: null, issuedOn: '2026-04-01', issuer: 'cb-sovhttdl', province: 'CB', titleVi: 'Kế hoạch phát triển du lịch biên giới năm 2026' };
    const res = await api().post('/api/v1/plans', c['vhttdl.caobang'], body, key);
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    expect(id).toMatch(/^kh-[0-9a-f]{8}$/);
    expect((await api().post('/api/v1/plans', c['vhttdl.caobang'], body, key)).json().id).toBe(id);
    const task = {
      ref: '1',
      group: 'recurring',
      titleVi: 'Đón đoàn khảo sát tuyến du lịch Bản Giốc – Đức Thiên',
      leadAgency: 'cb-bql-bangioc',
      coordinatingAgencies: ['cb-bdbp'],
      period: { kind: 'recurring', textVi: 'Thường xuyên' },
      gateIds: ['ly-van'],
    };
    const added = await api().post(`/api/v1/plans/${id}/tasks`, c['vhttdl.caobang'], task);
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ recurring: true, deadline: null, leadAgency: { code: 'cb-bql-bangioc' } });
    expect((await api().post(`/api/v1/plans/${id}/tasks`, c['vhttdl.caobang'], task)).json().code).toBe('plans.task_ref_taken');
    expect((await api().post(`/api/v1/plans/${id}/tasks`, c['soct.caobang'], { ...task, ref: '2' })).json().code).toBe('plans.not_plan_owner');
    expect((await api().post(`/api/v1/plans/${id}/tasks`, c['vhttdl.caobang'], { ...task, ref: '3', leadAgency: 'cb-khong-co' })).json().errors[0].code).toBe('unknown_agency');
    const detail = (await api().get(`/api/v1/plans/${id}/tasks/${added.json().id}`, c['vhttdl.caobang'])).json();
    expect(detail.occurrences.map((o: any) => o.label)).toEqual(['2026-H1', '2026-H2']);
    const plan = (await api().get(`/api/v1/plans/${id}`, c['vhttdl.caobang'])).json();
    const edited = await api().patch(`/api/v1/plans/${id}`, c['vhttdl.caobang'], { version: plan.version, reason: 'Đã có số văn bản', number: '45/KH-SVHTTDL' });
    expect(edited.json()).toMatchObject({ number: '45/KH-SVHTTDL', version: plan.version + 1 });
  });

  it('keeps the register of delegations with approval and the report that follows', async () => {
    const base = '/api/v1/plans/plan-001/delegations';
    const body = {
      direction: 'outgoing',
      purposeVi: 'Tham dự Hội chợ Du lịch quốc tế Quảng Tây',
      counterpartVi: 'Sở Văn hóa và Du lịch Khu tự trị dân tộc Choang Quảng Tây',
      countryVi: 'Trung Quốc',
      leaderVi: 'Phó Giám đốc Sở VHTTDL',
      members: [{ nameVi: 'Nông Văn A', positionVi: 'Trưởng phòng Quản lý Du lịch', agencyCode: 'cb-sovhttdl-qldl' }],
      startDate: '2026-05-10',
      endDate: '2026-05-13',
      gateId: 'tra-linh',
      inOriginalPlan: false,
    };
    expect((await api().post(base, c['songv.caobang'], body)).json().code).toBe('plans.not_plan_owner');
    const bad = await api().post(base, c['vhttdl.caobang'], { ...body, endDate: '2026-05-01', gateId: 'khong-co' });
    expect(bad.json().errors.map((e: any) => e.path)).toEqual(['/endDate', '/gateId']);
    const made = await api().post(base, c['vhttdl.caobang'], body, { 'idempotency-key': 'delegation-qt-2026-05' });
    expect(made.statusCode).toBe(201);
    const d = made.json();
    expect(d).toMatchObject({ status: 'proposed', allowedActions: ['approve', 'reject', 'cancel'], inOriginalPlan: false });
    const url = `${base}/${d.id}`;
    // Editing validates inside its own transaction (this once deadlocked PGlite's single connection).
    const badEdit = await api().patch(url, c['vhttdl.caobang'], { version: d.version, reason: 'Sửa ngày', endDate: '2026-05-01' });
    expect(badEdit.json().code).toBe('plans.invalid_delegation');
    const edited = await api().patch(url, c['vhttdl.caobang'], { version: d.version, reason: 'Lùi một ngày', endDate: '2026-05-14' });
    expect(edited.json()).toMatchObject({ endDate: '2026-05-14', version: d.version + 1 });
    Object.assign(d, edited.json());
    expect((await api().post(`${url}/actions`, c['vhttdl.caobang'], { action: 'approve', version: d.version })).json().code).toBe('plans.invalid_delegation');
    const approved = await api().post(`${url}/actions`, c['vhttdl.caobang'], { action: 'approve', version: d.version, approvalRef: '245/QĐ-UBND' });
    expect(approved.json()).toMatchObject({ status: 'approved', approvalRef: '245/QĐ-UBND' });
    const wrong = await api().post(`${url}/actions`, c['vhttdl.caobang'], { action: 'resubmit', version: approved.json().version });
    expect(wrong.json()).toMatchObject({ code: 'plans.action_not_allowed', allowedActions: ['complete', 'cancel'] });
    const done = await api().post(`${url}/actions`, c['vhttdl.caobang'], { action: 'complete', version: approved.json().version, reportVi: 'Đoàn đã ký biên bản ghi nhớ hợp tác quảng bá tuyến du lịch.' });
    expect(done.json()).toMatchObject({ status: 'completed', allowedActions: [] });
    const list = (await api().get(`${base}?direction=outgoing&q=${encodeURIComponent('hoi cho du lich')}`, c['lanhdao.caobang'])).json().items;
    expect(list.map((x: any) => x.id)).toEqual([d.id]);
    const events = await t.db.selectFrom('plan_events').select(['action', 'to_status']).where('entity_id', '=', d.id).orderBy('id').execute();
    expect(events.map((e) => e.to_status)).toEqual(['proposed', 'approved', 'completed']);
  });
});
