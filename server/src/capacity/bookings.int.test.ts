import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint, dbKinds, login } from '../../test/harness';
import { addDriver, addVehicle, durianLine, furnitureLine, paidTrip, startKit, submittedTrip, tripBody, type Kit } from '../trips/__fixtures__/trips.testkit';
import { availability, bookingOf, counterProblems, onlyHours, setDate } from './__fixtures__/capacity.testkit';
import { runBookingJob } from './no-shows';

// Bookings follow the declaration: submitting books a window, amending moves it atomically,
// ending gives it back, and a truck that never comes is a no-show. Every test ends with the
// counters equal to the bookings that hold capacity.

const EXCEPT = ['sessions'];

describe.each(dbKinds())('crossing bookings on %s', (kind) => {
  let kit: Kit;
  const trips: Record<string, { id: string; version: number }> = {};
  beforeAll(async () => {
    kit = await startKit(kind, ['dn.nongsan', 'dn.thanhthuy', 'admin', 'bql.tralinh', 'bql.thanhthuy', 'haiquan.tralinh', 'lanhdao.caobang']);
    // Day 2027-03-05: only three hours take trucks, 1 + 1 + 2.
    await setDate(kit, '2027-03-05', { hours: onlyHours({ 8: 1, 9: 1, 10: 2 }) });
  });
  afterAll(async () => kit?.t.close());

  async function draft(overrides: Record<string, unknown> = {}) {
    const body = tripBody(await addVehicle(kit), await addDriver(kit), overrides);
    const res = await kit.req('POST', '/api/v1/trips', 'dn.nongsan', body);
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; version: number };
  }
  const submit = (t: { id: string; version: number }) => kit.req('POST', `/api/v1/trips/${t.id}/submit`, 'dn.nongsan', { version: t.version });
  const amend = (id: string, version: number, changes: Record<string, unknown>) => kit.req('PATCH', `/api/v1/trips/${id}`, 'dn.nongsan', { version, reason: 'Đổi giờ qua cửa khẩu', ...changes });

  it('books the first hour of the window when a trip is submitted, for the trip’s readers to see', async () => {
    const trip = await submittedTrip(kit);
    const booking = await bookingOf(kit, trip.id);
    expect(booking.current).toMatchObject({ status: 'active', gateId: 'tra-linh', direction: 'export', date: '2027-03-03', hour: 8, slotFrom: '08:00', slotTo: '09:00', window: { from: '08:00', to: '11:00' } });
    expect((await availability(kit, '2027-03-03')).hours.find((h) => h.hour === 8)?.booked).toBe(1);
    const events = await kit.t.db.selectFrom('domain_events').select(['type', 'gate_id', 'direction', 'payload']).where('trip_id', '=', trip.id).where('type', 'like', 'booking.%').execute();
    expect(events).toEqual([{ type: 'booking.created', gate_id: 'tra-linh', direction: 'export', payload: expect.objectContaining({ enterpriseId: kit.enterpriseIds.nongsan, date: '2027-03-03', hour: 8 }) }]);
    expect((await kit.req('GET', `/api/v1/trips/${trip.id}/booking`, 'haiquan.tralinh')).statusCode).toBe(200);
    expect((await kit.req('GET', `/api/v1/trips/${trip.id}/booking`, 'dn.thanhthuy')).statusCode).toBe(404);
    expect((await kit.req('GET', `/api/v1/trips/${trip.id}/booking`)).statusCode).toBe(401);
    expect(await counterProblems(kit.t)).toEqual([]);
  });

  it('never books an hour of today that is already over', async () => {
    // The clock reads 08:00 in Vietnam on 2027-03-01: the 07:00 hour has passed.
    const trip = await submittedTrip(kit, 'dn.nongsan', { plannedDate: '2027-03-01', window: { from: '07:00', to: '10:00' } });
    expect((await bookingOf(kit, trip.id)).current).toMatchObject({ date: '2027-03-01', hour: 8 });
  });

  it('refuses a full window with the nearest free windows, writing nothing', async () => {
    trips.a = await draft({ plannedDate: '2027-03-05', window: { from: '08:00', to: '10:00' } });
    trips.b = await draft({ plannedDate: '2027-03-05', window: { from: '08:00', to: '10:00' } });
    const c = await draft({ plannedDate: '2027-03-05', window: { from: '08:00', to: '10:00' } });
    expect((await submit(trips.a)).statusCode).toBe(200);
    expect((await submit(trips.b)).statusCode).toBe(200);
    expect((await bookingOf(kit, trips.a.id)).current.hour).toBe(8);
    expect((await bookingOf(kit, trips.b.id)).current.hour).toBe(9);
    const before = await databaseFingerprint(kit.t.db, EXCEPT);
    const res = await submit(c);
    expect(res.statusCode).toBe(422);
    const problem = res.json();
    expect(problem.code).toBe('capacity.window_full');
    // Same day first (10:00 still has two), then the same time on the following days.
    expect(problem.alternatives[0]).toEqual({ date: '2027-03-05', hour: 10, from: '10:00', to: '11:00', free: 2 });
    expect(problem.alternatives[1]).toMatchObject({ date: '2027-03-06', hour: 8 });
    expect(problem.errors).toEqual([{ path: '/window', code: 'capacity.window_full', message: { vi: expect.stringContaining('2027-03-05 10:00–11:00'), en: expect.stringContaining('2027-03-05 10:00–11:00') } }]);
    expect(await databaseFingerprint(kit.t.db, EXCEPT)).toEqual(before);
  });

  it('rebooks atomically when an amendment moves the window; a full new window keeps the old booking', async () => {
    const before = await databaseFingerprint(kit.t.db, EXCEPT);
    const full = await amend(trips.a.id, 2, { window: { from: '09:00', to: '10:00' } });
    expect(full.statusCode).toBe(422);
    expect(full.json().code).toBe('capacity.window_full');
    expect(await databaseFingerprint(kit.t.db, EXCEPT)).toEqual(before);
    expect((await bookingOf(kit, trips.a.id)).current).toMatchObject({ status: 'active', hour: 8 });

    const moved = await amend(trips.a.id, 2, { window: { from: '10:00', to: '11:00' } });
    expect(moved.statusCode).toBe(200);
    const after = await bookingOf(kit, trips.a.id);
    expect(after.items.map((b: { hour: number; status: string; statusReason: string | null }) => [b.hour, b.status, b.statusReason])).toEqual([[10, 'active', null], [8, 'released', 'rebooked']]);
    const day = await availability(kit, '2027-03-05');
    expect(day.hours.filter((h) => h.capacity > 0).map((h) => [h.hour, h.booked])).toEqual([[8, 0], [9, 1], [10, 1]]);

    // A change that keeps the booked hour inside the window keeps the booking.
    const widened = await amend(trips.a.id, 3, { window: { from: '10:00', to: '12:00' } });
    expect(widened.statusCode).toBe(200);
    const kept = await bookingOf(kit, trips.a.id);
    expect(kept.current).toMatchObject({ id: after.current.id, hour: 10, window: { from: '10:00', to: '12:00' } });

    // Another day: the booking moves with the trip.
    expect((await amend(trips.a.id, 4, { plannedDate: '2027-03-08', window: { from: '13:00', to: '15:00' } })).statusCode).toBe(200);
    expect((await bookingOf(kit, trips.a.id)).current).toMatchObject({ date: '2027-03-08', hour: 13 });
    expect((await availability(kit, '2027-03-05')).booked).toBe(1);
    expect(await counterProblems(kit.t)).toEqual([]);
  });

  it('gives the window back when the trip is cancelled', async () => {
    const res = await kit.req('POST', `/api/v1/trips/${trips.b.id}/cancel`, 'dn.nongsan', { version: 2, reason: 'Khách hủy đơn hàng' });
    expect(res.statusCode).toBe(200);
    expect((await bookingOf(kit, trips.b.id)).items[0]).toMatchObject({ status: 'released', statusReason: 'trip cancelled' });
    expect((await availability(kit, '2027-03-05')).hours.find((h) => h.hour === 9)).toMatchObject({ booked: 0, free: 1 });
    const released = await kit.t.db.selectFrom('domain_events').select('type').where('trip_id', '=', trips.b.id).where('type', '=', 'booking.released').execute();
    expect(released).toHaveLength(1);
    expect(await counterProblems(kit.t)).toEqual([]);
  });

  it('keeps existing bookings when the authority cuts an hour below them, and takes no more', async () => {
    const first = await submittedTrip(kit, 'dn.nongsan', { plannedDate: '2027-03-15', window: { from: '08:00', to: '09:00' } });
    await submittedTrip(kit, 'dn.nongsan', { plannedDate: '2027-03-15', window: { from: '08:00', to: '09:00' } });
    await setDate(kit, '2027-03-15', { hours: [{ hour: 8, capacity: 1 }] });
    expect((await availability(kit, '2027-03-15')).hours.find((h) => h.hour === 8)).toMatchObject({ capacity: 1, booked: 2, free: 0 });
    expect(await counterProblems(kit.t)).toEqual([]);
    const late = await draft({ plannedDate: '2027-03-15', window: { from: '08:00', to: '09:00' } });
    expect((await submit(late)).json().code).toBe('capacity.window_full');
    expect((await kit.req('POST', `/api/v1/trips/${first.id}/cancel`, 'dn.nongsan', { version: first.version, reason: 'Giảm chuyến' })).statusCode).toBe(200);
    expect((await submit(late)).json().code).toBe('capacity.window_full');
    expect(await counterProblems(kit.t)).toEqual([]);
  });

  it('refuses a day without capacity, with the next days that have some', async () => {
    await setDate(kit, '2027-03-09', { perDay: 0 });
    const t = await draft({ plannedDate: '2027-03-09' });
    const before = await databaseFingerprint(kit.t.db, EXCEPT);
    const res = await submit(t);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'capacity.no_capacity', errors: [{ path: '/plannedDate', code: 'capacity.no_capacity' }] });
    expect(res.json().alternatives[0]).toMatchObject({ date: '2027-03-10', hour: 8 });
    expect(await databaseFingerprint(kit.t.db, EXCEPT)).toEqual(before);
  });

  it('takes only fruit on a fruit-only day and nothing on a closed day', async () => {
    const gate = (await kit.req('GET', '/api/v1/gates/tra-linh')).json();
    const specialDays = [
      ...gate.specialDays,
      { date: '2027-03-12', kind: 'fruit_only', opens: null, closes: null, nameVi: 'Ngày ưu tiên trái cây', nameEn: 'Fruit only', nameZh: null },
      { date: '2027-03-13', kind: 'closed', opens: null, closes: null, nameVi: 'Đóng cửa bảo trì', nameEn: 'Closed for works', nameZh: null },
    ];
    const put = await kit.req('PUT', '/api/v1/gates/tra-linh/calendar', 'bql.tralinh', { version: gate.version, reason: 'Thêm ngày đặc biệt', weeklyHours: gate.weeklyHours, specialDays });
    expect(put.statusCode).toBe(200);
    expect(await availability(kit, '2027-03-12')).toMatchObject({ fruitOnly: true, open: true });
    expect(await availability(kit, '2027-03-13')).toMatchObject({ open: false, perDay: 0 });

    const furniture = await draft({ plannedDate: '2027-03-12', cargoLines: [furnitureLine()] });
    const closed = await draft({ plannedDate: '2027-03-13' });
    const before = await databaseFingerprint(kit.t.db, EXCEPT);
    const refusedFruit = await submit(furniture);
    const refusedClosed = await submit(closed);
    expect([refusedFruit.statusCode, refusedClosed.statusCode]).toEqual([422, 422]);
    expect(refusedFruit.json().errors.map((e: { code: string }) => e.code)).toContain('trips.fruit_only_day');
    expect(refusedClosed.json().errors.map((e: { code: string }) => e.code)).toContain('trips.gate_closed');
    expect(await databaseFingerprint(kit.t.db, EXCEPT)).toEqual(before);

    const durian = await draft({ plannedDate: '2027-03-12', cargoLines: [durianLine()] });
    expect((await submit(durian)).statusCode).toBe(200);
    expect((await bookingOf(kit, durian.id)).current).toMatchObject({ date: '2027-03-12', status: 'active' });
  });

  it('marks a booking used when the truck arrives, and a no-show after the grace period', async () => {
    // The demo trips' windows (real dates, long before this test's clock) are no-shows already.
    await runBookingJob(kit.t.db, kit.clock.now);
    const missed = await paidTrip(kit, 'dn.nongsan', { plannedDate: '2027-03-02', window: { from: '08:00', to: '09:00' } });
    const arrived = await paidTrip(kit, 'dn.nongsan', { plannedDate: '2027-03-02', window: { from: '08:00', to: '09:00' } });
    // The yard records the arrival (yards capability); here the trip's status is set as it would.
    await kit.t.db.updateTable('trips').set({ status: 'checked_in' }).where('id', '=', arrived.id).execute();

    kit.clock.now = new Date('2027-03-02T02:59:00Z'); // 09:59 in Vietnam: 59 minutes after the window
    expect(await runBookingJob(kit.t.db, kit.clock.now)).toEqual({ used: 1, noShows: 0 });
    kit.clock.now = new Date('2027-03-02T03:01:00Z');
    expect(await runBookingJob(kit.t.db, kit.clock.now)).toEqual({ used: 0, noShows: 1 });
    expect(await runBookingJob(kit.t.db, kit.clock.now)).toEqual({ used: 0, noShows: 0 });
    for (const who of ['dn.nongsan', 'dn.thanhthuy', 'bql.tralinh', 'bql.thanhthuy', 'lanhdao.caobang']) kit.cookies[who] = await login(kit.t.app, who);

    expect((await bookingOf(kit, arrived.id)).current).toMatchObject({ status: 'used' });
    expect((await bookingOf(kit, missed.id)).items[0]).toMatchObject({ status: 'no_show' });
    expect((await kit.req('GET', `/api/v1/trips/${missed.id}`, 'dn.nongsan')).json().status).toBe('paid');
    const timeline = (await kit.req('GET', `/api/v1/trips/${missed.id}/timeline`, 'dn.nongsan')).json().items;
    expect(timeline.filter((e: { action: string }) => e.action === 'booking_no_show')).toEqual([
      expect.objectContaining({ fromStatus: 'paid', toStatus: 'paid', actor: 'system:capacity-no-show' }),
    ]);
    const notices = await kit.t.db.selectFrom('notifications').select(['kind', 'link']).where('user_id', '=', kit.userIds['dn.nongsan']).where('entity_id', '=', missed.id).execute();
    expect(notices).toEqual([{ kind: 'booking_no_show', link: `/trips/${missed.id}` }]);
    const day = await availability(kit, '2027-03-02');
    expect(day.hours.find((h) => h.hour === 8)?.booked).toBe(1);
    expect(await counterProblems(kit.t)).toEqual([]);

    // The enterprise books again by amending the window.
    const trip = (await kit.req('GET', `/api/v1/trips/${missed.id}`, 'dn.nongsan')).json();
    expect((await amend(missed.id, trip.version, { plannedDate: '2027-03-04', window: { from: '08:00', to: '09:00' } })).statusCode).toBe(200);
    expect((await bookingOf(kit, missed.id)).current).toMatchObject({ date: '2027-03-04', status: 'active' });

    const report = await kit.req('GET', '/api/v1/capacity/no-shows?days=30', 'bql.tralinh');
    expect(report.statusCode).toBe(200);
    const nongsan = report.json().items.find((i: { enterpriseId: string }) => i.enterpriseId === kit.enterpriseIds.nongsan);
    expect(nongsan.trips).toContainEqual(expect.objectContaining({ tripId: missed.id, gateId: 'tra-linh', date: '2027-03-02', hour: 8 }));
    expect(nongsan.noShows).toBe(nongsan.trips.length);
    expect(report.json().items.flatMap((i: { trips: Array<{ gateId: string }> }) => i.trips.map((t) => t.gateId))).toEqual(expect.arrayContaining(['tra-linh']));
    const elsewhere = (await kit.req('GET', '/api/v1/capacity/no-shows', 'bql.thanhthuy')).json().items;
    expect(elsewhere.flatMap((i: { trips: Array<{ gateId: string }> }) => i.trips.map((t) => t.gateId)).every((g: string) => g === 'thanh-thuy')).toBe(true);
    expect((await kit.req('GET', '/api/v1/capacity/no-shows?gateId=tra-linh', 'bql.thanhthuy')).json().code).toBe('auth.out_of_scope');
    const everywhere = (await kit.req('GET', '/api/v1/capacity/no-shows', 'lanhdao.caobang')).json().items;
    expect(everywhere.find((i: { enterpriseId: string }) => i.enterpriseId === kit.enterpriseIds.nongsan).trips).toContainEqual(expect.objectContaining({ tripId: missed.id }));
    expect((await kit.req('GET', '/api/v1/capacity/no-shows', 'dn.nongsan')).statusCode).toBe(403);
    expect(await counterProblems(kit.t)).toEqual([]);
  });
});
