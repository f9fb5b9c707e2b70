import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dbKinds, login, testClock, type TestApp } from '../../test/harness';
import { runDeadlineCheck } from './deadlines.job';
import { client, taskByRef } from './test/helpers';

// Deadlines: the job marks tasks overdue once their day has passed in Vietnam, notices reach the
// lead agency (in the app and in the outbox) once, and the owner sees who is late and reminds them.

describe.each(dbKinds())('plan deadlines and notices on %s', (kind) => {
  let t: TestApp;
  const c: Record<string, string> = {};
  // 24 Nov 2026, 09:00 in Vietnam.
  const clock = testClock(new Date('2026-11-24T02:00:00Z'));
  beforeAll(async () => {
    t = await createTestApp(kind, {}, clock);
    for (const u of ['songv.caobang', 'soct.tuyenquang', 'ubnd.tuyenquang', 'soxd.tuyenquang', 'admin', 'lanhdao.caobang']) c[u] = await login(t.app, u);
  });
  afterAll(async () => t?.close());
  const api = () => client(t);

  it('marks the tasks whose day has passed overdue, once, and tells the lead agency and the owner', async () => {
    const first = await runDeadlineCheck(t.app.services);
    // Seeds 000, 001 and 003 are 2025 plans: their 16 tasks are past; so are the 2026-H1 occurrences of seed 004.
    const overdue = await t.db.selectFrom('plan_tasks').select(['plan_id', 'ref']).where('status', '=', 'overdue').orderBy('plan_id').orderBy('position').execute();
    expect(overdue.map((r) => r.plan_id)).toEqual([...Array(4).fill('plan-000'), ...Array(7).fill('plan-001'), ...Array(5).fill('plan-003')]);
    const h1 = await t.db.selectFrom('plan_task_occurrences').select(['label', 'status']).where('label', '=', '2026-H1').execute();
    expect(h1.length).toBe(3);
    expect(h1.every((o) => o.status === 'overdue')).toBe(true);
    expect(first.markedOverdue).toBe(16 + 3);

    const events = await t.db.selectFrom('plan_events').selectAll().where('action', '=', 'mark_overdue').execute();
    expect(events).toHaveLength(19);
    expect(events.every((e) => e.actor_label === 'system:plans.deadlines' && e.to_status === 'overdue')).toBe(true);

    // Sở Ngoại vụ Cao Bằng hears about the tasks of its offices (seed 003) and as owner.
    const notices = (await api().get('/api/v1/notifications?limit=200', c['songv.caobang'])).json();
    const late003 = notices.items.filter((n: any) => n.kind === 'plans.deadline_passed' && n.link.startsWith('/plans/plan-003/'));
    expect(late003).toHaveLength(5);
    expect(late003[0].titleVi).toContain('đã quá hạn (15/04/2025)');
    const outbox = (await api().get('/api/v1/notifications/outbox?recipient=songv@caobang.example&limit=500', c.admin)).json().items;
    expect(outbox.filter((m: any) => m.kind === 'plans.deadline_passed' && m.channel === 'email').length).toBeGreaterThanOrEqual(5);
    const sms = (await api().get('/api/v1/notifications/outbox?channel=sms&limit=500', c.admin)).json().items;
    expect(sms.some((m: any) => m.recipient === '+84 206 385 1000' && m.body.includes('đã quá hạn'))).toBe(true);

    // A second run finds nothing new and notifies nobody twice.
    const again = await runDeadlineCheck(t.app.services);
    expect(again).toMatchObject({ markedOverdue: 0, notices: 0, messages: 0 });
  });

  it('warns the lead agency a week and a day before a deadline, once per threshold', async () => {
    // The 2026 annual occurrences of seed 004 are due 30 Nov: six days ahead.
    const before = (await api().get('/api/v1/notifications?limit=200', c['soct.tuyenquang'])).json().items.filter((n: any) => n.kind === 'plans.deadline_approaching');
    expect(before.length).toBeGreaterThan(0);
    expect(before[0].titleVi).toContain('đến hạn ngày 30/11/2026');
    clock.advance(5 * 86_400_000);
    const run = await runDeadlineCheck(t.app.services);
    // Sessions expire over five days: sign in again.
    for (const u of Object.keys(c)) c[u] = await login(t.app, u);
    expect(run.notices).toBeGreaterThan(0);
    const after = (await api().get('/api/v1/notifications?limit=200', c['soct.tuyenquang'])).json().items.filter((n: any) => n.kind === 'plans.deadline_approaching');
    expect(after.length).toBe(before.length * 2);
    expect((await runDeadlineCheck(t.app.services)).notices).toBe(0);
    clock.now = new Date('2026-11-24T02:00:00Z');
    for (const u of Object.keys(c)) c[u] = await login(t.app, u);
  });

  it('shows the owner who is late and lets the owner remind them', async () => {
    const late = (await api().get('/api/v1/plans/plan-003/late', c['lanhdao.caobang'])).json().items;
    expect(late.map((g: any) => [g.agency.code, g.tasks.length])).toEqual([['cb-songv-htqt', 4], ['cb-songv-qlbg', 1]]);
    expect(late[0].tasks[0]).toMatchObject({ dueDate: '2025-04-15', daysLate: 588 });

    const refused = await api().post('/api/v1/plans/plan-004/reminders', c['soct.tuyenquang'], { lateOnly: true });
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'plans.not_plan_owner']);
    const i1 = await taskByRef(t, 'plan-004', 'I.1');
    const sent = await api().post('/api/v1/plans/plan-004/reminders', c['ubnd.tuyenquang'], { taskIds: [i1.id], messageVi: 'Đề nghị báo cáo tiến độ trước 05/12.', channels: ['in_app', 'email', 'sms'] }, { 'idempotency-key': 'remind-I1-20261124' });
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({ agencies: [{ code: 'tq-soxd' }], tasks: 1, notices: 1 });
    const replay = await api().post('/api/v1/plans/plan-004/reminders', c['ubnd.tuyenquang'], { taskIds: [i1.id], messageVi: 'Đề nghị báo cáo tiến độ trước 05/12.', channels: ['in_app', 'email', 'sms'] }, { 'idempotency-key': 'remind-I1-20261124' });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const inbox = (await api().get('/api/v1/notifications?unread=true', c['soxd.tuyenquang'])).json();
    const reminders = inbox.items.filter((n: any) => n.kind === 'plans.reminder');
    expect(reminders).toHaveLength(1);
    expect(reminders[0].bodyVi).toContain('Đề nghị báo cáo tiến độ trước 05/12.');
    expect(reminders[0].bodyVi).toContain('I.1.');

    const read = await api().post(`/api/v1/notifications/${reminders[0].id}/read`, c['soxd.tuyenquang']);
    expect(read.json().readAt).not.toBeNull();
    expect((await api().post(`/api/v1/notifications/${reminders[0].id}/read`, c['songv.caobang'])).statusCode).toBe(404);
    const unread = (await api().get('/api/v1/notifications?unread=true', c['soxd.tuyenquang'])).json();
    expect(unread.unread).toBe(inbox.unread - 1);
    expect((await api().get('/api/v1/notifications/outbox', c['lanhdao.caobang'])).statusCode).toBe(403);
  });
});
