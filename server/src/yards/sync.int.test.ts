import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint, dbKinds } from '../../test/harness';
import { at, makeTrip, queue, setClearance, yardKit, type TestTrip, type YardKit } from './__fixtures__/yards.testkit';
import { runSyncRetryJob } from './jobs';

// Degraded mode: events recorded offline by two devices, sent later. The same events sent once in
// order, or in shuffled batches each sent twice, end in the same state; conflicts (the same truck
// recorded twice, a step that does not fit, an unknown truck) are listed and resolved by an operator.

type Labels = 'T1' | 'T2' | 'T3' | 'T4';
interface Scenario {
  trips: Record<Labels, TestTrip>;
  events: Array<{ device: 'A' | 'B'; key: string; body: Record<string, unknown> }>;
}

async function scenario(kit: YardKit): Promise<Scenario> {
  const trips = {} as Record<Labels, TestTrip>;
  for (const label of ['T1', 'T2', 'T3', 'T4'] as const) trips[label] = await makeTrip(kit, { cleared: label === 'T1' });
  const ev = (device: 'A' | 'B', key: string, type: string, time: string, who: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    device,
    key,
    body: { clientEventId: crypto.randomUUID(), type, yardId: 'tra-linh-a', occurredAt: at(time).toISOString(), ...who, ...extra },
  });
  const ref = (l: Labels) => ({ tripReference: trips[l].reference });
  return {
    trips,
    events: [
      ev('A', 'a1', 'check_in', '08:00', ref('T1')),
      ev('A', 'a2', 'check_in', '08:05', ref('T2')),
      ev('A', 'a3', 'call', '08:10', ref('T1')),
      ev('A', 'a4', 'leave_yard', '08:15', { plate: trips.T1.plate }),
      ev('A', 'a5', 'pass_gate', '08:20', ref('T1')),
      ev('A', 'a6', 'check_in', '08:12', ref('T3')),
      ev('B', 'b1', 'check_in', '08:06', { plate: trips.T2.plate }),
      ev('B', 'b2', 'leave_yard', '08:30', ref('T3')),
      ev('B', 'b3', 'check_in', '08:07', { plate: '11C-987.65' }),
      ev('B', 'b4', 'check_in', '08:09', { passToken: trips.T4.passToken }),
      ev('B', 'b5', 'check_out', '08:40', ref('T4'), { reason: 'Lái xe quay đầu về kho' }),
      ev('B', 'b6', 'arrive', '09:00', ref('T1')),
    ],
  };
}

/** Everything the events decide, by label and event key: the same whatever the order of arrival. */
async function stateOf(kit: YardKit, s: Scenario) {
  const db = kit.t.db;
  const out: Record<string, unknown> = {};
  for (const [label, trip] of Object.entries(s.trips)) {
    const t = await db.selectFrom('trips').select(['status', 'version', 'cancelled_at']).where('id', '=', trip.id).executeTakeFirstOrThrow();
    const v = await db.selectFrom('yard_visits').select(['status', 'yard_id', 'lane', 'arrived_at', 'queue_key', 'late', 'called_at', 'left_at', 'ended_at', 'drop_backs']).where('trip_id', '=', trip.id).executeTakeFirst();
    const timing = await db.selectFrom('trip_timings').select(['arrived_at', 'first_called_at', 'called_at', 'left_yard_at', 'crossed_at', 'completed_at']).where('trip_id', '=', trip.id).executeTakeFirst();
    const calls = await db.selectFrom('yard_calls').select(['called_at', 'outcome']).where('trip_id', '=', trip.id).execute();
    const steps = await db.selectFrom('trip_events').select('action').where('trip_id', '=', trip.id).orderBy('at').orderBy('id').execute();
    out[label] = { status: t.status, version: t.version, cancelledAt: t.cancelled_at, visit: v ?? null, timing: timing ?? null, calls, steps: steps.map((x) => x.action) };
  }
  const rows = await db.selectFrom('yard_sync_events').select(['client_event_id', 'status', 'conflict_reason', 'server_version']).where('client_event_id', 'in', s.events.map((e) => e.body.clientEventId as string)).execute();
  for (const e of s.events) {
    const r = rows.find((x) => x.client_event_id === e.body.clientEventId)!;
    out[e.key] = { status: r.status, reason: r.conflict_reason, server: r.server_version };
  }
  return out;
}

