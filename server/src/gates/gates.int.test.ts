import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../db/seed';
import { createTestApp, dbKinds, login, testClock, type TestApp } from '../../test/harness';

// Every gate and crossing of domain.md §3, written out by hand from the brief.
const DOMAIN_GATES: Record<string, { province: 'CB' | 'TQ'; counterpartZh?: string }> = {
  'tra-linh': { province: 'CB', counterpartZh: '龙邦' },
  'na-doong': { province: 'CB' },
  'soc-giang': { province: 'CB', counterpartZh: '平孟' },
  'ly-van': { province: 'CB', counterpartZh: '硕龙' },
  'ban-khoong': { province: 'CB' },
  'po-peo': { province: 'CB', counterpartZh: '岳圩' },
  'dinh-phong': { province: 'CB' },
  'ha-lang': { province: 'CB', counterpartZh: '科甲' },
  'na-lan': { province: 'CB' },
  'pac-bo': { province: 'CB' },
  'ta-lung': { province: 'CB', counterpartZh: '水口' },
  'thanh-thuy': { province: 'TQ', counterpartZh: '天保' },
  'thanh-thuy-goods-road': { province: 'TQ' },
  'xin-man': { province: 'TQ', counterpartZh: '都龙' },
  'sam-pun': { province: 'TQ', counterpartZh: '田蓬' },
  'lung-lan': { province: 'TQ' },
  'pho-bang': { province: 'TQ', counterpartZh: '董干' },
};

