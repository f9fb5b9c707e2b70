import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { openPostgres, type DbHandle } from '../db/connect';
import { emitEvent } from '../platform/events';
import type { App } from '../platform/types';
import { createTestApp, dbKinds, login, type TestApp } from '../../test/harness';
import type { Kit } from '../trips/__fixtures__/trips.testkit';
import { at, checkIn, moveTo, opsKit, paidTrips } from './__fixtures__/operations.testkit';
import { openSse } from './__fixtures__/sse-client';
import { eventHub, type HubEvent } from './event-hub';

// The event hub and the board's server-sent events. Events are produced by the real yards API
// (check-in) or, for the hub's own mechanics, written with emitEvent in a transaction exactly as
// the capabilities do.

async function listen(app: App): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

function collector(app: App, gateId: string) {
  const seen: HubEvent[] = [];
  const waiters: Array<() => void> = [];
  eventHub(app.services).subscribe({ gateIds: new Set([gateId]) }, (events) => {
    seen.push(...events);
    waiters.splice(0).forEach((w) => w());
  });
  return {
    seen,
    async waitFor(match: (e: HubEvent) => boolean, timeoutMs = 10_000): Promise<HubEvent> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = seen.find(match);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`event not received; saw ${seen.map((e) => `${e.id}:${e.type}`).join(', ')}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
  };
}

async function emit(t: { db: TestApp['db'] }, gateId: string, type = 'yard.flagged', payload: Record<string, unknown> = {}): Promise<number> {
  return t.db.transaction().execute((tx) => emitEvent(tx, { type, occurredAt: new Date(), gateId, payload: { yardId: 'tra-linh-a', plate: '11C-999.99', reason: 'unknown_plate', ...payload } }));
}

describe.each(dbKinds())('event hub and board stream (%s)', (kind) => {
  let kit: Kit;
  let base: string;
  beforeAll(async () => {
    // Only LISTEN/NOTIFY wakes this app's hub (the fallback poll is a minute away), so events
    // arriving here prove the notification path.
    const saved = process.env.OPERATIONS_EVENT_POLL_MS;
    process.env.OPERATIONS_EVENT_POLL_MS = '60000';
    try {
      kit = await opsKit(kind);
    } finally {
      if (saved === undefined) delete process.env.OPERATIONS_EVENT_POLL_MS;
      else process.env.OPERATIONS_EVENT_POLL_MS = saved;
    }
    base = await listen(kit.t.app);
  });
  afterAll(async () => kit?.t.close());

  it('fans a committed event out to subscribers of its gate only', async () => {
    const tl = collector(kit.t.app, 'tra-linh');
    const tt = collector(kit.t.app, 'thanh-thuy');
    const id = await emit(kit.t, 'tra-linh');
    const got = await tl.waitFor((e) => e.id === id);
    expect(got).toMatchObject({ type: 'yard.flagged', gateId: 'tra-linh', payload: { plate: '11C-999.99' } });
    const other = await emit(kit.t, 'thanh-thuy');
    await tt.waitFor((e) => e.id === other);
    expect(tl.seen.some((e) => e.id === other)).toBe(false);
  });

  it('never delivers an event whose transaction rolled back', async () => {
    const tl = collector(kit.t.app, 'tra-linh');
    await expect(
      kit.t.db.transaction().execute(async (tx) => {
        await emitEvent(tx, { type: 'yard.flagged', occurredAt: new Date(), gateId: 'tra-linh', payload: { plate: 'ROLLED-BACK' } });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const after = await emit(kit.t, 'tra-linh');
    await tl.waitFor((e) => e.id === after);
    expect(tl.seen.some((e) => e.payload.plate === 'ROLLED-BACK')).toBe(false);
  });

  it('streams a truck’s arrival to an open board: the event, then the gate’s new count; Last-Event-ID resumes', async () => {
    const [trip, later] = await paidTrips(kit, 2);
    await moveTo(kit, at('08:30'));
    const snapshot = (await kit.req('GET', '/api/v1/operations/board?gateId=tra-linh', 'bql.tralinh')).json();
    const before = snapshot.gates[0].live.waiting as number;
    const stream = await openSse(`${base}/api/v1/operations/stream?gateId=tra-linh&lastEventId=${snapshot.lastEventId}`, { cookie: kit.cookies['bql.tralinh'] });
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
    await stream.waitFor((f) => f.event === 'gate');

    await checkIn(kit, trip);
    const arrived = await stream.waitFor((f) => f.event === 'domain' && JSON.parse(f.data).type === 'trip.checked_in');
    const event = JSON.parse(arrived.data);
    expect(arrived.id).toBe(String(event.id));
    expect(event).toMatchObject({ gateId: 'tra-linh', direction: 'export', tripId: trip.id, data: { yardId: 'tra-linh-a', source: 'manual' } });
    // No enterprise data on a board stream.
    expect(event.data.enterpriseId).toBeUndefined();
    const live = await stream.waitFor((f) => f.event === 'gate' && JSON.parse(f.data).waiting === before + 1);
    expect(JSON.parse(live.data).lastEventId).toBeGreaterThanOrEqual(event.id);
    stream.close();

    // While the board is away another truck arrives; reconnecting with Last-Event-ID replays it.
    await checkIn(kit, later, 'tra-linh-b');
    const resumed = await openSse(`${base}/api/v1/operations/stream?gateId=tra-linh`, { cookie: kit.cookies['bql.tralinh'], 'last-event-id': String(event.id) });
    const replayed = await resumed.waitFor((f) => f.event === 'domain' && JSON.parse(f.data).tripId === later.id);
    expect(Number(replayed.id)).toBeGreaterThan(event.id);
    expect(resumed.frames.filter((f) => f.event === 'domain').every((f) => Number(f.id) > event.id)).toBe(true);
    resumed.close();
  });

  it('refuses the stream to the public and to officers of other gates', async () => {
    expect((await openSse(`${base}/api/v1/operations/stream?gateId=tra-linh`)).status).toBe(401);
    const other = await login(kit.t.app, 'bql.thanhthuy');
    const refused = await openSse(`${base}/api/v1/operations/stream?gateId=tra-linh`, { cookie: other });
    expect(refused.status).toBe(403);
    refused.close();
  });

  it('streams public gate status without trips to anyone', async () => {
    const stream = await openSse(`${base}/api/v1/public/congestion/stream`);
    expect(stream.status).toBe(200);
    await emit(kit.t, 'tra-linh');
    const frame = await stream.waitFor((f) => f.event === 'gate' && JSON.parse(f.data).gateId === 'tra-linh');
    expect(Object.keys(JSON.parse(frame.data)).sort()).toEqual(['expectedDelayMinutes', 'gateId', 'level', 'open', 'updatedAt', 'waiting', 'waitingExport', 'waitingImport']);
    expect(stream.frames.some((f) => f.event === 'domain')).toBe(false);
    stream.close();
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('event hub across server processes (postgres)', () => {
  let t: TestApp;
  let second: { app: App; database: DbHandle };
  beforeAll(async () => {
    t = await createTestApp('postgres');
    const name = (await sql<{ name: string }>`select current_database() as name`.execute(t.db)).rows[0].name;
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    const database = await openPostgres(url.toString(), 3);
    const app = await buildApp({ config: t.config, database, logger: false, now: () => t.clock.now });
    await app.ready();
    second = { app, database };
  });
  afterAll(async () => {
    await second?.app.close();
    await second?.database.close();
    await t?.close();
  });

  it('delivers an event committed through one instance to subscribers and boards of the other', async () => {
    const onSecond = collector(second.app, 'tra-linh');
    const base = await listen(second.app);
    const cookie = await login(second.app, 'bql.tralinh');
    const stream = await openSse(`${base}/api/v1/operations/stream?gateId=tra-linh`, { cookie });
    await stream.waitFor((f) => f.event === 'gate');
    const id = await emit(t, 'tra-linh');
    await onSecond.waitFor((e) => e.id === id);
    await stream.waitFor((f) => f.event === 'domain' && f.id === String(id));
    stream.close();
  });

  it('catches an event whose transaction took its id first but committed after a newer one', async () => {
    const seen = collector(second.app, 'tra-linh');
    let release!: () => void;
    const hold = new Promise<void>((resolve) => (release = resolve));
    let slowId = 0;
    const slow = t.db.transaction().execute(async (tx) => {
      slowId = await emitEvent(tx, { type: 'yard.flagged', occurredAt: new Date(), gateId: 'tra-linh', payload: { plate: 'SLOW' } });
      await hold;
    });
    while (slowId === 0) await new Promise((r) => setTimeout(r, 10));
    const fastId = await emit(t, 'tra-linh', 'yard.flagged', { plate: 'FAST' });
    expect(fastId).toBeGreaterThan(slowId);
    await seen.waitFor((e) => e.id === fastId);
    release();
    await slow;
    const late = await seen.waitFor((e) => e.id === slowId);
    expect(late.payload.plate).toBe('SLOW');
  });
});
