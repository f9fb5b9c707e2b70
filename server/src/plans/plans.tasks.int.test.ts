import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databaseFingerprint, dbKinds, login, testClock, type TestApp } from '../../test/harness';
import { client, taskByRef } from './test/helpers';

// Tasks of the seed plans: search and scoping, the status workflow, progress updates with
// evidence, rights of each agency and retries.

const EXCEPT = ['sessions', 'auth_throttle'];

describe.each(dbKinds())('plan tasks on %s', (kind) => {
  let t: TestApp;
  const c: Record<string, string> = {};
  const clock = testClock(new Date('2026-03-02T03:00:00Z'));
  beforeAll(async () => {
    t = await createTestApp(kind, {}, clock);
    for (const u of ['soxd.tuyenquang', 'soct.tuyenquang', 'ubnd.tuyenquang', 'lanhdao.caobang', 'songv.caobang', 'bienphong.tralinh', 'dn.nongsan', 'admin', 'bql.thanhthuy']) {
      c[u] = await login(t.app, u);
    }
  });
  afterAll(async () => t?.close());
  const api = () => client(t);
  const refs = (res: { json(): any }) => (res.json().items as Array<{ ref: string; planId: string }>).map((x) => `${x.planId}:${x.ref}`);

  it('searches across plans by keyword with or without diacritics, agency, gate, year and status', async () => {
    const { get } = api();
    const withMarks = refs(await get(`/api/v1/plan-tasks?q=${encodeURIComponent('Cửa khẩu thông minh')}`, c['lanhdao.caobang']));
    const without = refs(await get(`/api/v1/plan-tasks?q=${encodeURIComponent('cua khau thong minh')}`, c['lanhdao.caobang']));
    expect(withMarks).toContain('plan-004:I.6');
    expect(without).toEqual(withMarks);
    expect(refs(await get(`/api/v1/plan-tasks?q=${encodeURIComponent('%')}`, c['lanhdao.caobang']))).toEqual([]);
    // Sở Công Thương Tuyên Quang leads four tasks and co-leads II.7.
    expect(refs(await get('/api/v1/plan-tasks?agency=tq-soct&role=lead', c['lanhdao.caobang']))).toEqual(
      ['I.12', 'II.4', 'II.7', 'II.9', 'II.12'].map((r) => `plan-004:${r}`),
    );
    expect(refs(await get('/api/v1/plan-tasks?gate=lung-lan', c['lanhdao.caobang']))).toEqual(['plan-004:I.3', 'plan-004:I.13']);
    const y2028 = refs(await get('/api/v1/plans/plan-004/tasks?year=2028&group=specific', c['lanhdao.caobang']));
    expect(y2028).toEqual(['I.5', 'I.6', 'I.7', 'I.8'].map((r) => `plan-004:${r}`));
    const page = (await get('/api/v1/plan-tasks?limit=10&offset=100', c['lanhdao.caobang'])).json();
    expect(page.total).toBe(157);
    expect(page.items).toHaveLength(10);
    // Plans are found by the same filters.
    const plans = (await get(`/api/v1/plans?q=${encodeURIComponent('bien gioi')}`, c['lanhdao.caobang'])).json().items.map((p: any) => p.id);
    expect(plans).toEqual(expect.arrayContaining(['plan-002', 'plan-004']));
    expect((await get('/api/v1/plans?gate=sam-pun', c['lanhdao.caobang'])).json().items.map((p: any) => p.id)).toEqual(['plan-004']);
    expect((await get('/api/v1/plan-tasks?status=finished', c['lanhdao.caobang'])).statusCode).toBe(400);
    expect((await get('/api/v1/plans/plan-004/tasks?bogus=1', c['lanhdao.caobang'])).json().code).toBe('request.invalid');
  });

  it('shows an agency its own task list, lead and coordinating, and marks late tasks', async () => {
    const { get } = api();
    const mine = (await get('/api/v1/plan-tasks?mine=true&limit=500', c['bienphong.tralinh'])).json().items as Array<Record<string, any>>;
    // Biên phòng Cao Bằng coordinates tasks 1 and 2.2 of seed 000 and takes part in seed 002.
    expect(mine.filter((x) => x.planId === 'plan-000').map((x) => [x.ref, x.myRole])).toEqual([
      ['1', 'coordinating'],
      ['2.2', 'coordinating'],
    ]);
    expect(mine.every((x) => x.myRole !== null)).toBe(true);
    // A department acts for its offices: Sở Ngoại vụ leads the tasks of its Phòng HTQT and Phòng QLBG.
    const songv = (await get('/api/v1/plans/plan-003/tasks?mine=true&role=lead', c['songv.caobang'])).json().items;
    expect(songv.map((x: any) => x.ref)).toEqual(['1', '2', '3', '4', '5']);
    // 2 March 2026: the tasks of 2025 are late, those of 2026 are not.
    expect(songv.every((x: any) => x.late)).toBe(true);
    const lateIn004 = refs(await get('/api/v1/plans/plan-004/tasks?late=true', c['ubnd.tuyenquang']));
    expect(lateIn004).toEqual([]);
    expect((await get('/api/v1/plan-tasks?mine=true', c.admin)).json().code).toBe('plans.no_agency');
  });

  it('lets the lead agency start and complete its task with evidence, keeping the history and the audit trail', async () => {
    const { get, post, req } = api();
    const task = await taskByRef(t, 'plan-004', 'I.1');
    const url = `/api/v1/plans/plan-004/tasks/${task.id}`;
    const started = await post(`${url}/actions`, c['soxd.tuyenquang'], { action: 'start', version: task.version });
    expect(started.statusCode).toBe(200);
    expect(started.json()).toMatchObject({ status: 'in_progress', myRole: 'lead', allowedActions: ['complete'] });

    const pdf = Buffer.from('%PDF-1.4 biên bản nghiệm thu công trình');
    const upload = await req('POST', `/api/v1/plans/plan-004/files?fileName=${encodeURIComponent('Biên bản nghiệm thu.pdf')}`, c['soxd.tuyenquang'], pdf, { 'content-type': 'application/pdf' });
    expect(upload.statusCode).toBe(201);
    const file = upload.json();
    expect(file.sha256).toBe(crypto.createHash('sha256').update(pdf).digest('hex'));
    const again = await req('POST', `/api/v1/plans/plan-004/files?fileName=x.pdf`, c['soxd.tuyenquang'], pdf, { 'content-type': 'application/pdf' });
    expect([again.statusCode, again.json().id]).toEqual([200, file.id]);
    const download = await get(file.url, c['lanhdao.caobang']);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect(download.headers['x-content-sha256']).toBe(file.sha256);

    // The gate's status change in the registry is linked as evidence.
    const gate = (await get('/api/v1/gates/thanh-thuy')).json();
    const audit = await t.db.selectFrom('audit_log').select('id').where('action', '=', 'auth.login').limit(1).executeTakeFirstOrThrow();
    const body = {
      textVi: 'Đã hoàn thành công trình, nghiệm thu ngày 27/02/2026.',
      action: 'complete',
      fileIds: [file.id],
      links: [{ kind: 'gate_version', gateId: 'thanh-thuy', version: gate.version }, { kind: 'audit', auditId: audit.id }, { kind: 'url', url: 'https://tuyenquang.gov.vn/tin-tuc/1' }],
    };
    const key = { 'idempotency-key': 'update-I1-complete-0001' };
    const posted = await post(`${url}/updates`, c['soxd.tuyenquang'], body, key);
    expect(posted.statusCode).toBe(201);
    expect(posted.json()).toMatchObject({ statusAfter: 'done', progressPercent: 100, agency: { code: 'tq-soxd' }, files: [{ id: file.id }] });
    expect(posted.json().links.map((l: any) => l.kind)).toEqual(['gate_version', 'audit', 'url']);
    // A retry with the same key returns the same update and writes nothing more.
    const retry = await post(`${url}/updates`, c['soxd.tuyenquang'], body, key);
    expect([retry.statusCode, retry.headers['idempotent-replayed'], retry.json().id]).toEqual([201, 'true', posted.json().id]);
    const reused = await post(`${url}/updates`, c['soxd.tuyenquang'], { ...body, textVi: 'Khác' }, key);
    expect(reused.json().code).toBe('idempotency.key_reused');

    const detail = (await get(url, c['soxd.tuyenquang'])).json();
    expect(detail).toMatchObject({ status: 'done', progressPercent: 100, allowedActions: ['reopen'] });
    expect(detail.updates).toHaveLength(1);
    expect(detail.events.map((e: any) => [e.action, e.fromStatus, e.toStatus, e.actor])).toEqual([
      ['start', 'not_started', 'in_progress', 'soxd.tuyenquang'],
      ['complete', 'in_progress', 'done', 'soxd.tuyenquang'],
    ]);
    const actions = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', task.id).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['plan_task.start', 'plan_task.complete', 'plan_task.update_posted']);
    // A status that does not allow the action: 409 with what is allowed.
    const wrong = await post(`${url}/actions`, c['soxd.tuyenquang'], { action: 'start', version: detail.version });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json()).toMatchObject({ code: 'plans.action_not_allowed', allowedActions: ['reopen'] });
    const stale = await post(`${url}/actions`, c['soxd.tuyenquang'], { action: 'reopen', version: 1, reason: 'Thiếu hồ sơ' });
    expect(stale.json()).toMatchObject({ code: 'plans.version_conflict', currentVersion: detail.version });
  });

  it('accepts evidence files up to 10 MB as raw bytes, beyond the 1 MB limit of JSON bodies', async () => {
    const { req } = api();
    const upload = (bytes: Buffer) => req('POST', '/api/v1/plans/plan-004/files?fileName=anh-hien-truong.jpg', c['soxd.tuyenquang'], bytes, { 'content-type': 'image/jpeg' });
    const big = Buffer.alloc(2 * 1024 * 1024, 7);
    const ok = await upload(big);
    expect([ok.statusCode, ok.json().sizeBytes, ok.json().contentType]).toEqual([201, big.length, 'image/jpeg']);
    expect((await upload(Buffer.alloc(11 * 1024 * 1024, 1))).json().code).toBe('request.body_too_large');
    expect((await upload(Buffer.alloc(0))).json().code).toBe('plans.invalid_file');
    expect((await req('POST', '/api/v1/plans/plan-004/files?fileName=a%2Fb.txt', c['soxd.tuyenquang'], Buffer.from('x'), { 'content-type': 'text/plain' })).statusCode).toBe(400);
  });

  it('refuses another agency, a read-only leader and an enterprise, and writes nothing', async () => {
    const { post, patch, get } = api();
    const task = await taskByRef(t, 'plan-004', 'I.2');
    const url = `/api/v1/plans/plan-004/tasks/${task.id}`;
    const before = await databaseFingerprint(t.db, EXCEPT);
    const cases: Array<[string, Promise<{ statusCode: number; json(): any }>, number, string]> = [
      ['other agency acts', post(`${url}/actions`, c['soct.tuyenquang'], { action: 'start', version: 1 }), 403, 'plans.task_not_assigned'],
      ['other agency reports', post(`${url}/updates`, c['soct.tuyenquang'], { textVi: 'Không phải việc của tôi' }), 403, 'plans.task_not_assigned'],
      ['other agency edits', patch(url, c['soct.tuyenquang'], { version: 1, reason: 'Sửa hộ', responsiblePerson: 'Ai đó' }), 403, 'plans.task_not_assigned'],
      ['leader acts', post(`${url}/actions`, c['lanhdao.caobang'], { action: 'start', version: 1 }), 403, 'auth.forbidden'],
      ['leader reports', post(`${url}/updates`, c['lanhdao.caobang'], { textVi: 'Chỉ đạo' }), 403, 'auth.forbidden'],
      ['lead cancels', post(`${url}/actions`, c['soxd.tuyenquang'], { action: 'cancel', version: 1, reason: 'Không làm nữa' }), 403, 'plans.not_plan_owner'],
      ['lead edits the lead', patch(url, c['soxd.tuyenquang'], { version: 1, reason: 'Đổi', leadAgency: 'tq-soct' }), 403, 'plans.not_plan_owner'],
      ['enterprise reads', get(url, c['dn.nongsan']), 403, 'auth.forbidden'],
      ['nobody reads', get(url), 401, 'auth.unauthenticated'],
      ['bad evidence', post(`${url}/updates`, c['soxd.tuyenquang'], { textVi: 'x', links: [{ kind: 'audit', auditId: 999999 }] }), 422, 'plans.invalid_evidence'],
      ['unknown task', get(`/api/v1/plans/plan-004/tasks/${crypto.randomUUID()}`, c['soxd.tuyenquang']), 404, 'plans.task_not_found'],
      ['wrong plan', get(`/api/v1/plans/plan-003/tasks/${task.id}`, c['soxd.tuyenquang']), 404, 'plans.task_not_found'],
    ];
    for (const [name, res, status, code] of cases) {
      const r = await res;
      expect([name, r.statusCode, r.json().code]).toEqual([name, status, code]);
    }
    expect(await databaseFingerprint(t.db, EXCEPT)).toEqual(before);
  });

  it('lets the owner cancel and restore, and the lead name the responsible person', async () => {
    const { post, patch } = api();
    const task = await taskByRef(t, 'plan-004', 'I.2');
    const url = `/api/v1/plans/plan-004/tasks/${task.id}`;
    const named = await patch(url, c['soxd.tuyenquang'], { version: task.version, reason: 'Phân công', responsiblePerson: 'Đ/c Nguyễn Văn Hùng, Phó Giám đốc Sở' });
    expect(named.statusCode).toBe(200);
    expect(named.json().responsiblePerson).toBe('Đ/c Nguyễn Văn Hùng, Phó Giám đốc Sở');
    const noReason = await post(`${url}/actions`, c['ubnd.tuyenquang'], { action: 'cancel', version: named.json().version });
    expect([noReason.statusCode, noReason.json().code]).toEqual([422, 'plans.invalid_task']);
    const cancelled = await post(`${url}/actions`, c['ubnd.tuyenquang'], { action: 'cancel', version: named.json().version, reason: 'Trùng với nhiệm vụ I.5' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', allowedActions: ['restore'] });
    const restored = await post(`${url}/actions`, c['ubnd.tuyenquang'], { action: 'restore', version: cancelled.json().version, reason: 'Ý kiến chỉ đạo mới' });
    expect(restored.json().status).toBe('not_started');
    const moved = await post(`${url}/actions`, c['ubnd.tuyenquang'], { action: 'reschedule', version: restored.json().version, reason: 'Lùi tiến độ', newDeadline: '2027-06-30' });
    expect(moved.json()).toMatchObject({ status: 'not_started', deadline: '2027-06-30' });
  });

  it('tracks recurring tasks by occurrence; coordinating agencies report text and evidence only', async () => {
    const { get, post } = api();
    const task = await taskByRef(t, 'plan-004', 'II.9');
    const url = `/api/v1/plans/plan-004/tasks/${task.id}`;
    const detail = (await get(url, c['soct.tuyenquang'])).json();
    expect(detail.occurrences.map((o: any) => o.label)).toEqual(['2026', '2027', '2028', '2029', '2030']);
    const needs = await post(`${url}/updates`, c['soct.tuyenquang'], { textVi: 'Hội chợ', action: 'complete' });
    expect(needs.json().code).toBe('plans.occurrence_required');
    const occ = detail.occurrences[0];
    const done = await post(`${url}/updates`, c['soct.tuyenquang'], { textVi: 'Đã tổ chức Hội chợ thương mại Việt - Trung 2026', action: 'complete', occurrenceId: occ.id });
    expect(done.statusCode).toBe(201);
    const after = (await get(url, c['soct.tuyenquang'])).json();
    expect(after.status).toBe('in_progress');
    expect(after.occurrences[0]).toMatchObject({ status: 'done', progressPercent: 100 });
    expect(after.occurrences[1].status).toBe('not_started');

    const p000 = await taskByRef(t, 'plan-000', '1');
    const u000 = `/api/v1/plans/plan-000/tasks/${p000.id}`;
    const note = await post(`${u000}/updates`, c['bienphong.tralinh'], { textVi: 'Đồn Biên phòng Trà Lĩnh đã bố trí lực lượng.' });
    expect(note.statusCode).toBe(201);
    expect((await post(`${u000}/updates`, c['bienphong.tralinh'], { textVi: 'x', progressPercent: 50 })).json().code).toBe('plans.task_not_assigned');
    expect((await post(`${u000}/actions`, c['bienphong.tralinh'], { action: 'complete', version: p000.version })).json().code).toBe('plans.task_not_assigned');
    expect((await get(u000, c['bienphong.tralinh'])).json()).toMatchObject({ myRole: 'coordinating', canUpdate: true, allowedActions: [] });
  });
});
