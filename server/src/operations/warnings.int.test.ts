import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capacityAt } from '../capacity/capacity-query';
import { dbKinds } from '../../test/harness';
import type { Kit } from '../trips/__fixtures__/trips.testkit';
import { at, checkIn, moveTo, opsKit, paidTrips, yardAction, type Trip } from './__fixtures__/operations.testkit';
import { updateCongestionLevels } from './levels.job';
import { congestionThresholds, directionLevel, rank, type Level } from './thresholds';

// Congestion levels from the data thresholds, the level history, and warnings: raised once when
// the level reaches the warning level, once more per higher level, cleared once when it falls
// back — never on every job run — and told only to the enterprises with trucks booked there.
// The scenario runs at Nà Đoỏng with its day capacity lowered by the gate authority, so a few
// trucks fill it; trips are declared, paid and checked in through the APIs.

const GATE = 'na-doong';
const YARD = 'na-doong-1';
const OPERATOR = 'admin';

describe.each(dbKinds())('congestion levels and warnings (%s)', (kind) => {
  let kit: Kit;
  let trips: Trip[];
  let perDay: number;
  const t = congestionThresholds();

  beforeAll(async () => {
    kit = await opsKit(kind);
    trips = await paidTrips(kit, 4, 'dn.nongsan', { gateId: GATE });
    const gate = (await kit.req('GET', `/api/v1/gates/${GATE}`)).json();
    perDay = 4;
    const res = await kit.req('PATCH', `/api/v1/gates/${GATE}`, OPERATOR, { version: gate.version, reason: 'Phía bạn giảm năng lực tiếp nhận', capacity: { exportPerDay: perDay, importPerDay: 100 } });
    expect(res.statusCode).toBe(200);
    // Addresses for the e-mail and SMS outbox (the demo accounts have none); one reads English.
    for (const [username, email, phone, locale] of [['dn.nongsan', 'mai@nongsancaobang.example', '+84 912 000 111', 'vi'], ['nv.nongsan', 'nam@nongsancaobang.example', null, 'en']] as const) {
      const id = kit.userIds[username];
      const account = (await kit.req('GET', `/api/v1/accounts/${id}`, 'admin')).json();
      const patched = await kit.req('PATCH', `/api/v1/accounts/${id}`, 'admin', { version: account.version, email, phone, locale, reason: 'Bổ sung địa chỉ nhận cảnh báo' });
      expect(patched.statusCode).toBe(200);
    }
    // Nông sản's own system listens for warnings (only queued here; webhooks.int.test.ts sends).
    const hook = await kit.req('POST', '/api/v1/webhooks', 'dn.nongsan', { url: 'https://erp.nongsancaobang.example/hooks', eventTypes: ['congestion.warning', 'congestion.cleared'] });
    expect(hook.statusCode).toBe(201);
    await moveTo(kit, at('08:00'));
  });
  afterAll(async () => kit?.t.close());

  /** The level the data thresholds give for the trucks now waiting (no calls yet: capacity throughput). */
  async function expectedLevel(): Promise<Level> {
    const waiting = Number((await sql<{ n: number }>`select count(*)::int as n from trips where gate_id = ${GATE} and status in ('checked_in', 'called')`.execute(kit.t.db)).rows[0].n);
    const cap = await capacityAt(kit.t.db, GATE, 'export', kit.clock.now);
    return directionLevel({ waiting, queued: waiting, perDay: cap.perDay, throughputPerHour: cap.perHour > 0 ? cap.perHour : null }, t).level;
  }

  async function run() {
    const outcome = (await updateCongestionLevels(kit.t.app.services)).find((o) => o.gateId === GATE)!;
    const stored = await kit.t.db.selectFrom('gate_congestion').selectAll().where('gate_id', '=', GATE).executeTakeFirstOrThrow();
    expect(stored.level).toBe(outcome.level);
    return outcome;
  }

  const warningEvents = () => kit.t.db.selectFrom('domain_events').select(['type', 'payload']).where('gate_id', '=', GATE).where('type', 'in', ['congestion.warning', 'congestion.cleared']).orderBy('id').execute();

  async function noticesOf(username: string) {
    const user = await kit.t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
    return kit.t.db.selectFrom('notifications').select(['kind', 'title_vi', 'body_en']).where('user_id', '=', user.id).where('kind', 'like', 'congestion.%').orderBy('created_at').execute();
  }

  it('starts at the level of an empty yard and warns nobody', async () => {
    const first = await run();
    expect(first.level).toBe(await expectedLevel());
    expect(first.level).toBe('green');
    expect(first.warning.phase).toBeNull();
    expect(await warningEvents()).toEqual([]);
  });

  it('raises one warning when the level reaches the warning level, to the enterprises booked there only', async () => {
    // Check trucks in until the data thresholds say "warn".
    let i = 0;
    while (rank(await expectedLevel()) < rank(t.warnings.raiseAtLevel)) await checkIn(kit, trips[i++], YARD, undefined, OPERATOR);
    // Two job runs at once (two server processes): one warning.
    const both = (await Promise.all([updateCongestionLevels(kit.t.app.services), updateCongestionLevels(kit.t.app.services)])).flat().filter((o) => o.gateId === GATE);
    expect(both.filter((o) => o.warning.phase === 'raised')).toHaveLength(1);
    const raised = both.find((o) => o.warning.phase === 'raised')!;
    expect(raised.level).toBe(await expectedLevel());
    expect(raised.warning.recipients).toBe(1);
    // Again and again: nothing new.
    expect((await run()).warning.phase).toBeNull();
    expect((await run()).warning.phase).toBeNull();
    expect((await warningEvents()).map((e) => e.type)).toEqual(['congestion.warning']);

    // Both enterprise users of Nông sản are told; Thanh Thủy Logistics has no truck booked here.
    for (const user of ['dn.nongsan', 'nv.nongsan']) {
      const mine = await noticesOf(user);
      expect(mine.map((n) => n.kind)).toEqual(['congestion.warning']);
      expect(mine[0].title_vi).toContain('Nà Đoỏng');
      expect(mine[0].body_en).toMatch(/hold them inland/);
    }
    expect(await noticesOf('dn.thanhthuy')).toEqual([]);
    expect(await noticesOf('taixe.nongsan')).toEqual([]);
    // E-mail and SMS to the addresses on their accounts, through the outbox.
    const outbox = await kit.t.db.selectFrom('notification_outbox').select(['channel', 'recipient', 'subject', 'body']).where('kind', '=', 'congestion.warning').execute();
    expect(outbox.map((m) => `${m.channel}:${m.recipient}`).sort()).toEqual(['email:mai@nongsancaobang.example', 'email:nam@nongsancaobang.example', 'sms:+84 912 000 111']);
    expect(outbox.find((m) => m.recipient === 'nam@nongsancaobang.example')!.subject).toMatch(/^Congestion warning at/);
    expect(outbox.find((m) => m.channel === 'sms')!.body).toMatch(/^Cảnh báo ùn tắc/);
  });

  it('tells once more when the level rises further, not while it stays', async () => {
    let i = Number((await sql<{ n: number }>`select count(*)::int as n from trips where gate_id = ${GATE} and status = 'checked_in'`.execute(kit.t.db)).rows[0].n);
    const start = await expectedLevel();
    while ((await expectedLevel()) === start && i < trips.length) await checkIn(kit, trips[i++], YARD, undefined, OPERATOR);
    const higher = await expectedLevel();
    expect(rank(higher)).toBeGreaterThan(rank(start));
    const escalated = await run();
    expect(escalated.warning.phase).toBe('escalated');
    expect((await run()).warning.phase).toBeNull();
    expect((await warningEvents()).map((e) => [e.type, (e.payload as { phase: string }).phase])).toEqual([
      ['congestion.warning', 'raised'],
      ['congestion.warning', 'escalated'],
    ]);
  });

  it('clears once when the level falls back, and records every change in the history', async () => {
    const inYard = await kit.t.db.selectFrom('trips').select('id').where('gate_id', '=', GATE).where('status', '=', 'checked_in').orderBy('id').execute();
    for (const trip of inYard) {
      if (rank(await expectedLevel()) <= rank(t.warnings.clearAtOrBelowLevel)) break;
      await yardAction(kit, trip.id, 'check_out', OPERATOR, 'Doanh nghiệp rút xe về nội địa');
    }
    const cleared = await run();
    expect(cleared.warning.phase).toBe('cleared');
    expect((await run()).warning.phase).toBeNull();
    expect((await warningEvents()).map((e) => (e.payload as { phase: string }).phase)).toEqual(['raised', 'escalated', 'cleared']);
    expect((await noticesOf('dn.nongsan')).map((n) => n.kind).sort()).toEqual(['congestion.cleared', 'congestion.warning', 'congestion.warning']);
    const hooks = await kit.t.db.selectFrom('webhook_deliveries').select(['event_type', 'payload']).orderBy('created_at').execute();
    expect(hooks.map((h) => h.event_type).sort()).toEqual(['congestion.cleared', 'congestion.warning', 'congestion.warning']);
    const clearedHook = hooks.find((h) => h.event_type === 'congestion.cleared')!.payload as { gateId: string; data: { advice: { zh: string } } };
    expect(clearedHook.gateId).toBe(GATE);
    expect(clearedHook.data.advice.zh).toMatch(/拥堵已降至/);
    const open = await kit.t.db.selectFrom('congestion_warnings').select('id').where('gate_id', '=', GATE).where('cleared_at', 'is', null).execute();
    expect(open).toEqual([]);

    const history = await kit.t.db.selectFrom('gate_congestion_history').select(['level', 'previous_level']).where('gate_id', '=', GATE).orderBy('id').execute();
    expect(history[0]).toEqual({ level: 'green', previous_level: null });
    for (let i = 1; i < history.length; i++) {
      expect(history[i].previous_level).toBe(history[i - 1].level);
      expect(history[i].level).not.toBe(history[i].previous_level);
    }
    expect(history.at(-1)!.level).toBe(await expectedLevel());
    const api = await kit.req('GET', `/api/v1/operations/levels/history?gateId=${GATE}`, 'lanhdao.caobang');
    expect(api.json().items.map((h: { level: string }) => h.level)).toEqual(history.map((h) => h.level).reverse());
    // The history is append-only.
    await expect(sql`update gate_congestion_history set level = 'green'`.execute(kit.t.db)).rejects.toThrow(/append-only/);
  });
});