describe.each(dbKinds())('gate registry on %s', (kind) => {
  let t: TestApp;
  let authority: string;
  // 2027-02-08 10:00 in Vietnam: inside the Tết closure of the reference calendar.
  const clock = testClock(new Date('2027-02-08T03:00:00Z'));
  beforeAll(async () => {
    t = await createTestApp(kind, {}, clock);
    authority = await login(t.app, 'bql.tralinh');
  });
  afterAll(async () => t?.close());

  const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

  it('lists every gate of the brief, publicly, with names in three scripts and both time zones', async () => {
    const res = await get('/api/v1/gates');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<Record<string, any>>;
    expect(items.map((g) => g.id).sort()).toEqual(Object.keys(DOMAIN_GATES).sort());
    for (const g of items) {
      expect(g.province).toBe(DOMAIN_GATES[g.id].province);
      expect(g.nameVi).toMatch(/\p{L}/u);
      expect(g.nameEn).toMatch(/[A-Za-z]/);
      expect(g.timeZone).toBe('Asia/Ho_Chi_Minh');
      expect(g.counterpartTimeZone).toBe('Asia/Shanghai');
      if (DOMAIN_GATES[g.id].counterpartZh) expect(g.counterpart.nameZh).toBe(DOMAIN_GATES[g.id].counterpartZh);
    }
    const crossing = items.find((g) => g.id === 'na-doong')!;
    expect(crossing.parentId).toBe('tra-linh');
    const goodsRoad = items.find((g) => g.id === 'thanh-thuy-goods-road')!;
    expect(goodsRoad).toMatchObject({ class: 'dedicated_goods_road', status: 'planned', targetYear: 2027 });
  });

  it('shows each operating gate closed during Tết and open with China-time hours on an ordinary day', async () => {
    const tet = (await get('/api/v1/gates/tra-linh')).json();
    expect(tet.today).toMatchObject({ date: '2027-02-08', open: false, special: { kind: 'closed' } });
    clock.now = new Date('2027-03-03T02:00:00Z'); // a Wednesday
    const ordinary = (await get('/api/v1/gates/tra-linh')).json();
    expect(ordinary.today.open).toBe(true);
    expect(ordinary.today.intervals).toEqual([{ opens: '07:00', closes: '19:00' }]);
    expect(ordinary.today.counterpartIntervals).toEqual([{ opens: '08:00', closes: '20:00' }]);
    expect(ordinary.upcoming).toHaveLength(14);
    expect(ordinary.weeklyHours.length).toBeGreaterThanOrEqual(5);
    expect(ordinary.specialDays.some((d: { kind: string }) => d.kind === 'pre_registered_only')).toBe(true);
    expect(ordinary.children.map((c: { id: string }) => c.id)).toContain('na-doong');
    clock.now = new Date('2027-02-08T03:00:00Z');
  });

  it('filters by province, status, class and traffic, and searches with or without diacritics', async () => {
    const ids = async (q: string) => ((await get(`/api/v1/gates?${q}`)).json().items as Array<{ id: string }>).map((g) => g.id);
    expect(await ids('province=TQ')).toEqual(expect.arrayContaining(['thanh-thuy', 'xin-man', 'sam-pun', 'lung-lan', 'pho-bang']));
    expect(await ids('province=TQ')).not.toContain('tra-linh');
    expect(await ids('status=operating')).toEqual(expect.arrayContaining(['tra-linh', 'thanh-thuy']));
    expect(await ids('class=international')).toContain('tra-linh');
    expect(await ids(`q=${encodeURIComponent('tra linh')}`)).toContain('tra-linh');
    expect(await ids(`q=${encodeURIComponent('Trà Lĩnh')}`)).toContain('tra-linh');
    expect(await ids(`q=${encodeURIComponent('龙邦')}`)).toEqual(['tra-linh']);
    expect(await ids(`q=${encodeURIComponent('%')}`)).toEqual([]);
    expect((await get('/api/v1/gates?province=HN')).statusCode).toBe(400);
  });

  it('lets the gate authority edit its gate, keeping a version with who and why', async () => {
    const before = (await get('/api/v1/gates/tra-linh')).json();
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/gates/tra-linh',
      headers: { cookie: authority },
      payload: { version: before.version, reason: 'Thỏa thuận mới với phía Long Bang', capacity: { exportPerDay: 260, importPerDay: 240 } },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: before.version + 1, capacity: { exportPerDay: 260, importPerDay: 240 } });
    const versions = (await get('/api/v1/gates/tra-linh/versions', authority)).json().items;
    expect(versions[0]).toMatchObject({ version: before.version + 1, changedBy: 'bql.tralinh', reason: 'Thỏa thuận mới với phía Long Bang' });
    expect(versions.at(-1).changedBy).toBe('system:reference-data');
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'gate.updated').where('entity_id', '=', 'tra-linh').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_role: 'gate_authority', reason: 'Thỏa thuận mới với phía Long Bang' });
    expect((audit[0].before as any).capacity.exportPerDay).toBe(before.capacity.exportPerDay);
    expect((audit[0].after as any).capacity.exportPerDay).toBe(260);
  });

  it('refuses a stale version with 409 and exactly one of two concurrent edits wins', async () => {
    const { version } = (await get('/api/v1/gates/ta-lung')).json();
    const edit = (exportPerDay: number) =>
      t.app.inject({
        method: 'PATCH',
        url: '/api/v1/gates/ta-lung',
        headers: { cookie: authority },
        payload: { version, reason: 'Điều chỉnh năng lực', capacity: { exportPerDay, importPerDay: 100 } },
      });
    const results = await Promise.all([edit(101), edit(102), edit(103)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    const conflict = results.find((r) => r.statusCode === 409)!.json();
    expect(conflict).toMatchObject({ code: 'gates.version_conflict', currentVersion: version + 1 });
    const versions = await t.db.selectFrom('gate_versions').select('version').where('gate_id', '=', 'ta-lung').execute();
    expect(versions).toHaveLength(version + 1);
  });

  it('rejects a planned status without the planned class, and writes nothing', async () => {
    const gate = (await get('/api/v1/gates/tra-linh')).json();
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/gates/tra-linh',
      headers: { cookie: authority },
      payload: { version: gate.version, reason: 'Thử trạng thái', status: 'upgrading', plannedClass: null },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('gates.invalid_change');
    expect((await get('/api/v1/gates/tra-linh')).json().version).toBe(gate.version);
  });

  it('replaces the calendar, listing every calendar problem at once', async () => {
    const gate = (await get('/api/v1/gates/tra-linh')).json();
    const put = (payload: object) => t.app.inject({ method: 'PUT', url: '/api/v1/gates/tra-linh/calendar', headers: { cookie: authority }, payload });
    const bad = await put({
      version: gate.version,
      reason: 'Lịch sai',
      weeklyHours: [{ weekday: 1, opens: '07:00', closes: '12:00' }, { weekday: 1, opens: '11:00', closes: '17:00' }, { weekday: 2, opens: '18:00', closes: '08:00' }],
      specialDays: [{ date: '2027-03-10', kind: 'special_hours', nameVi: 'Thiếu giờ' }],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['/weeklyHours', '/weeklyHours/2', '/specialDays/0']));
    const good = await put({
      version: gate.version,
      reason: 'Phía Trung Quốc đề nghị đóng cửa',
      weeklyHours: gate.weeklyHours,
      specialDays: [...gate.specialDays.filter((d: { date: string }) => d.date !== '2027-02-08'), { date: '2027-02-08', kind: 'special_hours', opens: '08:00', closes: '11:00', nameVi: 'Mở cửa buổi sáng' }],
    });
    expect(good.statusCode).toBe(200);
    expect(good.json().today).toMatchObject({ open: true, intervals: [{ opens: '08:00', closes: '11:00' }], counterpartIntervals: [{ opens: '09:00', closes: '12:00' }] });
  });

  it('keeps the authority edits when reference data is loaded again', async () => {
    await seed(t.db, { demo: true });
    const gate = (await get('/api/v1/gates/tra-linh')).json();
    expect(gate.capacity.exportPerDay).toBe(260);
  });

  it('answers 404 for an unknown gate and 400 for a malformed id', async () => {
    expect((await get('/api/v1/gates/khong-co')).json()).toMatchObject({ status: 404, code: 'gates.not_found' });
    expect((await get('/api/v1/gates/Tra%20Linh')).statusCode).toBe(400);
  });
});
