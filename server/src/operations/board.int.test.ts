import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperationsBoard } from '../../../shared/schemas/operations';
import { bookingsOverview } from '../capacity/capacity-query';
import { dbKinds } from '../../test/harness';
import type { Kit } from '../trips/__fixtures__/trips.testkit';
import { at, callNext, checkIn, clearTrip, DAY, moveTo, opsKit, paidTrips, waitingInDb, yardAction, type Trip } from './__fixtures__/operations.testkit';

// The board: who sees which gates, and its figures against the recorded events — trucks checked
// in at known times, cleared, called and crossed through the APIs.

describe.each(dbKinds())('operations board (%s)', (kind) => {
  let kit: Kit;
  let trips: Trip[];
  beforeAll(async () => {
    kit = await opsKit(kind);
    trips = await paidTrips(kit, 3);
    await moveTo(kit, at('09:40'));
    await checkIn(kit, trips[0], 'tra-linh-a', at('08:05'));
    await checkIn(kit, trips[1], 'tra-linh-a', at('08:50'));
    await checkIn(kit, trips[2], 'tra-linh-b', at('09:30'));
    await clearTrip(kit, trips[0].id);
    await clearTrip(kit, trips[1].id);
    await callNext(kit);
    await yardAction(kit, trips[0].id, 'leave_yard');
    await yardAction(kit, trips[0].id, 'pass_gate', 'bienphong.tralinh');
  });
  afterAll(async () => kit?.t.close());

  const board = async (who: string | undefined, query = '') => kit.req('GET', `/api/v1/operations/board${query}`, who);
  const gateIds = (res: { json(): OperationsBoard }) => res.json().gates.map((g) => g.gateId).sort();

  it('shows officers their gates, leaders and department staff their province, administrators all', async () => {
    expect(gateIds(await board('bql.tralinh'))).toEqual(['ta-lung', 'tra-linh']);
    expect(gateIds(await board('haiquan.tralinh'))).toEqual(['tra-linh']);
    const cb = (await kit.t.db.selectFrom('gates').select(['id', 'status', 'traffic']).where('province', '=', 'CB').execute())
      .filter((g) => ['operating', 'upgrading'].includes(g.status) && g.traffic.includes('goods'))
      .map((g) => g.id)
      .sort();
    expect(gateIds(await board('lanhdao.caobang'))).toEqual(cb);
    expect(gateIds(await board('soct.caobang', '?province=CB'))).toEqual(cb);
    expect((await board('admin')).json().gates.some((g: { province: string }) => g.province === 'TQ')).toBe(true);
    expect(gateIds(await board('admin', '?province=TQ'))).toEqual(['pho-bang', 'sam-pun', 'thanh-thuy', 'xin-man']);
  });

  it('refuses what is outside the scope with the status that says why', async () => {
    expect((await board(undefined)).statusCode).toBe(401);
    expect((await board('dn.nongsan')).statusCode).toBe(403);
    const other = await board('bql.tralinh', '?gateId=thanh-thuy');
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('auth.out_of_scope');
    expect((await board('lanhdao.caobang', '?province=TQ')).json().code).toBe('operations.province_out_of_scope');
    expect((await board('bql.tralinh', '?gateId=no-such-gate')).json().code).toBe('operations.gate_not_found');
    // A gate with no goods traffic has no board.
    expect((await board('admin', '?gateId=po-peo')).statusCode).toBe(404);
    expect((await board('bql.tralinh', '?gateId=tra-linh&extra=1')).statusCode).toBe(400);
  });

  it('gives the gate’s figures as recorded: queue, yards, hours, measured waits, clearance times, bookings', async () => {
    const res = await board('bql.tralinh', '?gateId=tra-linh');
    expect(res.statusCode).toBe(200);
    const b = res.json() as OperationsBoard;
    expect(b.kind).toBe('gate');
    const g = b.gates[0];
    expect(g.date).toBe(DAY);
    expect(g.live.waiting).toBe(await waitingInDb(kit, 'tra-linh'));
    expect(g.live.directions.export.called).toBe(1);
    const byYard = await sql<{ yard: string; n: number }>`
      select ci.payload->>'yardId' as yard, count(*)::int as n from trips t
      join lateral (select payload from domain_events d where d.trip_id = t.id and d.type = 'trip.checked_in' order by d.occurred_at desc limit 1) ci on true
      where t.gate_id = 'tra-linh' and t.status in ('checked_in', 'called') group by 1`.execute(kit.t.db);
    for (const row of byYard.rows) expect(g.live.yards.find((y) => y.yardId === row.yard)!.occupied).toBe(Number(row.n));
    expect(g.live.yards.find((y) => y.yardId === 'tra-linh-a')!.capacity).toBe(250);
    expect(g.live.lanes.reduce((s, l) => s + l.queued + l.called, 0)).toBe(g.live.waiting);

    // Arrivals by the gate's local hour: ours at 08:05, 08:50 and 09:30.
    const ours = await sql<{ hour: number; n: number }>`
      select extract(hour from occurred_at at time zone 'Asia/Ho_Chi_Minh')::int as hour, count(*)::int as n from domain_events
      where gate_id = 'tra-linh' and type = 'trip.checked_in' and (occurred_at at time zone 'Asia/Ho_Chi_Minh')::date = ${DAY} group by 1`.execute(kit.t.db);
    for (const h of g.hourly) expect(h.arrivals).toBe(Number(ours.rows.find((r) => Number(r.hour) === h.hour)?.n ?? 0));
    expect(g.hourly[8].arrivals).toBe(2);
    expect(g.hourly[9].arrivals).toBe(1);
    expect(g.hourly[9].crossings).toBe(1);
    expect(g.hourly.reduce((s, h) => s + h.clearances, 0)).toBe(2);
    expect(b.totals.hourly[8].arrivals).toBe(2);

    // Both trucks were called at 09:40: waits of 95 and 50 minutes.
    expect(g.waitsToCall.export.count).toBe(2);
    expect(g.waitsToCall.export.medianSeconds).toBe(((95 + 50) / 2) * 60);
    expect(g.waitsToCall.export.p90Seconds).toBe(Math.round((50 + 0.9 * (95 - 50)) * 60));
    expect(g.waitsToCall.import).toEqual({ count: 0, medianSeconds: null, p90Seconds: null });

    // Plant quarantine decided both today by hand; its measured times are the events' waitedSeconds.
    const pq = g.clearanceByAgency.find((a) => a.agency === 'plant_quarantine')!;
    const waited = (await kit.t.db.selectFrom('domain_events').select('payload').where('type', '=', 'clearance.decided').where('gate_id', '=', 'tra-linh').execute())
      .map((e) => e.payload as { agency: string; waitedSeconds: number })
      .filter((p) => p.agency === 'plant_quarantine')
      .map((p) => p.waitedSeconds)
      .sort((a, b) => a - b);
    expect(pq.count).toBe(waited.length);
    expect(pq.medianSeconds).toBe(Math.round((waited[0] + waited[1]) / 2));

    expect(g.bookings).toEqual(await bookingsOverview(kit.t.db, 'tra-linh', DAY, 7));
    expect(g.bookings.find((d) => d.date === DAY && d.direction === 'export')!.booked).toBeGreaterThanOrEqual(3);
  });

  it('lists the trucks waiting longer than the threshold, longest first', async () => {
    await moveTo(kit, at('13:00'));
    const g = ((await board('bql.tralinh', '?gateId=tra-linh')).json() as OperationsBoard).gates[0];
    const threshold = g.longWaiting.thresholdMinutes;
    const expected = (await kit.t.db.selectFrom('trips').select('id').where('gate_id', '=', 'tra-linh').where('status', 'in', ['checked_in', 'called']).execute()).length;
    // Our 09:30 truck has waited 210 minutes at 13:00: under a 240-minute threshold.
    expect(g.longWaiting.items.some((w) => w.tripId === trips[2].id)).toBe(210 >= threshold);
    expect(g.longWaiting.items.every((w) => w.waitedMinutes >= threshold)).toBe(true);
    expect(g.longWaiting.total).toBeLessThanOrEqual(expected);
    const waits = g.longWaiting.items.map((w) => w.waitedMinutes);
    expect([...waits].sort((a, b) => b - a)).toEqual(waits);
    await moveTo(kit, at('14:00'));
    const later = ((await board('bql.tralinh', '?gateId=tra-linh')).json() as OperationsBoard).gates[0];
    expect(later.longWaiting.items.find((w) => w.tripId === trips[2].id)?.waitedMinutes).toBe(270);
  });
});
