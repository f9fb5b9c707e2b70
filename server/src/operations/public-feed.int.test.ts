import { sql } from 'kysely';
import { convert } from 'xmlbuilder2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicCongestionFeed } from '../../../shared/schemas/operations';
import { capacityAt } from '../capacity/capacity-query';
import { createTestApp, dbKinds } from '../../test/harness';
import type { Kit } from '../trips/__fixtures__/trips.testkit';
import { at, callNext, checkIn, clearTrip, moveTo, opsKit, paidTrips, waitingInDb, yardAction } from './__fixtures__/operations.testkit';
import { congestionThresholds, nationalLevel } from './thresholds';

// The public feed's figures come from the recorded trips: trips declared, paid, checked in,
// called and crossed through the real APIs; every number in the feed is compared with a direct
// count in the database (and the expected delay with the formula over those counts).

describe.each(dbKinds())('public congestion feed (%s)', (kind) => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await opsKit(kind);
    const trips = await paidTrips(kit, 5);
    await moveTo(kit, at('08:30'));
    await checkIn(kit, trips[0], 'tra-linh-a', at('08:00'));
    await checkIn(kit, trips[1], 'tra-linh-a', at('08:10'));
    await checkIn(kit, trips[2], 'tra-linh-b', at('08:20'));
    await checkIn(kit, trips[3], 'tra-linh-a');
    await clearTrip(kit, trips[0].id);
    await clearTrip(kit, trips[1].id);
    const called = await callNext(kit);
    expect(called.called.map((c) => c.tripId).sort()).toEqual([trips[0].id, trips[1].id].sort());
    await yardAction(kit, trips[0].id, 'leave_yard');
  });
  afterAll(async () => kit?.t.close());

  async function feed(url = '/api/v1/public/congestion', headers: Record<string, string> = {}) {
    return kit.t.app.inject({ method: 'GET', url, headers });
  }

  it('gives every operating goods gate, and each figure matches the database', async () => {
    const res = await feed();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = res.json() as PublicCongestionFeed;
    const gates = await kit.t.db.selectFrom('gates').select(['id', 'status', 'traffic']).execute();
    const expected = gates.filter((g) => ['operating', 'upgrading'].includes(g.status) && g.traffic.includes('goods')).map((g) => g.id).sort();
    expect(body.gates.map((g) => g.id).sort()).toEqual(expected);

    const t = congestionThresholds();
    let total = 0;
    for (const g of body.gates) {
      const ex = await waitingInDb(kit, g.id, 'export');
      const im = await waitingInDb(kit, g.id, 'import');
      expect(g.trucksWaiting).toEqual({ total: ex + im, export: ex, import: im });
      total += ex + im;
    }
    expect(body.national.waiting).toBe(total);
    expect(body.national.level).toBe(nationalLevel(total, t));

    // Trà Lĩnh in detail: 3 of ours queued + the demo queue; 1 called and gone, 1 called and still in the yard.
    const tl = body.gates.find((g) => g.id === 'tra-linh')!;
    const queued = Number((await sql<{ n: number }>`select count(*)::int as n from trips where gate_id = 'tra-linh' and status = 'checked_in' and direction = 'export'`.execute(kit.t.db)).rows[0].n);
    const calls = Number((await sql<{ n: number }>`select count(*)::int as n from domain_events where gate_id = 'tra-linh' and type = 'trip.called' and direction = 'export' and occurred_at > ${new Date(kit.clock.now.getTime() - t.throughput.windowHours * 3_600_000)}`.execute(kit.t.db)).rows[0].n);
    expect(calls).toBe(2);
    // Two calls are under the measuring minimum, so the delay uses this hour's capacity.
    expect(calls).toBeLessThan(t.throughput.minSample);
    const capacity = await capacityAt(kit.t.db, 'tra-linh', 'export', kit.clock.now);
    expect(tl.capacityOpen.exportPerHour).toBe(capacity.perHour);
    expect(tl.capacityOpen.exportPerDay).toBe(capacity.perDay);
    expect(tl.expectedDelayMinutes.export).toBe(Math.round((queued / capacity.perHour) * 60));
    expect(tl.open).toBe(true);
    expect(tl.hoursToday.intervals).toEqual([{ opens: '07:00', closes: '19:00' }]);
    expect(tl.hoursToday.counterpartIntervals).toEqual([{ opens: '08:00', closes: '20:00' }]);
    expect(tl.level).toBe('green');
  });

  it('gives the same figures as XML, by query, by address and by Accept', async () => {
    const json = (await feed()).json() as PublicCongestionFeed;
    for (const [url, headers] of [
      ['/api/v1/public/congestion?format=xml', {}],
      ['/api/v1/public/congestion.xml', {}],
      ['/api/v1/public/congestion', { accept: 'application/xml' }],
      ['/api/v1/public/congestion', { accept: 'text/html;q=0.9, application/xml;q=0.8, application/json;q=0.5' }],
    ] as const) {
      const res = await feed(url, headers);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/xml/);
      const doc = convert(res.body, { format: 'object' }) as { congestion: Record<string, unknown> };
      const x = doc.congestion as { national: { waiting: string; level: string }; gates: { gate: Array<Record<string, unknown>> } };
      expect(Number(x.national.waiting)).toBe(json.national.waiting);
      expect(x.national.level).toBe(json.national.level);
      const list = Array.isArray(x.gates.gate) ? x.gates.gate : [x.gates.gate];
      expect(list.map((g) => g.id)).toEqual(json.gates.map((g) => g.id));
      for (const [i, g] of list.entries()) {
        const j = json.gates[i];
        const waiting = g.trucksWaiting as Record<string, string>;
        expect({ total: Number(waiting.total), export: Number(waiting.export), import: Number(waiting.import) }).toEqual(j.trucksWaiting);
        const delay = g.expectedDelayMinutes as Record<string, string | { '@nil': string }>;
        expect(typeof delay.export === 'string' ? Number(delay.export) : null).toBe(j.expectedDelayMinutes.export);
        expect(g.level).toBe(j.level);
        expect(g.open).toBe(String(j.open));
        expect(Number((g.capacityOpen as Record<string, string>).exportPerHour)).toBe(j.capacityOpen.exportPerHour);
      }
    }
    expect((await feed('/api/v1/public/congestion', { accept: 'application/json' })).headers['content-type']).toMatch(/^application\/json/);
  });

  it('is cacheable: ETag, 304 on If-None-Match, a new tag when a truck arrives', async () => {
    const first = await feed();
    const tag = first.headers.etag as string;
    expect(tag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toMatch(/public, max-age=\d+/);
    expect(first.headers.vary).toMatch(/Accept/);
    const again = await feed('/api/v1/public/congestion', { 'if-none-match': tag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const xml = await feed('/api/v1/public/congestion?format=xml');
    expect(xml.headers.etag).not.toBe(tag);
    expect((await feed('/api/v1/public/congestion?format=xml', { 'if-none-match': xml.headers.etag as string })).statusCode).toBe(304);

    const [trip] = await paidTrips(kit, 1, 'dn.nongsan', { plannedDate: '2027-03-04' });
    await checkIn(kit, trip, 'tra-linh-a');
    const after = await feed('/api/v1/public/congestion', { 'if-none-match': tag });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(tag);
    const tl = (after.json() as PublicCongestionFeed).gates.find((g) => g.id === 'tra-linh')!;
    expect(tl.trucksWaiting.total).toBe(await waitingInDb(kit, 'tra-linh'));
  });

  it('is documented in the OpenAPI file with both media types', async () => {
    const spec = (await kit.t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const ok = spec.paths['/api/v1/public/congestion'].get.responses['200'].content;
    expect(Object.keys(ok).sort()).toEqual(['application/json', 'application/xml']);
    expect(spec.paths['/api/v1/public/congestion'].get.responses['429']).toBeDefined();
  });
});

describe('public congestion feed rate limit', () => {
  it('answers 429 problem+json with Retry-After past the limit per client', async () => {
    const saved = process.env.OPERATIONS_PUBLIC_RATE_LIMIT;
    process.env.OPERATIONS_PUBLIC_RATE_LIMIT = '5';
    const t = await createTestApp('pglite');
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await t.app.inject({ method: 'GET', url: '/api/v1/public/congestion' })).statusCode);
      expect(statuses).toEqual([200, 200, 200, 200, 200]);
      const limited = await t.app.inject({ method: 'GET', url: '/api/v1/public/congestion' });
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(limited.json().code).toBe('operations.rate_limited');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      // Another client address is not affected.
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/public/congestion', remoteAddress: '10.1.2.3' })).statusCode).toBe(200);
    } finally {
      if (saved === undefined) delete process.env.OPERATIONS_PUBLIC_RATE_LIMIT;
      else process.env.OPERATIONS_PUBLIC_RATE_LIMIT = saved;
      await t.close();
    }
  });
});
