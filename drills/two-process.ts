import { loadPeakProfile } from '../bench/peak/day';
import { declareStep, tripRequest, type TripRun } from '../bench/peak/flow';
import { prepareDay } from '../bench/peak/run-peak';
import { Client } from '../bench/lib/http';
import { runBounded } from '../bench/lib/pool';
import { startPostgres, withClient } from '../bench/lib/postgres';
import { spawnServer, type ServerProcess } from '../bench/lib/server';
import { DrillLog, type DrillResult } from './lib/drill';
import { checkPayments, checkTrips, queryOf } from './lib/invariants';
import { checkQueues } from './lib/queues';
import { crossProcessChecks } from './two-process-gate';

// Drill: two server processes on one database, clients sent to either at random. Concurrent
// payments with the same key charge once; concurrent bookings of a window never exceed its
// capacity; call-forwards from both never call a truck twice; events reach boards on both.

export async function twoProcessDrill(options = { trucks: 120, concurrency: 24 }): Promise<DrillResult> {
  const log = new DrillLog('two-processes');
  const pg = await startPostgres();
  const servers: ServerProcess[] = [];
  try {
    const url = await pg.createDatabase('cks_drill_two');
    servers.push(await spawnServer({ databaseUrl: url, label: 'server A' }));
    servers.push(await spawnServer({ databaseUrl: url, label: 'server B' }));
    const [a, b] = servers;
    const day = await prepareDay(a.baseUrl, url, loadPeakProfile(), { trucks: options.trucks, seed: 21, concurrency: options.concurrency, flowTimeoutMs: 120_000 });
    const onB = new Client(b.baseUrl, day.recorder, options.concurrency * 2);
    // Each enterprise also has a client on server B, with the same token.
    const both = (trip: TripRun, i: number) => (i % 2 === 0 ? trip.enterprise.client : onB.as({ token: trip.enterprise.client.auth!.replace(/^Bearer /, '') }));

    // 1. Declarations through both servers; then the same payment sent to both at once.
    const declared = await runBounded(day.trips, { concurrency: options.concurrency, deadlineMs: 300_000 }, async (trip, i) => {
      const routed = { ...trip, enterprise: { ...trip.enterprise, client: both(trip, i) } };
      try {
        await declareStep.run(day.ctx, routed);
      } finally {
        Object.assign(trip, { ...routed, enterprise: trip.enterprise });
      }
    });
    log.check('declarations through both servers', declared.failed === 0, `${declared.finished}/${day.trips.length}${declared.firstErrors[0] ? `; ${declared.firstErrors[0]}` : ''}`);
    const payable = day.trips.filter((t) => t.status === 'submitted' && (t.outstanding ?? 0) > 0);
    const outcomes = new Map<string, number>();
    await runBounded(payable, { concurrency: options.concurrency, deadlineMs: 300_000 }, async (trip) => {
      const key = `drill-two-${trip.id}`;
      const body = { amount: trip.outstanding, payerAccount: trip.enterprise.payerAccount };
      const answers = await Promise.all([0, 1].map((i) => both(trip, i).post(`/api/v1/trips/${trip.id}/payments`, body, { idempotencyKey: key, op: 'payment.create(race)' })));
      for (const res of answers) outcomes.set(String(res.status), (outcomes.get(String(res.status)) ?? 0) + 1);
    });
    log.figure('same-key payments sent to both servers at once (answers by status)', Object.fromEntries(outcomes));
    await withClient(url, async (client) => {
      const q = queryOf(client);
      const perTrip = await q(`select trip_id, count(*)::int as n from payments where kind = 'charge' and trip_id = any($1::uuid[]) group by trip_id having count(*) <> 1`, [payable.map((t) => t.id)]);
      log.check('exactly one charge per trip although both servers received it', perTrip.length === 0, `${payable.length} trips, ${perTrip.length} with other than one charge`);
    });

    // 2. Bookings at capacity: one window with room for K trucks, 3K declarations through both servers.
    await bookingRace(log, url, day, both);

    // 3. Call-forward from both servers, and events on boards connected to either.
    await crossProcessChecks(log, { url, a, b, day });

    await withClient(url, async (client) => {
      const q = queryOf(client);
      await checkPayments(q, log);
      await checkTrips(q, log);
      await checkQueues(q, log);
    });
  } catch (error) {
    log.check('drill ran to the end', false, String((error as Error).stack ?? error).slice(0, 800));
  } finally {
    for (const s of servers) await s.stop().catch(() => {});
    await pg.destroy();
  }
  return log.result();
}

async function bookingRace(log: DrillLog, url: string, day: Awaited<ReturnType<typeof prepareDay>>, both: (t: TripRun, i: number) => Client): Promise<void> {
  if (!day.api.has('PUT', '/api/v1/gates/{id}/capacity/dates/{date}')) {
    log.note('bookings not raced: the capacity routes do not exist');
    return;
  }
  const gate = 'bench-coc-nam';
  const K = 5;
  const racers = day.trips.filter((t) => t.plan.gateId !== gate && t.plan.direction === 'export').slice(0, 3 * K);
  const date = nextDate(day.plannedDate, 1);
  const authority = day.ctx.officer(gate, 'gate_authority');
  const capacity = await authority.get<{ version: number }>(`/api/v1/gates/${gate}/capacity`);
  const put = await authority.request('PUT', `/api/v1/gates/${gate}/capacity/dates/${date}`, { body: { version: capacity.body.version, direction: 'export', perDay: K, hours: [{ hour: 10, capacity: K }], reason: 'Drill: a window with room for a few trucks' }, idempotencyKey: `drill-cap-${date}` });
  if (put.status !== 200) {
    log.check('capacity override for the race', false, `${put.status} ${put.text.slice(0, 200)}`);
    return;
  }
  // Fresh drafts for the raced window, created through server A, then submitted through both at once.
  const drafts: Array<{ trip: TripRun; id: string; version: number }> = [];
  for (const t of racers) {
    const body = { ...tripRequest({ ...t, plannedDate: date }), gateId: gate, window: { from: '10:00', to: '11:00' }, vehicleId: day.world.vehicleIds.get(t.plan.seq), driverId: day.world.driverIds.get(t.plan.seq) };
    const res = await t.enterprise.client.post<{ id: string; version: number }>('/api/v1/trips', body, { idempotencyKey: `drill-race-${t.plan.seq}` });
    if (res.status === 201) drafts.push({ trip: t, id: res.body.id, version: res.body.version });
  }
  const statuses = await Promise.all(drafts.map((d, i) => both(d.trip, i).post<{ code?: string }>(`/api/v1/trips/${d.id}/submit`, { version: d.version }).then((r) => `${r.status} ${r.status >= 400 ? r.body.code : ''}`.trim())));
  const counts = statuses.reduce<Record<string, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});
  log.figure(`${drafts.length} submissions for a window of ${K} through both servers`, counts);
  await withClient(url, async (client) => {
    const q = queryOf(client);
    const booked = await q(`select count(*)::int as n from crossing_bookings where gate_id = $1 and day = $2 and direction = 'export' and status in ('active', 'used')`, [gate, date]);
    const counters = await q(`select booked, capacity from capacity_day_counters where gate_id = $1 and day = $2 and direction = 'export'`, [gate, date]);
    log.check('bookings never exceed the window capacity', booked[0].n === K && (counts['200'] ?? 0) === K, `${booked[0].n} active bookings, ${counts['200'] ?? 0} accepted, capacity ${K}; counter ${JSON.stringify(counters[0] ?? null)}`);
  });
}

function nextDate(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
