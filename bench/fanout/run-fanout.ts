import { DEFAULT_DEMO_PASSWORD } from '../../server/src/db/seed-demo';
import { Client, login } from '../lib/http';
import { sampleProcess } from '../lib/proc-stats';
import { withClient } from '../lib/postgres';
import type { ServerProcess } from '../lib/server';
import { subscribe, type SseSubscriber } from '../lib/sse';
import { summarise } from '../lib/stats';
import { discoverApi, type Api } from '../peak/api';
import type { FanoutReport } from './fanout';

// Fan-out: N subscribers hold the live board open (server-sent events), a share of them are
// drivers whose page polls instead; events are written the way every capability writes them
// (a domain_events row and pg_notify in one transaction), and each event is timed from its commit
// to its arrival at every board, up to the last one (issue 8: within a second).

const EVENTS = 20;
const SPACING_MS = 500;
const DRIVER_SHARE = 0.2;
/** Until the page says otherwise (refreshSeconds, clamped to 5–60 s as web/src/features/yards/DriverPage.tsx does). */
let DRIVER_POLL_MS = 20_000;

/** The board's event stream: a GET under operations whose path says stream or events. */
export function findStream(api: Api): string | null {
  return [...api.routes].filter((r) => r.startsWith('GET /api/v1/') && /\/(stream|events)(\/|$|\?)|\/stream\b|sse/.test(r) && /operations|board/.test(r)).sort()[0] ?? null;
}

