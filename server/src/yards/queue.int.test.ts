import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../../test/harness';
import { at, checkIn, makeTrip, putRules, queue, setClearance, step, yardKit, type TestTrip, type YardKit } from './__fixtures__/yards.testkit';
import { runCallForwardJob } from './jobs';

// The queue at a gate: its order, calls within capacity and clearance, the drop-back rule, the
// crossing steps of both directions, and the driver's page.

const MIN = 60_000;

describe.each(dbKinds())('yard queue on %s', (kind) => {
  let kit: YardKit;
  beforeAll(async () => {
    kit = await yardKit(kind, ['bai.tralinh', 'bql.tralinh', 'bienphong.tralinh', 'dn.nongsan', 'dn.thanhthuy', 'admin'], at('08:00'));
  }, 120_000);
  afterAll(async () => kit?.t.close());

  const mine = (entries: Array<{ tripId: string }>, trips: TestTrip[]) => entries.filter((e) => trips.some((t) => t.id === e.tripId)).map((e) => trips.find((t) => t.id === e.tripId)!);
  const callNext = (body: Record<string, unknown> = {}) => kit.req('POST', '/api/v1/yards/call-next', 'bai.tralinh', { gateId: 'tra-linh', direction: 'export', ...body });
  const tripStatus = async (id: string) => (await kit.t.db.selectFrom('trips').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

  let a: TestTrip, b: TestTrip, c: TestTrip, d: TestTrip, e: TestTrip;

  it('orders the queue by lane, then window band, then arrival', async () => {
    a = await makeTrip(kit); // due from 08:00
    b = await makeTrip(kit, { perishable: true });
    c = await makeTrip(kit, { window: { from: '10:00', to: '12:00' } }); // early until 10:00
    d = await makeTrip(kit, { window: { from: '01:00', to: '05:00' } }); // arrives after 05:00 + 2 h grace: late
    e = await makeTrip(kit);
    await checkIn(kit, a, 'tra-linh-a', { occurredAt: at('07:31').toISOString() });
    await checkIn(kit, c, 'tra-linh-a', { occurredAt: at('07:35').toISOString() });
    await checkIn(kit, d, 'tra-linh-b', { occurredAt: at('07:38').toISOString() });
    await checkIn(kit, b, 'tra-linh-b', { occurredAt: at('07:40').toISOString() });
    await checkIn(kit, e, 'tra-linh-a', { occurredAt: at('07:45').toISOString() });
    const q = await queue(kit);
    expect(mine(q.queued, [a, b, c, d, e])).toEqual([b, a, e, c, d]);
    const bands = Object.fromEntries(q.queued.map((x: { tripId: string; band: string }) => [x.tripId, x.band]));
    expect([bands[a.id], bands[c.id], bands[d.id]]).toEqual(['due', 'early', 'late']);
    const positions = q.queued.map((x: { position: number }) => x.position);
    expect(positions).toEqual(positions.map((_: number, i: number) => i + 1));
    // At 10:00 c's window starts: it is due, and keeps its arrival order among the due trucks.
    kit.clock.now = at('10:00');
    expect(mine((await queue(kit)).queued, [a, b, c, d, e])).toEqual([b, a, c, e, d]);
    kit.clock.now = at('08:00');
  });

  it('calls only cleared trucks, within the called-at-once limit, and tells the driver', async () => {
    await putRules(kit, (r) => {
      r.callForward.maxCalledAtOnce = 2;
      r.callForward.respondMinutes = 10;
      r.callForward.dropBackBehind = 1;
      r.callForward.maxDropBacks = 2;
    });
    await setClearance(kit, b.id);
    await setClearance(kit, e.id);
    const res = await callNext();
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.called.map((x: { tripId: string }) => x.tripId)).toEqual([b.id, e.id]);
    expect(body.skipped.notCleared).toBeGreaterThanOrEqual(1);
    expect(body.capacity).toMatchObject({ calledNow: 2, maxCalledAtOnce: 2, free: 0 });
    expect(body.called[0].deadlineAt).toBe(new Date(kit.clock.now.getTime() + 10 * MIN).toISOString());
    expect([await tripStatus(a.id), await tripStatus(b.id), await tripStatus(e.id)]).toEqual(['checked_in', 'called', 'called']);
    const sms = await kit.t.db.selectFrom('notification_outbox').select(['body', 'kind']).where('channel', '=', 'sms').where('kind', '=', 'yard.called').execute();
    expect(sms.filter((m) => m.body.includes(b.plate))).toHaveLength(1);
    const called = await kit.t.db.selectFrom('domain_events').select(['trip_id', 'payload', 'direction']).where('type', '=', 'trip.called').execute();
    expect(called.find((x) => x.trip_id === b.id)).toMatchObject({ direction: 'export', payload: { yardId: 'tra-linh-b', lane: 'perishable' } });
    const more = (await callNext()).json();
    expect([more.called.length, more.stoppedBecause]).toEqual([0, 'called_limit']);
    // The driver's page shows the call, with its deadline, in three languages.
    const page = await kit.req('GET', `/api/v1/driver/trips/${b.reference}?pass=${encodeURIComponent(b.passToken!)}`);
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ stage: 'called', callNotice: { deadlineAt: body.called[0].deadlineAt, yard: { id: 'tra-linh-b' } }, eta: { reason: 'called' } });
    expect(page.json().callNotice.message.zh).toContain(b.plate);
  });

  it('drops back a called truck that does not move, by rule, and holds it after repeated drop-backs', async () => {
    const f = await makeTrip(kit, { perishable: true });
    await checkIn(kit, f, 'tra-linh-b', { occurredAt: at('07:50').toISOString() });
    // e leaves in time; b does not.
    kit.clock.advance(5 * MIN);
    expect((await step(kit, e.id, 'leave_yard')).statusCode).toBe(200);
    kit.clock.advance(6 * MIN);
    await runCallForwardJob({ db: kit.t.db, now: () => kit.clock.now });
    // b dropped back behind one truck of its lane (f, not cleared), then was called again.
    const events = await kit.t.db.selectFrom('trip_events').select(['action', 'reason']).where('trip_id', '=', b.id).orderBy('id').execute();
    expect(events.map((x) => x.action)).toEqual(['check_in', 'call', 'drop_back', 'call']);
    expect(events[2].reason).toContain('10 minutes');
    const visit = await kit.t.db.selectFrom('yard_visits').selectAll().where('trip_id', '=', b.id).executeTakeFirstOrThrow();
    const fVisit = await kit.t.db.selectFrom('yard_visits').selectAll().where('trip_id', '=', f.id).executeTakeFirstOrThrow();
    expect(visit.queue_key.getTime()).toBe(fVisit.queue_key.getTime() + 1);
    expect([visit.status, visit.drop_backs]).toEqual(['called', 1]);
    // Not moving again: held, flagged, told, and not called again by the job.
    kit.clock.advance(11 * MIN);
    await runCallForwardJob({ db: kit.t.db, now: () => kit.clock.now });
    const held = await kit.t.db.selectFrom('yard_visits').selectAll().where('trip_id', '=', b.id).executeTakeFirstOrThrow();
    expect([held.status, held.drop_backs, held.held]).toEqual(['queued', 2, true]);
    expect(await tripStatus(b.id)).toBe('checked_in');
    const flags = (await kit.req('GET', '/api/v1/yards/flags?gateId=tra-linh', 'bai.tralinh')).json().items;
    const flag = flags.find((x: { reason: string; tripId: string }) => x.reason === 'repeated_drop_back' && x.tripId === b.id);
    expect(flag).toBeDefined();
    const page = (await kit.req('GET', `/api/v1/driver/trips/${b.reference}?pass=${encodeURIComponent(b.passToken!)}`)).json();
    expect(page.notices[0].code).toBe('held');
    expect(page.eta.reason).toBe('held');
    await runCallForwardJob({ db: kit.t.db, now: () => kit.clock.now });
    expect(await tripStatus(b.id)).toBe('checked_in');
    // The operator releases it: it is called at the next run.
    const released = await kit.req('POST', `/api/v1/yards/flags/${flag.id}/resolve`, 'bai.tralinh', { action: 'release_hold', reason: 'Lái xe đã quay lại' });
    expect(released.json()).toMatchObject({ status: 'resolved', resolvedBy: 'bai.tralinh' });
    expect((await callNext()).json().called.map((x: { tripId: string }) => x.tripId)).toContain(b.id);
    const again = await kit.req('POST', `/api/v1/yards/flags/${flag.id}/resolve`, 'bai.tralinh', { action: 'dismiss', reason: 'Lần nữa' });
    expect(again.json().code).toBe('yards.flag_resolved');
  });

  it('records the export crossing with real times and refuses steps out of order', async () => {
    const x = await makeTrip(kit, { cleared: true });
    kit.clock.now = at('11:00');
    await checkIn(kit, x, 'tra-linh-a', { occurredAt: at('10:50').toISOString() });
    const wrong = await step(kit, x.id, 'arrive');
    expect([wrong.statusCode, wrong.json().code, wrong.json().allowedActions]).toEqual([409, 'yards.step_not_allowed', ['check_out']]);
    // Free the called-at-once limit, then call x.
    for (const t of [b]) await step(kit, t.id, 'leave_yard');
    const called = (await callNext({ count: 1 })).json();
    expect(called.called.map((y: { tripId: string }) => y.tripId)).toEqual([x.id]);
    kit.clock.now = at('11:40');
    expect((await step(kit, x.id, 'leave_yard', 'bai.tralinh', { occurredAt: at('11:15').toISOString() })).json().tripStatus).toBe('left_yard');
    expect((await step(kit, x.id, 'pass_gate', 'bienphong.tralinh', { occurredAt: at('11:25').toISOString() })).json().tripStatus).toBe('crossed');
    const done = (await step(kit, x.id, 'arrive', 'bienphong.tralinh', { occurredAt: at('11:35').toISOString() })).json();
    expect(done).toMatchObject({ tripStatus: 'completed', timings: { arrivalToCallMinutes: 10, callToGateMinutes: 25, gateToOtherSideMinutes: 10 } });
    const types = (await kit.t.db.selectFrom('domain_events').select('type').where('trip_id', '=', x.id).orderBy('id').execute()).map((r) => r.type);
    expect(types).toEqual(['trip.checked_in', 'trip.called', 'trip.left_yard', 'trip.crossed', 'trip.completed']);
    const occurred = await kit.t.db.selectFrom('domain_events').select('occurred_at').where('trip_id', '=', x.id).where('type', '=', 'trip.crossed').executeTakeFirstOrThrow();
    expect(occurred.occurred_at.toISOString()).toBe(at('11:25').toISOString());
    // The enterprise sees its trip's yard status, but may not record steps.
    const panel = await kit.req('GET', `/api/v1/trips/${x.id}/yard`, 'dn.nongsan');
    expect(panel.json()).toMatchObject({ tripStatus: 'completed', canAct: false });
    expect((await kit.req('GET', `/api/v1/trips/${x.id}/yard`, 'dn.thanhthuy')).statusCode).toBe(404);
    expect((await kit.req('GET', `/api/v1/trips/${x.id}/yard`, 'bai.tralinh')).json().canAct).toBe(true);
    expect((await step(kit, x.id, 'check_out', 'dn.nongsan', { reason: 'Không được' })).json().code).toBe('auth.forbidden');
  });

  it('follows the import path: gate first, then the yard, release and departure inland', async () => {
    const y = await makeTrip(kit, { direction: 'import', status: 'paid', cleared: true });
    kit.clock.now = at('12:30');
    expect((await step(kit, y.id, 'pass_gate', 'bienphong.tralinh', { occurredAt: at('12:00').toISOString() })).json().tripStatus).toBe('crossed');
    expect((await checkIn(kit, y, 'tra-linh-b', { occurredAt: at('12:10').toISOString() })).outcome).toBe('checked_in');
    const called = (await kit.req('POST', '/api/v1/yards/call-next', 'bai.tralinh', { gateId: 'tra-linh', direction: 'import' })).json();
    expect(called.called.map((z: { tripId: string }) => z.tripId)).toEqual([y.id]);
    kit.clock.now = at('13:00');
    await step(kit, y.id, 'leave_yard', 'bai.tralinh', { occurredAt: at('12:45').toISOString() });
    const done = (await step(kit, y.id, 'arrive', 'bai.tralinh', { occurredAt: at('12:55').toISOString() })).json();
    expect(done).toMatchObject({ direction: 'import', tripStatus: 'completed', timings: { arrivalToCallMinutes: 20, callToGateMinutes: 15, gateToOtherSideMinutes: 10 } });
  });

  it('checks a queued truck out with a reason, ending the trip and its pass', async () => {
    const z = await makeTrip(kit);
    await checkIn(kit, z, 'tra-linh-a');
    const noReason = await step(kit, z.id, 'check_out');
    expect([noReason.statusCode, noReason.json().code]).toEqual([422, 'yards.reason_required']);
    const out = (await step(kit, z.id, 'check_out', 'bai.tralinh', { reason: 'Doanh nghiệp rút hàng' })).json();
    expect(out).toMatchObject({ tripStatus: 'cancelled', visitStatus: 'ended' });
    const pass = await kit.t.db.selectFrom('gate_passes').select('status').where('trip_id', '=', z.id).executeTakeFirstOrThrow();
    expect(pass.status).toBe('revoked');
    const page = await kit.req('GET', `/api/v1/driver/trips/${z.reference}?pass=${encodeURIComponent(z.passToken!)}`);
    expect([page.statusCode, page.json().code]).toEqual([401, 'yards.pass_invalid']);
  });

  it('opens the driver page only with the trip’s own valid pass', async () => {
    const p = await makeTrip(kit);
    const q = await makeTrip(kit);
    const ok = await kit.req('GET', `/api/v1/driver/trips/${p.reference}?pass=${encodeURIComponent(p.passToken!)}`);
    expect(ok.json()).toMatchObject({ stage: 'not_arrived', reference: p.reference, plate: p.plate, instructions: expect.any(Array) });
    const other = await kit.req('GET', `/api/v1/driver/trips/${q.reference}?pass=${encodeURIComponent(p.passToken!)}`);
    expect([other.statusCode, other.json().code]).toEqual([404, 'yards.trip_not_found']);
    const tampered = p.passToken!.slice(0, -3) + (p.passToken!.endsWith('AAA') ? 'BBB' : 'AAA');
    const bad = await kit.req('GET', `/api/v1/driver/trips/${p.reference}?pass=${encodeURIComponent(tampered)}`);
    expect([bad.statusCode, bad.json().code]).toEqual([401, 'yards.pass_invalid']);
    const none = await kit.req('GET', `/api/v1/driver/trips/${p.reference}`);
    expect(none.statusCode).toBe(400);
    await checkIn(kit, p, 'tra-linh-a');
    const queued = (await kit.req('GET', `/api/v1/driver/trips/${p.reference}?pass=${encodeURIComponent(p.passToken!)}`)).json();
    expect(queued).toMatchObject({ stage: 'queued', position: expect.any(Number), aheadCount: queued.position - 1, eta: { aheadCount: queued.position - 1 } });
    expect(queued.notices[0]).toMatchObject({ code: 'checked_in', message: { vi: expect.stringContaining(p.plate), en: expect.stringContaining(p.plate), zh: expect.stringContaining(p.plate) } });
  });
});
