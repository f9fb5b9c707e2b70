import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databaseFingerprint, dbKinds, login, testClock, type TestApp } from '../../test/harness';
import { addDays } from '../gates/calendar';
import { todayIn } from '../trips/time';

// Border-market prices: validation as problem+json listing every problem, who publishes what
// (official for the authority's own gates, attributed for enterprises), one live entry per
// organisation, retraction, and trends computed from the entries.

const EXCEPT = ['sessions', 'auth_throttle'];

describe.each(dbKinds())('border-market prices on %s', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const clock = testClock(new Date('2027-03-10T03:00:00Z'));
  const today = todayIn(clock.now);
  const d1 = addDays(today, -3);
  const d2 = addDays(today, -2);
  beforeAll(async () => {
    t = await createTestApp(kind, {}, clock);
    for (const u of ['bql.tralinh', 'dn.nongsan', 'dn.thanhthuy', 'lanhdao.caobang', 'soct.caobang']) cookies[u] = await login(t.app, u);
  });
  afterAll(async () => t?.close());

  const publish = (who: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/market/prices', payload: { commodity: 'longan', marketId: 'tra-linh', date: d1, currency: 'VND', unit: 'kg', ...body }, headers: { cookie: cookies[who], ...headers } });

  it('lists the commodities and markets for anyone', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/market/reference' });
    expect(res.statusCode).toBe(200);
    const ref = res.json();
    expect(ref.commodities.find((c: { code: string }) => c.code === 'durian')).toMatchObject({ hsPrefixes: ['081060'], units: ['kg', 'tonne'], nameZh: '榴莲' });
    expect(ref.commodities[0].pricePerKg).toBeUndefined();
    expect(ref.markets).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: 'tra-linh', gateId: 'tra-linh', kind: 'gate' }),
      expect.objectContaining({ id: 'long-bang', gateId: 'tra-linh', kind: 'border_market', side: 'CN', province: 'CB' }),
    ]));
  });

  it('refuses a wrong entry with every problem listed, writing nothing', async () => {
    const before = await databaseFingerprint(t.db, EXCEPT);
    const bad = await publish('bql.tralinh', { unit: 'box', priceMin: 50000, priceMax: 40000, volumeTonnes: 200_000, date: addDays(today, 1) });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().code).toBe('market.invalid_entry');
    expect(bad.json().errors.map((e: { code: string; path: string }) => `${e.code} ${e.path}`)).toEqual([
      'market.unit_mismatch /unit',
      'market.price_order /priceMin',
      'market.volume_out_of_range /volumeTonnes',
      'market.date_in_future /date',
    ]);
    // 30,000 typed as CNY per kg, or a per-kilogram price declared per tonne, is out of range.
    const wrongCurrency = await publish('bql.tralinh', { currency: 'CNY', priceAvg: 30000 });
    expect(wrongCurrency.json().errors).toEqual([expect.objectContaining({ code: 'market.price_out_of_range', path: '/priceAvg' })]);
    const wrongUnit = await publish('bql.tralinh', { unit: 'tonne', priceAvg: 30000 });
    expect(wrongUnit.json().errors).toEqual([expect.objectContaining({ code: 'market.price_out_of_range' })]);
    const unknown = await publish('bql.tralinh', { commodity: 'saffron', marketId: 'nowhere', priceAvg: 1000 });
    expect(unknown.json().errors.map((e: { code: string }) => e.code)).toEqual(['market.unknown_commodity', 'market.unknown_market']);
    const noPrice = await publish('bql.tralinh', { priceMin: 20000 });
    expect(noPrice.json().errors.map((e: { code: string }) => e.code)).toEqual(['market.price_required']);
    const usd = await publish('bql.tralinh', { currency: 'USD', priceAvg: 2 });
    expect(usd.json()).toMatchObject({ status: 400, code: 'request.invalid' });
    const old = await publish('bql.tralinh', { priceAvg: 30000, date: addDays(today, -400) });
    expect(old.json().errors.map((e: { code: string }) => e.code)).toEqual(['market.date_too_old']);
    // Scope: the authority speaks only for its own gates' markets; leaders publish nothing.
    const foreign = await publish('bql.tralinh', { marketId: 'thien-bao', priceAvg: 30000 });
    expect(foreign.json()).toMatchObject({ status: 403, code: 'auth.out_of_scope', gateId: 'thanh-thuy' });
    const leader = await publish('lanhdao.caobang', { priceAvg: 30000 });
    expect(leader.json()).toMatchObject({ status: 403, code: 'auth.forbidden' });
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/v1/market/prices', payload: { commodity: 'longan', marketId: 'tra-linh', date: d1, currency: 'VND', unit: 'kg', priceAvg: 30000 } });
    expect(anonymous.statusCode).toBe(401);
    expect(await databaseFingerprint(t.db, EXCEPT)).toEqual(before);
  });

  it('publishes official and attributed entries once, retracts them, and draws the trends from what is left', async () => {
    const key = { 'idempotency-key': `price-${kind}-1` };
    const official = await publish('bql.tralinh', { priceAvg: 30000, volumeTonnes: 10 }, key);
    expect(official.statusCode).toBe(201);
    expect(official.json()).toMatchObject({ source: 'authority', official: true, gateId: 'tra-linh', publisher: expect.stringContaining('Ban Quản lý'), canRetract: true });
    const replay = await publish('bql.tralinh', { priceAvg: 30000, volumeTonnes: 10 }, key);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().id).toBe(official.json().id);
    const duplicate = await publish('bql.tralinh', { priceAvg: 31000 });
    expect(duplicate.json()).toMatchObject({ status: 409, code: 'market.duplicate_entry' });

    // The same day per tonne, as a range only: its mid-point is 31,000 per kilogram.
    expect((await publish('bql.tralinh', { unit: 'tonne', priceMin: 29_000_000, priceMax: 33_000_000, volumeTonnes: 5 })).statusCode).toBe(201);
    expect((await publish('bql.tralinh', { date: d2, priceAvg: 32000 })).statusCode).toBe(201);
    // Department staff of the province publish official prices too (Sở Công Thương).
    expect((await publish('soct.caobang', { marketId: 'cho-tra-linh', priceAvg: 29500 })).json()).toMatchObject({ official: true, gateId: 'tra-linh' });
    const ns = await publish('dn.nongsan', { currency: 'CNY', priceAvg: 9.5 });
    expect(ns.json()).toMatchObject({ source: 'enterprise', official: false, publisher: 'Công ty TNHH Xuất nhập khẩu Nông sản Cao Bằng' });
    expect((await publish('dn.thanhthuy', { currency: 'CNY', priceMin: 10, priceMax: 11 })).statusCode).toBe(201);
    const wrong = await publish('dn.thanhthuy', { currency: 'CNY', date: d2, priceAvg: 39 });
    expect(wrong.statusCode).toBe(201);

    // Only the publisher (or the gate's authority) retracts; a retracted entry leaves the trends.
    const byOther = await t.app.inject({ method: 'POST', url: `/api/v1/market/prices/${wrong.json().id}/retract`, payload: { reason: 'Không phải của tôi' }, headers: { cookie: cookies['dn.nongsan'] } });
    expect(byOther.json()).toMatchObject({ status: 403, code: 'auth.forbidden' });
    const retract = (who: string) => t.app.inject({ method: 'POST', url: `/api/v1/market/prices/${wrong.json().id}/retract`, payload: { reason: 'Nhập nhầm giá' }, headers: { cookie: cookies[who] } });
    expect((await retract('bql.tralinh')).json()).toMatchObject({ retractReason: 'Nhập nhầm giá', canRetract: false });
    expect((await retract('dn.thanhthuy')).json()).toMatchObject({ status: 409, code: 'market.already_retracted' });

    const events = await t.db.selectFrom('domain_events').select(['type', 'gate_id', 'payload']).where('type', 'like', 'market.%').orderBy('id').execute();
    expect(events.filter((e) => e.type === 'market.price_published')).toHaveLength(7);
    expect(events[0]).toMatchObject({ gate_id: 'tra-linh', payload: expect.objectContaining({ commodity: 'longan', marketGateId: 'tra-linh' }) });
    expect(events.at(-1)).toMatchObject({ type: 'market.price_retracted' });

    const res = await t.app.inject({ method: 'GET', url: `/api/v1/market/trends?commodity=longan&gateId=tra-linh&from=${d1}&to=${today}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      commodity: 'longan',
      unit: 'kg',
      from: d1,
      to: today,
      series: [
        { gateId: 'tra-linh', marketId: 'cho-tra-linh', currency: 'VND', source: 'authority', points: [{ date: d1, avg: 29500, min: 29500, max: 29500, volumeTonnes: null, entries: 1 }] },
        { gateId: 'tra-linh', marketId: 'tra-linh', currency: 'CNY', source: 'enterprise', points: [{ date: d1, avg: 10, min: 9.5, max: 11, volumeTonnes: null, entries: 2 }] },
        {
          gateId: 'tra-linh',
          marketId: 'tra-linh',
          currency: 'VND',
          source: 'authority',
          points: [
            { date: d1, avg: 30500, min: 29000, max: 33000, volumeTonnes: 15, entries: 2 },
            { date: d2, avg: 32000, min: 32000, max: 32000, volumeTonnes: null, entries: 1 },
          ],
        },
      ],
    });
    const cny = await t.app.inject({ method: 'GET', url: `/api/v1/market/trends?commodity=longan&currency=CNY&province=CB&from=${d1}&to=${today}` });
    expect(cny.json().series.map((s: { currency: string }) => s.currency)).toEqual(['CNY']);
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/market/prices?commodity=longan&includeRetracted=true` });
    expect(list.json().items).toHaveLength(7);
    expect(list.json().items.every((i: { canRetract: boolean }) => !i.canRetract)).toBe(true);
  });

  it('seeds a few weeks of demo prices at Trà Lĩnh and Tà Lùng, marked as demo data', async () => {
    const demo = await t.db.selectFrom('market_prices').select(['commodity', 'gate_id', 'note']).where('note', 'like', '[Demo]%').execute();
    expect(new Set(demo.map((d) => d.commodity))).toEqual(new Set(['durian', 'dragon_fruit', 'cassava_dried']));
    expect(new Set(demo.map((d) => d.gate_id))).toEqual(new Set(['tra-linh', 'ta-lung']));
  });
});