export async function runFanout(server: ServerProcess, databaseUrl: string, subscribers: number): Promise<FanoutReport> {
  const client = new Client(server.baseUrl, undefined, 64);
  const api = await discoverApi(client);
  const route = findStream(api);
  const empty = (why: string): FanoutReport => ({ subscribers, connected: 0, events: 0, missed: 0, connectSeconds: 0, notMeasured: why, lines: [`Not measured: ${why}.`] });
  if (!route) return empty('no live-board event stream in the API (GET /api/v1/operations/…stream)');
  const path = route.split(' ')[1];
  const op = api.operation('GET', path);
  const gateId = 'tra-linh';
  const query = op?.parameters?.some((p) => p.in === 'query' && p.name === 'gateId') ? `?gateId=${gateId}` : '';
  const url = `${server.baseUrl}${path.replace('{gateId}', gateId).replace('{id}', gateId)}${query}`;
  const cookie = await login(client, 'admin', process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD);

  const drivers = api.has('GET', '/api/v1/driver/trips/{reference}') ? Math.round(subscribers * DRIVER_SHARE) : 0;
  const boards = subscribers - drivers;
  // Arrival times per domain event id (the stream's `id:` is the event id).
  const received = new Map<string, number[]>();
  const serverSampler = sampleProcess(() => server.pid);
  const started = performance.now();
  const subs: SseSubscriber[] = [];
  let refused = 0;
  for (let i = 0; i < boards; i += 100) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(100, boards - i) }, () =>
        subscribe(url, { cookie }, (e) => {
          if (!e.id || (e.event && e.event !== 'domain')) return;
          (received.get(e.id) ?? received.set(e.id, []).get(e.id)!).push(e.receivedAt);
        }).catch(() => null),
      ),
    );
    for (const s of batch) if (s?.status === 200) subs.push(s);
    else refused++;
  }
  const connectSeconds = (performance.now() - started) / 1000;

  // Drivers: their page polls (the same paid demo trip, with its signed pass).
  const pass = await withClient(databaseUrl, async (db) => (await db.query<{ reference: string; token: string }>(`select t.reference, g.token from gate_passes g join trips t on t.id = g.trip_id where g.status = 'valid' limit 1`)).rows[0]);
  const pollTimes: number[] = [];
  if (drivers > 0 && pass) {
    const first = await client.get<{ refreshSeconds?: number }>(`/api/v1/driver/trips/${encodeURIComponent(pass.reference)}?pass=${encodeURIComponent(pass.token)}`);
    DRIVER_POLL_MS = Math.min(60, Math.max(5, first.body.refreshSeconds ?? 20)) * 1000;
  }
  let polling = drivers > 0 && !!pass;
  const pollers = polling
    ? Array.from({ length: drivers }, async (_, k) => {
        await new Promise((r) => setTimeout(r, (k * DRIVER_POLL_MS) / drivers));
        while (polling) {
          const res = await client.get(`/api/v1/driver/trips/${encodeURIComponent(pass.reference)}?pass=${encodeURIComponent(pass.token)}`).catch(() => null);
          if (res) pollTimes.push(res.ms);
          await new Promise((r) => setTimeout(r, DRIVER_POLL_MS));
        }
      })
    : [];

  // Events, committed one by one, as emitEvent writes them.
  const commits = new Map<string, number>(); // event id → commit time
  await withClient(databaseUrl, async (db) => {
    const trip = (await db.query<{ id: string; enterprise_id: string }>(`select id, enterprise_id from trips where gate_id = $1 limit 1`, [gateId])).rows[0];
    for (let k = 0; k < EVENTS; k++) {
      await db.query('begin');
      const row = await db.query<{ id: string }>(
        `insert into domain_events (type, occurred_at, gate_id, trip_id, direction, payload) values ('trip.called', now(), $1, $2, 'export', $3) returning id`,
        [gateId, trip?.id ?? null, JSON.stringify({ enterpriseId: trip?.enterprise_id, yardId: 'tra-linh-a', lane: 'standard' })],
      );
      await db.query(`select pg_notify('cks_events', $1)`, [String(row.rows[0].id)]);
      await db.query('commit');
      commits.set(String(row.rows[0].id), performance.now());
      await new Promise((r) => setTimeout(r, SPACING_MS));
    }
  });
  await new Promise((r) => setTimeout(r, Math.max(5000, DRIVER_POLL_MS)));
  polling = false;
  await Promise.all(pollers);
  const cpu = serverSampler.stop();
  for (const s of subs) s.close();
  client.close();

  const toLast: number[] = [];
  const perDelivery: number[] = [];
  let missed = 0;
  let events = 0;
  for (const [id, t0] of commits) {
    const arrivals = received.get(id) ?? [];
    if (arrivals.length > 0) events++;
    missed += Math.max(0, subs.length - arrivals.length);
    for (const a of arrivals) perDelivery.push(a - t0);
    if (arrivals.length > 0) toLast.push(Math.max(...arrivals) - t0);
  }
  const last = summarise(toLast);
  const each = summarise(perDelivery);
  const poll = summarise(pollTimes);
  return {
    subscribers,
    connected: subs.length,
    events,
    toLastSubscriber: last,
    perDelivery: each,
    missed,
    connectSeconds: Math.round(connectSeconds * 10) / 10,
    lines: [
      `${subs.length} live-board subscribers (gate ${gateId}) on \`${route}\` (${refused} refused) opened in ${connectSeconds.toFixed(1)} s${drivers ? `, plus ${drivers} driver pages polling every ${DRIVER_POLL_MS / 1000} s` : ''}; ${EVENTS} events committed ${SPACING_MS} ms apart.`,
      `- from commit to the **last** board: p50 **${last.p50} ms**, p99 **${last.p99} ms**, max ${last.max} ms (${events}/${EVENTS} events delivered, ${missed} deliveries missed)`,
      `- every delivery: p50 ${each.p50} ms, p99 ${each.p99} ms`,
      ...(drivers ? [`- driver page (polling): answer p50 ${poll.p50} ms, p99 ${poll.p99} ms over ${poll.count} polls; a driver sees a change within the poll interval (${DRIVER_POLL_MS / 1000} s) plus that`] : []),
      `- server while fanning out: CPU ${cpu.cpuAvgPercent}% average, ${cpu.cpuMaxPercent}% peak; ${cpu.rssMaxMb} MB peak RSS`,
    ],
  };
}