function shuffled<T>(items: T[], seed: number): T[] {
  const a = [...items];
  let x = seed;
  for (let i = a.length - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const j = x % (i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

describe.each(dbKinds())('offline sync on %s', (kind) => {
  let kit: YardKit;
  let ordered: Scenario;
  beforeAll(async () => {
    kit = await yardKit(kind, ['bai.tralinh', 'dn.nongsan', 'admin'], at('09:30'));
  }, 120_000);
  afterAll(async () => kit?.t.close());

  const send = (deviceId: string, events: Array<Record<string, unknown>>, who = 'bai.tralinh') => kit.req('POST', '/api/v1/yards/sync', who, { deviceId, events });

  it('applies each device’s batch in time order and keeps what does not fit as conflicts', async () => {
    ordered = await scenario(kit);
    const a = await send('yard-a-tablet', ordered.events.filter((e) => e.device === 'A').map((e) => e.body));
    expect(a.statusCode).toBe(200);
    expect(a.json().results.map((r: { outcome: string }) => r.outcome)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied', 'applied']);
    const b = await send('gate-b-phone', ordered.events.filter((e) => e.device === 'B').map((e) => e.body));
    expect(b.json().results.map((r: { outcome: string; conflictReason: string | null }) => [r.outcome, r.conflictReason])).toEqual([
      ['conflict', 'duplicate_record'],
      ['conflict', 'not_allowed_now'],
      ['conflict', 'unknown_truck'],
      ['applied', null],
      ['applied', null],
      ['applied', null],
    ]);
    const state = (await stateOf(kit, ordered)) as Record<string, { status: string; visit: { arrived_at: Date; status: string } }>;
    expect([state.T1.status, state.T2.status, state.T3.status, state.T4.status]).toEqual(['completed', 'checked_in', 'checked_in', 'cancelled']);
    expect(state.T2.visit.arrived_at.toISOString()).toBe(at('08:05').toISOString());
    const crossed = await kit.t.db.selectFrom('domain_events').select('occurred_at').where('trip_id', '=', ordered.trips.T1.id).where('type', '=', 'trip.crossed').executeTakeFirstOrThrow();
    expect(crossed.occurred_at.toISOString()).toBe(at('08:20').toISOString());
    const checkedIn = await kit.t.db.selectFrom('domain_events').select('payload').where('trip_id', '=', ordered.trips.T1.id).where('type', '=', 'trip.checked_in').executeTakeFirstOrThrow();
    expect(checkedIn.payload.source).toBe('offline');
  });

  it.each([11, 29, 47])('ends in the same state when the same events come twice, in shuffled batches (seed %i)', async (seed) => {
    const s = await scenario(kit);
    const events = shuffled(s.events, seed);
    const batches = [events.slice(0, 3), events.slice(3, 5), events.slice(5, 9), events.slice(9)];
    for (const batch of shuffled([...batches, ...batches], seed + 1)) {
      const res = await send(`device-${seed}`, shuffled(batch, seed + 2).map((e) => e.body));
      expect(res.statusCode).toBe(200);
    }
    // A third replay of everything changes nothing and says so.
    const before = await databaseFingerprint(kit.t.db, ['sessions']);
    const replay = await send(`device-${seed}`, events.map((e) => e.body));
    expect(new Set(replay.json().results.map((r: { outcome: string }) => r.outcome))).toEqual(new Set(['already_received']));
    expect(await databaseFingerprint(kit.t.db, ['sessions'])).toEqual(before);
    expect(await stateOf(kit, s)).toEqual(await stateOf(kit, ordered));
  });

  it('lists conflicts for an operator, who accepts or discards them; a waiting step applies once it fits', async () => {
    const list = (await kit.req('GET', '/api/v1/yards/sync/conflicts?gateId=tra-linh', 'bai.tralinh')).json().items;
    const key = (k: string) => ordered.events.find((e) => e.key === k)!.body.clientEventId;
    const find = (k: string) => list.find((c: { clientEventId: string }) => c.clientEventId === key(k));
    expect(find('b1')).toMatchObject({ reason: 'duplicate_record', type: 'check_in', device: { occurredAt: at('08:06').toISOString() }, server: { tripStatus: 'checked_in', arrivedAt: at('08:05').toISOString() } });
    expect(find('b2')).toMatchObject({ reason: 'not_allowed_now', server: { tripStatus: 'checked_in' } });
    expect(find('b3')).toMatchObject({ reason: 'unknown_truck', tripId: null, device: { plate: '11C-987.65' } });

    const cannot = await kit.req('POST', `/api/v1/yards/sync/conflicts/${find('b3').id}/resolve`, 'bai.tralinh', { action: 'accept', reason: 'Thử áp dụng' });
    expect([cannot.statusCode, cannot.json().code]).toEqual([409, 'yards.conflict_not_applicable']);
    const discarded = await kit.req('POST', `/api/v1/yards/sync/conflicts/${find('b3').id}/resolve`, 'bai.tralinh', { action: 'discard', reason: 'Xe không khai báo, đã mời ra' });
    expect(discarded.json()).toMatchObject({ status: 'discarded', resolvedBy: 'bai.tralinh', resolution: 'Xe không khai báo, đã mời ra' });
    // The operator decides the second device's time was right.
    const accepted = await kit.req('POST', `/api/v1/yards/sync/conflicts/${find('b1').id}/resolve`, 'bai.tralinh', { action: 'accept', reason: 'Máy A chậm giờ' });
    expect(accepted.json().status).toBe('accepted');
    const visit = await kit.t.db.selectFrom('yard_visits').select('arrived_at').where('trip_id', '=', ordered.trips.T2.id).executeTakeFirstOrThrow();
    expect(visit.arrived_at.toISOString()).toBe(at('08:06').toISOString());
    const audit = await kit.t.db.selectFrom('audit_log').select(['action', 'reason']).where('entity_id', '=', find('b1').id).execute();
    expect(audit).toEqual([{ action: 'yard.sync_conflict_accepted', reason: 'Máy A chậm giờ' }]);

    // T3's offline departure waited for a call: once called online, the retry job applies it.
    await setClearance(kit, ordered.trips.T3.id);
    const call = (await kit.req('POST', '/api/v1/yards/call-next', 'bai.tralinh', { gateId: 'tra-linh', direction: 'export' })).json();
    expect(call.called.map((c: { tripId: string }) => c.tripId)).toContain(ordered.trips.T3.id);
    await runSyncRetryJob({ db: kit.t.db, now: () => kit.clock.now });
    const t3 = await kit.t.db.selectFrom('trips').select('status').where('id', '=', ordered.trips.T3.id).executeTakeFirstOrThrow();
    expect(t3.status).toBe('left_yard');
    const open = (await kit.req('GET', '/api/v1/yards/sync/conflicts?gateId=tra-linh', 'bai.tralinh')).json().items;
    expect(open.map((c: { clientEventId: string }) => c.clientEventId)).not.toContain(key('b2'));
    expect((await queue(kit)).counts.openConflicts).toBe(open.length);
  });

  it('refuses devices of another gate and enterprise users, writing nothing', async () => {
    const before = await databaseFingerprint(kit.t.db, ['sessions']);
    const body = { clientEventId: crypto.randomUUID(), type: 'check_in', yardId: 'thanh-thuy-1', occurredAt: at('09:00').toISOString(), plate: '23C-045.67' };
    const other = await send('yard-x', [body]);
    expect([other.statusCode, other.json().code]).toEqual([403, 'auth.out_of_scope']);
    const enterprise = await send('phone', [{ ...body, yardId: 'tra-linh-a' }], 'dn.nongsan');
    expect([enterprise.statusCode, enterprise.json().code]).toEqual([403, 'auth.forbidden']);
    const conflicts = await kit.req('GET', '/api/v1/yards/sync/conflicts?gateId=tra-linh', 'dn.nongsan');
    expect(conflicts.statusCode).toBe(403);
    expect(await databaseFingerprint(kit.t.db, ['sessions'])).toEqual(before);
  });
});
