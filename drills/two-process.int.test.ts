import crypto from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/src/app';
import { loadConfig } from '../server/src/config';
import { openPglite, openPostgres, type DbHandle } from '../server/src/db/connect';
import { migrate } from '../server/src/db/migrate';
import { seed } from '../server/src/db/seed';
import { addDays, dayHours } from '../server/src/gates/calendar';
import { loadCalendars } from '../server/src/gates/gates.repository';
import { EVENTS_CHANNEL, emitEvent } from '../server/src/platform/events';
import type { App } from '../server/src/platform/types';
import { dbKinds, login } from '../server/test/harness';

// The fast version of the two-process drill (npm run drill two-processes runs it with two server
// processes): two app instances on one database, each with its own connection pool and LISTEN
// connection on a real PostgreSQL (on PGlite they share the embedded engine). Requests go to
// both at once: a payment sent twice with one key charges once, a window never takes more trucks
// than its capacity, and an event written through one instance wakes listeners of the other.

interface Pair {
  a: App;
  b: App;
  db: DbHandle['db'];
  close(): Promise<void>;
}

async function twoApps(kind: 'pglite' | 'postgres'): Promise<Pair> {
  const config = { ...loadConfig({}) };
  if (kind === 'pglite') {
    const handle = await openPglite(null);
    await migrate(handle.db);
    await seed(handle.db, { demo: true });
    const a = await buildApp({ config, database: handle, logger: false });
    const b = await buildApp({ config, database: handle, logger: false });
    return { a, b, db: handle.db, close: async () => (await a.close(), await b.close(), await handle.close()) };
  }
  const admin = process.env.TEST_DATABASE_URL!;
  const name = `cks_two_${crypto.randomBytes(5).toString('hex')}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`create database ${name}`);
  await c.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const first = await openPostgres(url.toString(), 5);
  const second = await openPostgres(url.toString(), 5);
  await migrate(first.db);
  await seed(first.db, { demo: true });
  const a = await buildApp({ config, database: first, logger: false });
  const b = await buildApp({ config, database: second, logger: false });
  return {
    a,
    b,
    db: first.db,
    close: async () => {
      await a.close();
      await b.close();
      await first.close();
      await second.close();
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`drop database if exists ${name} with (force)`);
      await d.end();
    },
  };
}

describe.each(dbKinds())('two server instances on one %s database', (kind) => {
  let p: Pair;
  let enterprise: string;
  beforeAll(async () => {
    p = await twoApps(kind);
    await Promise.all([p.a.ready(), p.b.ready()]);
    enterprise = await login(p.a, 'dn.nongsan');
  });
  afterAll(async () => p?.close());

  const draft = async (app: App, date: string, window = { from: '10:00', to: '11:00' }) => {
    const vehicle = (await sql<{ id: string }>`select v.id from vehicles v join users u on u.enterprise_id = v.enterprise_id where u.username = 'dn.nongsan' and v.type = 'truck' or v.plate = '11H-678.90' limit 1`.execute(p.db)).rows[0];
    const driver = (await sql<{ id: string }>`select d.id from drivers d join users u on u.enterprise_id = d.enterprise_id where u.username = 'dn.nongsan' limit 1`.execute(p.db)).rows[0];
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/trips',
      headers: { cookie: enterprise },
      payload: {
        direction: 'export', gateId: 'tra-linh', plannedDate: date, window, vehicleId: vehicle.id, driverId: driver.id,
        containers: [], documents: [{ kind: 'customs_declaration', number: `30${crypto.randomInt(1e9, 9e9)}` }],
        cargoLines: [{ hsCode: '0909.61', description: 'Hoa hồi khô', packages: 100, packageKind: 'bao', quantity: 3000, unit: 'KGM', grossWeightKg: 3100, declaredValue: 15000, currency: 'USD', origin: 'VN' }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  };

  /** A day (two or more days ahead) when Trà Lĩnh is open 10:00–11:00 for any cargo. */
  const openDay = async () => {
    const calendar = (await loadCalendars(p.db, ['tra-linh'])).get('tra-linh')!;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    for (let d = 2; d < 60; d++) {
      const date = addDays(today, d);
      const day = dayHours(calendar, date, 'Asia/Ho_Chi_Minh', 'Asia/Shanghai');
      if (!day.special && day.intervals.some((i) => i.opens <= '10:00' && '11:00' <= i.closes)) return date;
    }
    throw new Error('no open day');
  };

  it('charges once when the same payment reaches both instances at once', async () => {
    const trip = await draft(p.a, await openDay(), { from: '13:00', to: '16:00' });
    const submitted = await p.b.inject({ method: 'POST', url: `/api/v1/trips/${trip.id}/submit`, headers: { cookie: enterprise }, payload: { version: trip.version } });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const amount = submitted.json().fee.outstanding;
    expect(amount).toBeGreaterThan(0);
    const send = (app: App) => app.inject({ method: 'POST', url: `/api/v1/trips/${trip.id}/payments`, headers: { cookie: enterprise, 'idempotency-key': `race-${trip.id}` }, payload: { amount, payerAccount: '9704000000000018' } });
    const answers = await Promise.all([send(p.a), send(p.b), send(p.a), send(p.b)]);
    for (const res of answers) expect([201, 409]).toContain(res.statusCode);
    const ids = new Set(answers.filter((r) => r.statusCode === 201).map((r) => r.json().id));
    expect(ids.size).toBe(1);
    const rows = await sql<{ n: number }>`select count(*)::int as n from payments where trip_id = ${trip.id} and kind = 'charge'`.execute(p.db);
    expect(rows.rows[0].n).toBe(1);
  });

  it('never books a window beyond its capacity when submissions reach both instances at once', async () => {
    const date = await openDay();
    const authority = await login(p.a, 'bql.tralinh');
    const capacity = (await p.a.inject({ method: 'GET', url: '/api/v1/gates/tra-linh/capacity' })).json();
    const put = await p.b.inject({
      method: 'PUT',
      url: `/api/v1/gates/tra-linh/capacity/dates/${date}`,
      headers: { cookie: authority },
      payload: { version: capacity.version, direction: 'export', perDay: 50, hours: [{ hour: 10, capacity: 2 }], reason: 'Two-instance race test' },
    });
    expect(put.statusCode, put.body).toBe(200);
    const drafts = await Promise.all(Array.from({ length: 6 }, () => draft(p.a, date)));
    const answers = await Promise.all(drafts.map((d, i) => (i % 2 ? p.a : p.b).inject({ method: 'POST', url: `/api/v1/trips/${d.id}/submit`, headers: { cookie: enterprise }, payload: { version: d.version } })));
    const accepted = answers.filter((r) => r.statusCode === 200).length;
    expect(accepted).toBe(2);
    for (const r of answers.filter((x) => x.statusCode !== 200)) expect(r.json().code).toBe('capacity.window_full');
    const booked = await sql<{ n: number }>`select count(*)::int as n from crossing_bookings where gate_id = 'tra-linh' and day = ${date} and hour = 10 and direction = 'export' and status = 'active'`.execute(p.db);
    expect(booked.rows[0].n).toBe(2);
  });

  it('wakes listeners of the other instance when an event is written through one', async () => {
    const received: string[] = [];
    const stop = await p.b.services.listen(EVENTS_CHANNEL, (payload) => received.push(payload));
    try {
      const id = await p.a.services.db.transaction().execute((tx) => emitEvent(tx, { type: 'notice.published', occurredAt: new Date(), gateId: 'tra-linh', payload: { noticeId: 'two-instance-test', gateIds: ['tra-linh'] } }));
      const deadline = Date.now() + 5000;
      while (!received.includes(String(id)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(received).toContain(String(id));
    } finally {
      await stop();
    }
  });
});
