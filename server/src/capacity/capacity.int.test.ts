import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint, dbKinds, login } from '../../test/harness';
import { startKit, submittedTrip, type Kit } from '../trips/__fixtures__/trips.testkit';
import { bookingsOverview, capacityAt } from './capacity-query';
import { seedCapacity } from './seed';
import { availability, capacityKey, capacityVersion, setDate } from './__fixtures__/capacity.testkit';

// Capacity settings and availability: the gate authority sets hourly and per-date capacity for
// its own gates (versioned, with a reason, in the history); anyone reads what is free.

const EXCEPT = ['sessions'];

describe.each(dbKinds())('crossing capacity settings on %s', (kind) => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startKit(kind, ['dn.nongsan', 'admin', 'bql.tralinh', 'bql.thanhthuy', 'lanhdao.caobang']);
  });
  afterAll(async () => kit?.t.close());

  it('spreads the day capacity over the open hours, with the reference profile’s reduced midday hours', async () => {
    const gate = (await kit.req('GET', '/api/v1/gates/tra-linh')).json();
    const day = await availability(kit, '2027-03-03');
    expect(day.open).toBe(true);
    expect(day.perDay).toBe(gate.capacity.exportPerDay);
    expect(day.hours.reduce((s, h) => s + h.capacity, 0)).toBe(day.perDay);
    expect(day.hours.map((h) => h.hour)).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
    const pinned = day.hours.filter((h) => h.pinned);
    expect(pinned.map((h) => h.hour)).toEqual([11, 12]);
    const others = day.hours.filter((h) => !h.pinned);
    expect(Math.max(...pinned.map((h) => h.capacity))).toBeLessThan(Math.min(...others.map((h) => h.capacity)));
  });

  it('opens more hours on an extended day and none on a closed day', async () => {
    const extended = await availability(kit, '2027-01-28');
    const closed = await availability(kit, '2027-02-06');
    expect(extended.hours.map((h) => h.hour)).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(extended.hours.reduce((s, h) => s + h.capacity, 0)).toBe(extended.perDay);
    expect(closed).toMatchObject({ open: false, perDay: 0, free: 0, hours: [] });
  });

  it('lets the authority pin hours of a direction; the history says who, when and why', async () => {
    const version = await capacityVersion(kit);
    const res = await kit.req('PUT', '/api/v1/gates/tra-linh/capacity/profile', 'bql.tralinh', {
      version,
      direction: 'import',
      hours: [{ hour: 8, capacity: 3 }, { hour: 7, capacity: 0 }],
      reason: 'Phía Trung Quốc giảm năng lực buổi sáng',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: version + 1, profiles: { import: [{ hour: 7, capacity: 0 }, { hour: 8, capacity: 3 }] } });
    const day = await availability(kit, '2027-03-03', 'import');
    expect(day.hours.find((h) => h.hour === 8)).toMatchObject({ capacity: 3, pinned: true });
    expect(day.hours.find((h) => h.hour === 7)).toMatchObject({ capacity: 0, pinned: true });
    expect(day.hours.reduce((s, h) => s + h.capacity, 0)).toBe(day.perDay);
    // Export is untouched.
    expect((await availability(kit, '2027-03-03', 'export')).hours.find((h) => h.hour === 8)?.pinned).toBe(false);
    const history = (await kit.req('GET', '/api/v1/gates/tra-linh/capacity/history', 'bql.tralinh')).json().items;
    expect(history[0]).toMatchObject({ scope: 'profile', direction: 'import', by: 'bql.tralinh', reason: 'Phía Trung Quốc giảm năng lực buổi sáng', after: { hours: [{ hour: 8, capacity: 3 }, { hour: 7, capacity: 0 }] } });
    const audit = await kit.t.db.selectFrom('audit_log').select(['action', 'actor_label', 'reason']).where('action', '=', 'capacity.profile_changed').execute();
    expect(audit).toEqual([{ action: 'capacity.profile_changed', actor_label: 'bql.tralinh', reason: 'Phía Trung Quốc giảm năng lực buổi sáng' }]);
  });

  it('overrides one date (day capacity and hours), then removes the override', async () => {
    await setDate(kit, '2027-03-04', { perDay: 40, hours: [{ hour: 9, capacity: 10 }] });
    const day = await availability(kit, '2027-03-04');
    expect(day.perDay).toBe(40);
    expect(day.hours.find((h) => h.hour === 9)).toMatchObject({ capacity: 10, pinned: true });
    expect(day.hours.reduce((s, h) => s + h.capacity, 0)).toBe(40);
    expect((await availability(kit, '2027-03-05')).perDay).toBe(200);
    await setDate(kit, '2027-03-04', { perDay: null, hours: [] });
    expect((await availability(kit, '2027-03-04')).perDay).toBe(200);
    const capacity = (await kit.req('GET', '/api/v1/gates/tra-linh/capacity')).json();
    expect(capacity.overrides).toEqual([]);
  });

  it('shows day capacity changes made on the gate page in the capacity history', async () => {
    const gate = (await kit.req('GET', '/api/v1/gates/tra-linh')).json();
    const res = await kit.req('PATCH', '/api/v1/gates/tra-linh', 'bql.tralinh', { version: gate.version, reason: 'Mùa vải: tăng năng lực', capacity: { exportPerDay: 260, importPerDay: 200 } });
    expect(res.statusCode).toBe(200);
    expect((await availability(kit, '2027-03-09')).perDay).toBe(260);
    const history = (await kit.req('GET', '/api/v1/gates/tra-linh/capacity/history', 'bql.tralinh')).json().items;
    // The gate page stamps its versions with the database clock, not the test clock: find, not first.
    expect(history.find((h: { scope: string }) => h.scope === 'day_capacity')).toMatchObject({ scope: 'day_capacity', by: 'bql.tralinh', reason: 'Mùa vải: tăng năng lực', before: { exportPerDay: 200 }, after: { exportPerDay: 260 } });
  });

  it('refuses a stale version, a past date and a repeated hour, writing nothing', async () => {
    const before = await databaseFingerprint(kit.t.db, EXCEPT);
    const version = await capacityVersion(kit);
    const stale = await kit.req('PUT', '/api/v1/gates/tra-linh/capacity/profile', 'bql.tralinh', { version: version - 1, direction: 'export', hours: [], reason: 'cũ rồi' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'capacity.version_conflict', currentVersion: version });
    const past = await kit.req('PUT', '/api/v1/gates/tra-linh/capacity/dates/2027-02-28', 'bql.tralinh', { version, direction: 'export', perDay: 10, hours: [], reason: 'ngày đã qua' });
    expect(past.statusCode).toBe(422);
    expect(past.json().code).toBe('capacity.date_in_past');
    const twice = await kit.req('PUT', '/api/v1/gates/tra-linh/capacity/profile', 'bql.tralinh', { version, direction: 'export', hours: [{ hour: 8, capacity: 1 }, { hour: 8, capacity: 2 }], reason: 'trùng giờ' });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().code).toBe('capacity.invalid_hours');
    const noReason = await kit.req('PUT', '/api/v1/gates/tra-linh/capacity/profile', 'bql.tralinh', { version, direction: 'export', hours: [] });
    expect(noReason.statusCode).toBe(400);
    expect(await databaseFingerprint(kit.t.db, EXCEPT)).toEqual(before);
  });

  it('lets only the authority of that gate (or an administrator) change capacity', async () => {
    const before = await databaseFingerprint(kit.t.db, EXCEPT);
    const version = await capacityVersion(kit);
    const body = { version, direction: 'export', hours: [{ hour: 9, capacity: 1 }], reason: 'thử quyền' };
    const cases: Array<[string | undefined, number, string]> = [
      [undefined, 401, 'auth.unauthenticated'],
      ['dn.nongsan', 403, 'auth.forbidden'],
      ['lanhdao.caobang', 403, 'auth.forbidden'],
      ['bql.thanhthuy', 403, 'auth.out_of_scope'],
    ];
    for (const [who, status, code] of cases) {
      const res = await kit.req('PUT', '/api/v1/gates/tra-linh/capacity/profile', who, body);
      expect([who, res.statusCode, res.json().code]).toEqual([who, status, code]);
      const date = await kit.req('PUT', '/api/v1/gates/tra-linh/capacity/dates/2027-03-10', who, { ...body, perDay: 1 });
      expect([who, date.statusCode, date.json().code]).toEqual([who, status, code]);
    }
    const history = await kit.req('GET', '/api/v1/gates/tra-linh/capacity/history', 'dn.nongsan');
    expect(history.statusCode).toBe(403);
    expect((await kit.req('GET', '/api/v1/gates/tra-linh/capacity/history', 'bql.thanhthuy')).json().code).toBe('auth.out_of_scope');
    expect(await databaseFingerprint(kit.t.db, EXCEPT)).toEqual(before);
    // The administrator acts at every gate.
    const admin = await kit.req('PUT', '/api/v1/gates/thanh-thuy/capacity/profile', 'admin', { version: await capacityVersion(kit, 'thanh-thuy'), direction: 'export', hours: [], reason: 'quản trị' });
    expect(admin.statusCode).toBe(200);
  });

  it('replays a retried change with the same idempotency key, once', async () => {
    const key = capacityKey();
    const body = { version: await capacityVersion(kit), direction: 'export', perDay: 150, hours: [], reason: 'thử lại' };
    const first = await kit.req('PUT', '/api/v1/gates/tra-linh/capacity/dates/2027-03-11', 'bql.tralinh', body, { 'idempotency-key': key });
    const again = await kit.req('PUT', '/api/v1/gates/tra-linh/capacity/dates/2027-03-11', 'bql.tralinh', body, { 'idempotency-key': key });
    expect(first.statusCode).toBe(200);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().version).toBe(first.json().version);
    const changes = await kit.t.db.selectFrom('capacity_changes').select('id').where('day', '=', '2027-03-11').execute();
    expect(changes).toHaveLength(1);
  });

  it('answers availability and the overview to anyone, and 404 for an unknown gate', async () => {
    const overview = await kit.req('GET', '/api/v1/gates/tra-linh/bookings-overview?days=3');
    expect(overview.statusCode).toBe(200);
    expect(overview.json()).toMatchObject({ gateId: 'tra-linh', from: '2027-03-01' });
    expect(overview.json().items.map((i: { date: string; direction: string }) => `${i.date} ${i.direction}`)).toEqual([
      '2027-03-01 export', '2027-03-01 import', '2027-03-02 export', '2027-03-02 import', '2027-03-03 export', '2027-03-03 import',
    ]);
    expect((await kit.req('GET', '/api/v1/gates/no-such-gate/availability?date=2027-03-03&direction=export')).statusCode).toBe(404);
    expect((await kit.req('GET', '/api/v1/gates/tra-linh/availability?date=2027-13-03&direction=export')).statusCode).toBe(400);
    kit.cookies['haiquan.tralinh'] = await login(kit.t.app, 'haiquan.tralinh');
    expect((await kit.req('GET', '/api/v1/gates/tra-linh/capacity', 'haiquan.tralinh')).statusCode).toBe(200);
  });

  it('answers the contract used by the yards and the board from the same model', async () => {
    const day = await availability(kit, '2027-03-03');
    const at = await capacityAt(kit.t.db, 'tra-linh', 'export', new Date('2027-03-03T02:30:00Z')); // 09:30 in Vietnam
    expect(at).toMatchObject({ date: '2027-03-03', hour: 9, open: true, perDay: day.perDay, perHour: day.hours.find((h) => h.hour === 9)!.capacity });
    expect(await capacityAt(kit.t.db, 'tra-linh', 'export', new Date('2027-03-03T13:00:00Z'))).toMatchObject({ hour: 20, open: false, perHour: 0 });
    await submittedTrip(kit);
    const overview = await bookingsOverview(kit.t.db, 'tra-linh', '2027-03-03', 1);
    expect(overview).toEqual([
      { date: '2027-03-03', direction: 'export', capacity: day.perDay, booked: day.booked + 1 },
      { date: '2027-03-03', direction: 'import', capacity: (await availability(kit, '2027-03-03', 'import')).perDay, booked: 0 },
    ]);
  });

  it('seeds again without changing anything: profiles load once, the authority’s edits win', async () => {
    const before = await databaseFingerprint(kit.t.db, EXCEPT);
    expect(await seedCapacity(kit.t.db)).toMatch(/^hourly profiles: 0 gates; bookings backfilled: 0/);
    expect(await databaseFingerprint(kit.t.db, EXCEPT)).toEqual(before);
    const seeded = await kit.t.db.selectFrom('capacity_changes').select(['gate_id', 'direction']).where('changed_by_label', '=', 'system:reference-data').where('gate_id', '=', 'tra-linh').execute();
    expect(seeded).toHaveLength(2);
  });
});
