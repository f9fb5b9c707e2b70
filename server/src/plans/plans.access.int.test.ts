import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databaseFingerprint, dbKinds, login, testClock, type TestApp } from '../../test/harness';

// The access-control matrix of the plans capability and of notifications: every role against
// every route group. Expectations are written out by hand from shared/roles.ts (plans:read,
// plans:write, plans:manage) and the scope rules: an agency acts on the tasks it leads, the
// issuing agency's staff manage the plan, administrators everything, leaders read only.
//
// Cells: ok 200 · new 201 · anon 401 · deny 403 auth.forbidden · nota 403 plans.task_not_assigned
//        nown 403 plans.not_plan_owner · noag 403 plans.no_agency

const CELLS = {
  ok: '200',
  new: '201',
  anon: '401 auth.unauthenticated',
  deny: '403 auth.forbidden',
  nota: '403 plans.task_not_assigned',
  nown: '403 plans.not_plan_owner',
  noag: '403 plans.no_agency',
} as const;

// Columns (plan-004 of Tuyên Quang; task I.1 is led by Sở Xây dựng, the plan issued by UBND tỉnh):
// plans/plan = list / one plan, tasks = search, mine = my agency's tasks, task = one task,
// edit = PATCH I.1 responsible person, upd = progress update on I.1, file = upload evidence,
// late = who is late, rmd = reminders, rep = report status, sub = submit Sở Xây dựng's part,
// docx = download the report, kpis, kval = type a KPI value, dels, +del = register a delegation,
// +plan = create a plan issued by UBND tỉnh Tuyên Quang, ntf = my notices, outbox.
const MATRIX_TABLE = `
  user               plans plan tasks mine task edit upd  file late rmd  rep  sub  docx kpis kval dels +del +plan ntf  outbox
  anonymous          anon  anon anon  anon anon anon anon anon anon anon anon anon anon anon anon anon anon anon  anon anon
  admin              ok    ok   ok    noag ok   ok   new  new  ok   ok   ok   ok   ok   ok   ok   ok   new  new   ok   ok
  lanhdao.caobang    ok    ok   ok    ok   ok   deny deny deny ok   deny ok   deny ok   ok   deny ok   deny deny  ok   deny
  lanhdao.tuyenquang ok    ok   ok    ok   ok   deny deny deny ok   deny ok   deny ok   ok   deny ok   deny deny  ok   deny
  bql.tralinh        ok    ok   ok    ok   ok   nota nota nota ok   deny ok   nota ok   ok   deny ok   deny deny  ok   deny
  bql.thanhthuy      ok    ok   ok    ok   ok   nota nota new  ok   deny ok   nota ok   ok   deny ok   deny deny  ok   deny
  haiquan.tralinh    ok    ok   ok    ok   ok   nota nota nota ok   deny ok   nota ok   ok   deny ok   deny deny  ok   deny
  bienphong.tralinh  ok    ok   ok    ok   ok   nota nota nota ok   deny ok   nota ok   ok   deny ok   deny deny  ok   deny
  kdtv.tralinh       ok    ok   ok    ok   ok   nota nota nota ok   deny ok   nota ok   ok   deny ok   deny deny  ok   deny
  kddv.tralinh       ok    ok   ok    ok   ok   nota nota nota ok   deny ok   nota ok   ok   deny ok   deny deny  ok   deny
  kdyt.tralinh       ok    ok   ok    ok   ok   nota nota nota ok   deny ok   nota ok   ok   deny ok   deny deny  ok   deny
  bai.tralinh        ok    ok   ok    ok   ok   nota nota nota ok   deny ok   nota ok   ok   deny ok   deny deny  ok   deny
  soct.caobang       ok    ok   ok    ok   ok   nota nota nota ok   nown ok   nota ok   ok   nown ok   nown nown  ok   deny
  soct.tuyenquang    ok    ok   ok    ok   ok   nota nota new  ok   nown ok   nota ok   ok   nown ok   nown nown  ok   deny
  soxd.tuyenquang    ok    ok   ok    ok   ok   ok   new  new  ok   nown ok   ok   ok   ok   nown ok   nown nown  ok   deny
  ubnd.tuyenquang    ok    ok   ok    ok   ok   ok   new  new  ok   ok   ok   nota ok   ok   ok   ok   new  new   ok   deny
  dn.nongsan         deny  deny deny  deny deny deny deny deny deny deny deny deny deny deny deny deny deny deny  ok   deny
  nv.nongsan         deny  deny deny  deny deny deny deny deny deny deny deny deny deny deny deny deny deny deny  ok   deny
  taixe.nongsan      deny  deny deny  deny deny deny deny deny deny deny deny deny deny deny deny deny deny deny  ok   deny
  dn.thanhthuy       deny  deny deny  deny deny deny deny deny deny deny deny deny deny deny deny deny deny deny  ok   deny
  dulich.bangioc     deny  deny deny  deny deny deny deny deny deny deny deny deny deny deny deny deny deny deny  ok   deny
`;

