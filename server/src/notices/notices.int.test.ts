import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint, dbKinds, login } from '../../test/harness';
import { CROSSING_DATE, paidTrip, START, startKit, submittedTrip, type Kit } from '../trips/__fixtures__/trips.testkit';
import { notifyAffected } from './affected';
import { expireNotices } from './expire-notices';
import { noticesCapability } from './index';
import { findNoticeRow, withGates } from './notices.repository';

// Notices: the workflow and the actions it allows, all three languages before publishing, the
// authority's gate scope, the public list (published and current only) and the notification of
// the enterprises whose trips a notice touches (once per person).

const EXCEPT = ['sessions', 'auth_throttle'];

describe.each(dbKinds())('gate notices on %s', (kind) => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startKit(kind, ['dn.nongsan', 'dn.thanhthuy', 'admin', 'bql.tralinh', 'bql.thanhthuy', 'lanhdao.caobang']);
  });
  afterAll(async () => kit?.t.close());

  // The default trip crosses Trà Lĩnh on 3 March 2027, 08:00–11:00 in Vietnam.
  const body = (overrides: Record<string, unknown> = {}) => ({
    kind: 'closure',
    severity: 'critical',
    gateIds: ['tra-linh'],
    validFrom: `${CROSSING_DATE}T00:00:00+07:00`,
    validTo: `${CROSSING_DATE}T12:00:00+07:00`,
    title: { vi: 'Tạm dừng thông quan buổi sáng', en: 'Clearance suspended in the morning', zh: '上午暂停通关' },
    body: { vi: 'Sửa chữa cầu.', en: 'Bridge repairs.', zh: '桥梁维修。' },
    ...overrides,
  });
  const create = async (overrides: Record<string, unknown> = {}, who = 'bql.tralinh') => {
    const res = await kit.req('POST', '/api/v1/notices', who, body(overrides));
    if (res.statusCode !== 201) throw new Error(`create notice: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const publish = (n: { id: string; version: number }, who = 'bql.tralinh') => kit.req('POST', `/api/v1/notices/${n.id}/publish`, who, { version: n.version });
  const publicIds = async (query = '') => (await kit.req('GET', `/api/v1/public/notices${query}`)).json().items.map((n: { id: string }) => n.id);

  it('runs draft → published → withdrawn, offering exactly the actions the table allows, with history, audit and events', async () => {
    const draft = await create({ title: { vi: 'Chỉ tiếng Việt' }, body: { vi: 'Nội dung' } });
    expect(draft).toMatchObject({ status: 'draft', version: 1, allowedActions: ['edit', 'publish', 'withdraw'], missingTranslations: ['title.en', 'title.zh', 'body.en', 'body.zh'] });
    expect(draft.gates.map((g: { id: string }) => g.id)).toEqual(['tra-linh']);

    // Chinese-reading drivers must be able to read it: no publication without en and zh.
    const before = await databaseFingerprint(kit.t.db, EXCEPT);
    const refused = await publish(draft);
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'notices.translation_missing' });
    expect(refused.json().errors.map((e: { path: string }) => e.path)).toEqual(['/title/en', '/title/zh', '/body/en', '/body/zh']);
    expect(await databaseFingerprint(kit.t.db, EXCEPT)).toEqual(before);

    const edited = await kit.req('PATCH', `/api/v1/notices/${draft.id}`, 'bql.tralinh', { version: 1, title: body().title, body: { vi: 'Nội dung', en: 'Text' } });
    expect(edited.json()).toMatchObject({ version: 2, missingTranslations: ['body.zh'] });
    const stale = await publish(draft);
    expect(stale.json()).toMatchObject({ code: 'notices.version_conflict', currentVersion: 2 });
    const edited2 = await kit.req('PATCH', `/api/v1/notices/${draft.id}`, 'bql.tralinh', { version: 2, body: { vi: 'Nội dung', en: 'Text', zh: '内容' } });
    const published = await publish(edited2.json());
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', version: 4, allowedActions: ['withdraw'], publishedAt: START.toISOString() });

    const editPublished = await kit.req('PATCH', `/api/v1/notices/${draft.id}`, 'bql.tralinh', { version: 4, severity: 'info' });
    expect(editPublished.statusCode).toBe(409);
    expect(editPublished.json()).toMatchObject({ code: 'notices.invalid_transition', allowedActions: ['withdraw'] });

    const withdrawn = await kit.req('POST', `/api/v1/notices/${draft.id}/withdraw`, 'bql.tralinh', { version: 4, reason: 'Cầu đã sửa xong sớm' });
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', allowedActions: [], endedAt: START.toISOString() });
    const again = await kit.req('POST', `/api/v1/notices/${draft.id}/withdraw`, 'bql.tralinh', { version: 5, reason: 'Lần hai' });
    expect(again.json()).toMatchObject({ code: 'notices.invalid_transition', allowedActions: [] });

    const history = (await kit.req('GET', `/api/v1/notices/${draft.id}/history`, 'bql.tralinh')).json().items;
    expect(history.map((e: { action: string; toStatus: string }) => `${e.action}>${e.toStatus}`)).toEqual(['created>draft', 'edited>draft', 'edited>draft', 'published>published', 'withdrawn>withdrawn']);
    expect(history.at(-1)).toMatchObject({ actor: 'bql.tralinh', reason: 'Cầu đã sửa xong sớm' });
    const audit = await kit.t.db.selectFrom('audit_log').select('action').where('entity_id', '=', draft.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['notice.created', 'notice.edited', 'notice.edited', 'notice.published', 'notice.withdrawn']);
    const events = await kit.t.db.selectFrom('domain_events').select(['type', 'gate_id', 'payload']).where(({ ref }) => ref('payload', '->>').key('noticeId'), '=', draft.id).orderBy('id').execute();
    expect(events.map((e) => `${e.type}@${e.gate_id}`)).toEqual(['notice.published@tra-linh', 'notice.withdrawn@tra-linh']);
  });

  it('creates once per idempotency key', async () => {
    const headers = { 'idempotency-key': `notice-${kind}-once` };
    const first = await kit.req('POST', '/api/v1/notices', 'bql.tralinh', body({ severity: 'info' }), headers);
    const second = await kit.req('POST', '/api/v1/notices', 'bql.tralinh', body({ severity: 'info' }), headers);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().id).toBe(first.json().id);
    const other = await kit.req('POST', '/api/v1/notices', 'bql.tralinh', body({ severity: 'warning' }), headers);
    expect(other.json().code).toBe('idempotency.key_reused');
  });

  it('keeps each authority to its own gates and refuses invalid notices with every problem listed', async () => {
    const before = await databaseFingerprint(kit.t.db, EXCEPT);
    const foreign = await kit.req('POST', '/api/v1/notices', 'bql.tralinh', body({ gateIds: ['tra-linh', 'thanh-thuy'] }));
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json()).toMatchObject({ code: 'auth.out_of_scope', gateId: 'thanh-thuy' });
    const enterprise = await kit.req('POST', '/api/v1/notices', 'dn.nongsan', body());
    expect(enterprise.json()).toMatchObject({ status: 403, code: 'auth.forbidden' });
    const leader = await kit.req('GET', '/api/v1/notices', 'lanhdao.caobang');
    expect(leader.json()).toMatchObject({ status: 403, code: 'auth.forbidden' });
    const invalid = await kit.req('POST', '/api/v1/notices', 'bql.tralinh', body({ gateIds: ['tra-linh', 'no-such-gate'], validTo: `${CROSSING_DATE}T00:00:00+07:00` }));
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().errors.map((e: { code: string; path: string }) => `${e.code} ${e.path}`)).toEqual(['notices.period_invalid /validTo', 'notices.unknown_gate /gateIds/1']);
    const noZhTitle = await kit.req('POST', '/api/v1/notices', 'bql.tralinh', { ...body(), title: { en: 'x' } });
    expect(noZhTitle.json()).toMatchObject({ status: 400, code: 'request.invalid' });
    expect(await databaseFingerprint(kit.t.db, EXCEPT)).toEqual(before);

    const mine = await create();
    for (const [method, url, payload] of [
      ['GET', `/api/v1/notices/${mine.id}`, undefined],
      ['PATCH', `/api/v1/notices/${mine.id}`, { version: 1, severity: 'info' }],
      ['POST', `/api/v1/notices/${mine.id}/publish`, { version: 1 }],
    ] as const) {
      const res = await kit.req(method, url, 'bql.thanhthuy', payload);
      expect(res.json(), `${method} ${url}`).toMatchObject({ status: 404, code: 'notices.not_found' });
    }
    expect((await kit.req('GET', '/api/v1/notices', 'bql.thanhthuy')).json().items.map((n: { id: string }) => n.id)).not.toContain(mine.id);
    expect((await kit.req('GET', '/api/v1/notices', 'bql.tralinh')).json().items.map((n: { id: string }) => n.id)).toContain(mine.id);
    // A notice over two provinces' gates is seen by both authorities, changed only by whoever holds every gate.
    const shared = await create({ gateIds: ['tra-linh', 'thanh-thuy'] }, 'admin');
    expect((await kit.req('GET', `/api/v1/notices/${shared.id}`, 'bql.thanhthuy')).json()).toMatchObject({ allowedActions: [] });
    expect((await publish(shared, 'bql.thanhthuy')).json()).toMatchObject({ status: 403, code: 'auth.out_of_scope', gateId: 'tra-linh' });
    expect((await publish(shared, 'admin')).json()).toMatchObject({ status: 'published' });
  });

  it('shows the public only published notices in force or coming, filtered by gate and province, and expires them', async () => {
    const current = await create({ validFrom: '2027-02-28T00:00:00Z', validTo: '2027-03-02T00:00:00Z' });
    const coming = await create({ validFrom: '2027-04-01T00:00:00Z', validTo: '2027-04-02T00:00:00Z', gateIds: ['ta-lung'] });
    const draft = await create({ validFrom: '2027-02-28T00:00:00Z', validTo: '2027-03-02T00:00:00Z' });
    const withdrawn = await create({ validFrom: '2027-02-28T00:00:00Z', validTo: '2027-03-02T00:00:00Z' });
    const ended = await create({ validFrom: '2027-02-20T00:00:00Z', validTo: '2027-02-21T00:00:00Z' });
    const tq = await create({ gateIds: ['thanh-thuy'] }, 'bql.thanhthuy');
    for (const n of [current, coming, withdrawn, tq]) expect((await publish(n, n === tq ? 'bql.thanhthuy' : 'bql.tralinh')).statusCode).toBe(200);
    expect((await publish(ended)).json()).toMatchObject({ status: 422, code: 'notices.period_over' });
    await kit.req('POST', `/api/v1/notices/${withdrawn.id}/withdraw`, 'bql.tralinh', { version: 2, reason: 'Nhầm ngày' });

    const all = await publicIds();
    expect(all).toEqual(expect.arrayContaining([current.id, coming.id, tq.id]));
    for (const hidden of [draft.id, withdrawn.id, ended.id]) expect(all).not.toContain(hidden);
    const cb = await publicIds('?province=CB');
    expect(cb).toEqual(expect.arrayContaining([current.id, coming.id]));
    expect(cb).not.toContain(tq.id);
    const taLung = await publicIds('?gateId=ta-lung');
    expect(taLung).toContain(coming.id);
    expect(taLung).not.toContain(current.id);
    const one = (await kit.req('GET', `/api/v1/public/notices/${coming.id}`)).json();
    expect(one).toMatchObject({ id: coming.id, status: 'published', title: { zh: '上午暂停通关' }, gates: [{ id: 'ta-lung', timeZone: 'Asia/Ho_Chi_Minh', counterpartTimeZone: 'Asia/Shanghai' }] });
    expect((await kit.req('GET', `/api/v1/public/notices/${draft.id}`)).json()).toMatchObject({ status: 404, code: 'notices.not_found' });

    // Once its period is over a notice leaves the public list at once, and the job marks it expired.
    expect(noticesCapability.jobs?.map((j) => j.name)).toContain('notices.expiry');
    kit.clock.now = new Date('2027-03-02T00:00:01Z');
    try {
      expect(await publicIds()).not.toContain(current.id);
      expect(await expireNotices(kit.t.db, kit.clock.now)).toBeGreaterThanOrEqual(1);
      expect(await expireNotices(kit.t.db, kit.clock.now)).toBe(0);
      const expired = (await kit.req('GET', `/api/v1/notices/${current.id}`, 'bql.tralinh')).json();
      expect(expired).toMatchObject({ status: 'expired', allowedActions: [] });
      const types = await kit.t.db.selectFrom('domain_events').select('type').where(({ ref }) => ref('payload', '->>').key('noticeId'), '=', current.id).orderBy('id').execute();
      expect(types.map((t) => t.type)).toEqual(['notice.published', 'notice.expired']);
    } finally {
      kit.clock.now = new Date(START);
    }
  });

  it('notifies the enterprises whose trips fall in the period, once per person, and shows the notice on those trips', async () => {
    await kit.t.db.updateTable('users').set({ email: 'mai@nongsan.example', phone: '+84 912 000 111' }).where('username', '=', 'dn.nongsan').execute();
    const inPeriod = await paidTrip(kit);
    const later = await submittedTrip(kit, 'dn.nongsan', { plannedDate: '2027-03-10' });
    const elsewhere = await submittedTrip(kit, 'dn.thanhthuy', { gateId: 'thanh-thuy', plannedDate: CROSSING_DATE, cargoLines: [{ hsCode: '0714.10.11', description: 'Sắn lát khô', packages: 100, packageKind: 'bao', quantity: 5000, unit: 'KGM', grossWeightKg: 5100, declaredValue: 1500, currency: 'USD', origin: 'VN', perishable: false }] });
    const notice = await create({ severity: 'warning', kind: 'restriction' });
    expect((await publish(notice)).statusCode).toBe(200);

    const notified = await kit.t.db
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.user_id')
      .select('users.username')
      .where('notifications.entity_id', '=', notice.id)
      .orderBy('users.username')
      .execute();
    expect(notified.map((n) => n.username)).toEqual(['dn.nongsan', 'nv.nongsan']);
    const outbox = await kit.t.db.selectFrom('notification_outbox').select(['channel', 'recipient']).where('dedupe_key', '=', `gate-notice:${notice.id}`).orderBy('channel').execute();
    expect(outbox).toEqual([{ channel: 'email', recipient: 'mai@nongsan.example' }, { channel: 'sms', recipient: '+84 912 000 111' }]);
    const published = (await kit.req('GET', `/api/v1/notices/${notice.id}/history`, 'bql.tralinh')).json().items.at(-1);
    expect(published).toMatchObject({ action: 'published' });

    // Running the notification again (a retry, a second process) reaches nobody twice.
    const again = await kit.t.db.transaction().execute(async (tx) => notifyAffected(tx, (await withGates(tx, [(await findNoticeRow(tx, notice.id))!]))[0], kit.clock.now));
    expect(again).toMatchObject({ enterprises: 1, users: 2, inApp: 0, messages: 0 });
    expect(again.trips).toBeGreaterThanOrEqual(1);

    const onTrip = (await kit.req('GET', `/api/v1/trips/${inPeriod.id}/notices`, 'dn.nongsan')).json();
    expect(onTrip.items.map((n: { id: string }) => n.id)).toContain(notice.id);
    expect(onTrip.window).toEqual({ from: `${CROSSING_DATE}T01:00:00.000Z`, to: `${CROSSING_DATE}T04:00:00.000Z` });
    expect((await kit.req('GET', `/api/v1/trips/${later.id}/notices`, 'dn.nongsan')).json().items.map((n: { id: string }) => n.id)).not.toContain(notice.id);
    expect((await kit.req('GET', `/api/v1/trips/${elsewhere.id}/notices`, 'dn.thanhthuy')).json().items.map((n: { id: string }) => n.id)).not.toContain(notice.id);
    expect((await kit.req('GET', `/api/v1/trips/${inPeriod.id}/notices`, 'dn.thanhthuy')).json()).toMatchObject({ status: 404, code: 'trips.not_found' });
    const signedOut = await kit.t.app.inject({ method: 'GET', url: `/api/v1/trips/${inPeriod.id}/notices` });
    expect(signedOut.statusCode).toBe(401);
    void login;
  });
});
