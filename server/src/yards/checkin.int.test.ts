import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint, dbKinds } from '../../test/harness';
import { at, checkIn, makeTrip, setGateCapacity, yardKit, type YardKit } from './__fixtures__/yards.testkit';

// Check-in by camera (threshold, pending readings, idempotent event id), by QR (signature, pass
// state) and by hand; trucks that may not enter are flagged and not admitted; rights.

describe.each(dbKinds())('yard check-in on %s', (kind) => {
  let kit: YardKit;
  let cameraToken: string;
  beforeAll(async () => {
    kit = await yardKit(kind);
    const token = await kit.req('POST', '/api/v1/tokens', 'bql.tralinh', { name: 'Camera cổng A', scopes: ['yards:camera'] });
    expect(token.statusCode).toBe(201);
    cameraToken = token.json().secret;
  }, 120_000);
  afterAll(async () => kit?.t.close());

  const reading = (body: Record<string, unknown>) =>
    kit.t.app.inject({ method: 'POST', url: '/api/v1/yards/camera-readings', headers: { authorization: `Bearer ${cameraToken}` }, payload: { cameraId: 'tl-a-entry', yardId: 'tra-linh-a', capturedAt: kit.clock.now.toISOString(), ...body } });

  it('checks a paid truck in from a sure camera reading, once per camera event id', async () => {
    const trip = await makeTrip(kit, { perishable: true });
    const spaced = trip.plate.replace('-', ' ').replace('.', '');
    const first = await reading({ eventId: 'cam-1', plate: spaced, confidence: 0.97 });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ outcome: 'checked_in', reading: { status: 'applied', plate: trip.plate }, trip: { tripStatus: 'checked_in', lane: { code: 'perishable' }, yard: { id: 'tra-linh-a' }, source: 'camera' } });
    const again = await reading({ eventId: 'cam-1', plate: spaced, confidence: 0.97 });
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().reading.id).toBe(first.json().reading.id);
    const visits = await kit.t.db.selectFrom('yard_visits').select('trip_id').where('trip_id', '=', trip.id).execute();
    expect(visits).toHaveLength(1);
    const events = await kit.t.db.selectFrom('domain_events').select(['type', 'payload']).where('trip_id', '=', trip.id).execute();
    expect(events.map((e) => e.type)).toEqual(['trip.checked_in']);
    expect(events[0].payload).toMatchObject({ yardId: 'tra-linh-a', lane: 'perishable', plate: trip.plate, source: 'camera' });
    // A second read of the same truck by another event changes nothing.
    const repeat = await reading({ eventId: 'cam-2', plate: trip.plate, confidence: 0.99 });
    expect(repeat.json()).toMatchObject({ outcome: 'ignored', reading: { status: 'ignored' } });
  });

  it('sends an unsure reading to an operator, who corrects the plate and so checks the truck in', async () => {
    const trip = await makeTrip(kit);
    const misread = trip.plate.replace(/\d$/, (d) => String((Number(d) + 1) % 10));
    const res = await reading({ eventId: 'cam-3', plate: misread, confidence: 0.62 });
    expect(res.json()).toMatchObject({ outcome: 'pending', trip: null, reading: { status: 'pending' } });
    expect((await kit.t.db.selectFrom('trips').select('status').where('id', '=', trip.id).executeTakeFirstOrThrow()).status).toBe('paid');
    const pending = await kit.req('GET', '/api/v1/yards/readings?gateId=tra-linh&status=pending', 'bai.tralinh');
    expect(pending.json().items.map((r: { eventId: string }) => r.eventId)).toContain('cam-3');
    const unconfirmed = await kit.t.db.selectFrom('domain_events').select('payload').where('type', '=', 'plate.unconfirmed').execute();
    expect(unconfirmed.map((e) => e.payload.readingId)).toContain(res.json().reading.id);
    const confirmed = await kit.req('POST', `/api/v1/yards/readings/${res.json().reading.id}/confirm`, 'bai.tralinh', { plate: trip.plate, reason: 'Camera đọc nhầm số cuối' });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ outcome: 'checked_in', reading: { status: 'confirmed', plate: trip.plate, resolvedBy: 'bai.tralinh' }, trip: { tripStatus: 'checked_in' } });
    const twice = await kit.req('POST', `/api/v1/yards/readings/${res.json().reading.id}/confirm`, 'bai.tralinh', {});
    expect(twice.json().code).toBe('yards.reading_not_pending');
  });

  it('flags unknown, unpaid, wrong-gate and too-early trucks instead of admitting them', async () => {
    const unpaid = await makeTrip(kit, { status: 'submitted' });
    const elsewhere = await makeTrip(kit, { gateId: 'thanh-thuy' });
    const early = await makeTrip(kit, { plannedDate: '2027-03-06' });
    const cases: Array<[string, string]> = [
      ['11C-999.98', 'unknown_plate'],
      [unpaid.plate, 'unpaid'],
      [elsewhere.plate, 'wrong_gate'],
      [early.plate, 'wrong_day'],
    ];
    for (const [i, [plate, reason]] of cases.entries()) {
      const res = await reading({ eventId: `cam-flag-${i}`, plate, confidence: 0.95 });
      expect(res.json(), plate).toMatchObject({ outcome: 'flagged', flag: { reason, status: 'open', plate } });
    }
    for (const trip of [unpaid, elsewhere, early]) {
      expect(await kit.t.db.selectFrom('yard_visits').select('trip_id').where('trip_id', '=', trip.id).executeTakeFirst()).toBeUndefined();
    }
    const flags = (await kit.req('GET', '/api/v1/yards/flags?gateId=tra-linh', 'bai.tralinh')).json().items;
    expect(flags.map((f: { reason: string }) => f.reason)).toEqual(expect.arrayContaining(['unknown_plate', 'unpaid', 'wrong_gate', 'wrong_day']));
    const flagged = await kit.t.db.selectFrom('domain_events').select('payload').where('type', '=', 'yard.flagged').execute();
    expect(flagged.map((e) => e.payload.reason)).toEqual(expect.arrayContaining(['unknown_plate', 'unpaid', 'wrong_gate', 'wrong_day']));
  });

  it('checks in by the pass QR and flags an altered or superseded pass', async () => {
    const trip = await makeTrip(kit);
    const [head, body, sig] = trip.passToken!.split('.');
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString());
    const forged = [head, Buffer.from(JSON.stringify({ ...payload, plate: '11C-000.01' })).toString('base64url'), sig].join('.');
    const bad = await kit.req('POST', '/api/v1/yards/tra-linh-a/check-ins/qr', 'bai.tralinh', { passToken: forged });
    expect(bad.json()).toMatchObject({ outcome: 'flagged', flag: { reason: 'pass_invalid', details: { verdict: 'bad_signature' } } });
    const ok = await kit.req('POST', '/api/v1/yards/tra-linh-a/check-ins/qr', 'bai.tralinh', { passToken: trip.passToken }, { 'idempotency-key': 'qr-check-in-1' });
    expect(ok.json()).toMatchObject({ outcome: 'checked_in', trip: { tripStatus: 'checked_in', source: 'qr' } });
    const replay = await kit.req('POST', '/api/v1/yards/tra-linh-a/check-ins/qr', 'bai.tralinh', { passToken: trip.passToken }, { 'idempotency-key': 'qr-check-in-1' });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const second = await kit.req('POST', '/api/v1/yards/tra-linh-a/check-ins/qr', 'bai.tralinh', { passToken: trip.passToken });
    expect(second.json().outcome).toBe('already_in_yard');

    const amended = await makeTrip(kit);
    await kit.t.db.updateTable('gate_passes').set({ status: 'superseded', ended_at: kit.clock.now }).where('trip_id', '=', amended.id).execute();
    const old = await kit.req('POST', '/api/v1/yards/tra-linh-a/check-ins/qr', 'bai.tralinh', { passToken: amended.passToken });
    expect(old.json()).toMatchObject({ outcome: 'flagged', flag: { reason: 'pass_invalid', details: { verdict: 'superseded' } } });
  });

  it('checks an import in only after it has crossed, into a yard that takes imports', async () => {
    const notYet = await makeTrip(kit, { direction: 'import', status: 'paid' });
    expect((await checkIn(kit, notYet, 'tra-linh-b')).flag.reason).toBe('not_crossed');
    const crossed = await makeTrip(kit, { direction: 'import' });
    expect((await checkIn(kit, crossed, 'tra-linh-a')).flag.reason).toBe('wrong_direction');
    const admitted = await checkIn(kit, crossed, 'tra-linh-b');
    expect(admitted).toMatchObject({ outcome: 'checked_in', trip: { direction: 'import', tripStatus: 'checked_in', yard: { id: 'tra-linh-b' } } });
  });

  it('never fills a yard past its capacity silently', async () => {
    const yard = (await kit.req('GET', '/api/v1/yards/tra-linh-b', 'bql.tralinh')).json();
    const patched = await kit.req('PATCH', '/api/v1/yards/tra-linh-b', 'bql.tralinh', { version: yard.version, reason: 'Thu hẹp bãi để sửa mặt đường', capacity: yard.occupancy + 1 });
    expect(patched.statusCode).toBe(200);
    const a = await makeTrip(kit);
    const b = await makeTrip(kit);
    expect((await checkIn(kit, a, 'tra-linh-b')).outcome).toBe('checked_in');
    const full = await checkIn(kit, b, 'tra-linh-b');
    expect(full).toMatchObject({ outcome: 'flagged', flag: { reason: 'yard_full', details: { capacity: yard.occupancy + 1 } } });
    const forced = await checkIn(kit, b, 'tra-linh-b', { overCapacity: true, reason: 'Xe chở hàng tươi, bãi A đang sửa' });
    expect(forced.outcome).toBe('checked_in');
    const visit = await kit.t.db.selectFrom('yard_visits').select('over_capacity').where('trip_id', '=', b.id).executeTakeFirstOrThrow();
    expect(visit.over_capacity).toBe(true);
    const flags = (await kit.req('GET', '/api/v1/yards/flags?gateId=tra-linh', 'bai.tralinh')).json().items;
    expect(flags.some((f: { reason: string; tripId: string; details: { admittedOverCapacity?: boolean } }) => f.reason === 'yard_full' && f.tripId === b.id && f.details.admittedOverCapacity)).toBe(true);
    expect((await kit.req('GET', '/api/v1/yards/tra-linh-b', 'bql.tralinh')).json().occupancy).toBe(yard.occupancy + 2);
  });

  it('checks in every truck when many readings of one yard arrive at once', async () => {
    // Found by the benchmark's check-in burst: each reading's insert took a key-share lock on the
    // yard row (foreign key) before the check-in locked the yard for update, so simultaneous
    // readings deadlocked (503). All of them must check in.
    const trips = [];
    for (let i = 0; i < 12; i++) trips.push(await makeTrip(kit));
    const answers = await Promise.all(trips.map((t, i) => reading({ eventId: `burst-${i}`, plate: t.plate, confidence: 0.98 })));
    expect(answers.map((a) => [a.statusCode, a.json().outcome])).toEqual(trips.map(() => [201, 'checked_in']));
    const visits = await kit.t.db.selectFrom('yard_visits').select('trip_id').where('trip_id', 'in', trips.map((t) => t.id)).execute();
    expect(new Set(visits.map((v) => v.trip_id)).size).toBe(trips.length);
  });

  it('refuses other gates, enterprises and anonymous callers, and writes nothing', async () => {
    const trip = await makeTrip(kit, { gateId: 'thanh-thuy', enterprise: '5100234567' });
    const before = await databaseFingerprint(kit.t.db, ['sessions']);
    const other = await kit.req('POST', '/api/v1/yards/thanh-thuy-1/check-ins/manual', 'bai.tralinh', { tripReference: trip.reference, reason: 'Không thuộc cửa khẩu' });
    expect([other.statusCode, other.json().code]).toEqual([403, 'auth.out_of_scope']);
    const enterprise = await kit.req('POST', '/api/v1/yards/tra-linh-a/check-ins/manual', 'dn.nongsan', { tripReference: trip.reference, reason: 'Tự vào bãi' });
    expect([enterprise.statusCode, enterprise.json().code]).toEqual([403, 'auth.forbidden']);
    const anonymous = await kit.req('POST', '/api/v1/yards/tra-linh-a/check-ins/qr', undefined, { passToken: trip.passToken });
    expect(anonymous.statusCode).toBe(401);
    const noCamera = await kit.t.app.inject({ method: 'POST', url: '/api/v1/yards/camera-readings', headers: { authorization: `Bearer ${cameraToken}` }, payload: { eventId: 'x-1', cameraId: 'tt-entry', yardId: 'thanh-thuy-1', plate: trip.plate, confidence: 1, capturedAt: at('07:31').toISOString() } });
    expect([noCamera.statusCode, noCamera.json().code]).toEqual([403, 'auth.out_of_scope']);
    const future = await kit.req('POST', '/api/v1/yards/tra-linh-a/check-ins/manual', 'bai.tralinh', { plate: trip.plate, reason: 'Giờ sai', occurredAt: at('09:00').toISOString() });
    expect([future.statusCode, future.json().code]).toEqual([422, 'yards.time_in_future']);
    const nothing = await kit.req('POST', '/api/v1/yards/tra-linh-a/check-ins/manual', 'bai.tralinh', { reason: 'Không có gì' });
    expect([nothing.statusCode, nothing.json().code]).toEqual([422, 'yards.identify_truck']);
    expect(await databaseFingerprint(kit.t.db, ['sessions'])).toEqual(before);
  });
});