const [HEADER, ...BODY] = MATRIX_TABLE.trim().split('\n').map((line) => line.trim().split(/\s+/));
const ROUTES = HEADER.slice(1);
const MATRIX = BODY.map(([user, ...cells]) => {
  if (cells.length !== ROUTES.length) throw new Error(`row ${user} has ${cells.length} cells, not ${ROUTES.length}`);
  return { user, row: Object.fromEntries(ROUTES.map((r, i) => [r, CELLS[cells[i] as keyof typeof CELLS] ?? `bad cell ${cells[i]}`])) };
});

const EXCEPT = ['sessions', 'auth_throttle'];

describe.each(dbKinds())('plans access-control matrix on %s', (kind) => {
  let t: TestApp;
  const cookies = new Map<string, string>();
  let taskId: string;
  beforeAll(async () => {
    t = await createTestApp(kind, {}, testClock(new Date('2026-05-20T02:00:00Z')));
    for (const { user } of MATRIX) if (user !== 'anonymous') cookies.set(user, await login(t.app, user));
    taskId = (await t.db.selectFrom('plan_tasks').select('id').where('plan_id', '=', 'plan-004').where('ref', '=', 'I.1').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => t?.close());

  const version = async () => (await t.db.selectFrom('plan_tasks').select('version').where('id', '=', taskId).executeTakeFirstOrThrow()).version;

  async function request(route: string, who: string) {
    const p = '/api/v1/plans/plan-004';
    const task = `${p}/tasks/${taskId}`;
    switch (route) {
      case 'plans': return { method: 'GET', url: '/api/v1/plans' } as const;
      case 'plan': return { method: 'GET', url: p } as const;
      case 'tasks': return { method: 'GET', url: '/api/v1/plan-tasks?q=cua%20khau&limit=5' } as const;
      case 'mine': return { method: 'GET', url: '/api/v1/plan-tasks?mine=true&limit=5' } as const;
      case 'task': return { method: 'GET', url: task } as const;
      case 'edit': return { method: 'PATCH', url: task, payload: { version: await version(), reason: `matrix ${who}`, responsiblePerson: `Người phụ trách (${who})` } } as const;
      case 'upd': return { method: 'POST', url: `${task}/updates`, payload: { textVi: `Báo cáo của ${who}` } } as const;
      case 'file': return { method: 'POST', url: `${p}/files?fileName=bao-cao.txt`, payload: Buffer.from(`minh chứng của ${who}`), headers: { 'content-type': 'text/plain' } } as const;
      case 'late': return { method: 'GET', url: `${p}/late` } as const;
      case 'rmd': return { method: 'POST', url: `${p}/reminders`, payload: { taskIds: [taskId], messageVi: `Nhắc việc (${who})` } } as const;
      case 'rep': return { method: 'GET', url: `${p}/reports/six_month/2026` } as const;
      case 'sub': return { method: 'POST', url: `${p}/reports/six_month/2026/submissions`, payload: { agency: 'tq-soxd', summaryVi: `Báo cáo 6 tháng (${who})` } } as const;
      case 'docx': return { method: 'GET', url: `${p}/reports/six_month/2026/report.docx` } as const;
      case 'kpis': return { method: 'GET', url: `${p}/kpis` } as const;
      case 'kval': return { method: 'PUT', url: `${p}/kpis/xnk-growth/values`, payload: { year: 2026, value: 15.5, note: who } } as const;
      case 'dels': return { method: 'GET', url: `${p}/delegations` } as const;
      case '+del': return { method: 'POST', url: `${p}/delegations`, payload: { direction: 'incoming', purposeVi: `Đoàn Văn Sơn (${who})`, counterpartVi: 'Chính quyền châu Văn Sơn' } } as const;
      case '+plan': return { method: 'POST', url: '/api/v1/plans', payload: { number: null, issuedOn: null, issuer: 'tq-ubnd', province: 'TQ', titleVi: `Kế hoạch thử (${who})` } } as const;
      case 'ntf': return { method: 'GET', url: '/api/v1/notifications' } as const;
      case 'outbox': return { method: 'GET', url: '/api/v1/notifications/outbox' } as const;
      default: throw new Error(`no request for column ${route}`);
    }
  }

  it.each(MATRIX)('$user gets exactly its row', async ({ user: who, row }) => {
    const actual: Record<string, string> = {};
    for (const route of ROUTES) {
      const req = await request(route, who);
      const write = req.method !== 'GET';
      const before = write ? await databaseFingerprint(t.db, EXCEPT) : null;
      const headers = { ...('headers' in req ? req.headers : {}), ...(cookies.has(who) ? { cookie: cookies.get(who)! } : {}) };
      const res = await t.app.inject({ method: req.method, url: req.url, headers, ...('payload' in req ? { payload: req.payload as object } : {}) });
      let cell = String(res.statusCode);
      if (res.statusCode >= 400) {
        cell += ` ${res.json().code}`;
        if (before && JSON.stringify(await databaseFingerprint(t.db, EXCEPT)) !== JSON.stringify(before)) cell += ' BUT WROTE';
      }
      actual[route] = cell;
    }
    expect(actual).toEqual(row);
  });
});
