import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../../test/harness';
import { emitEvent } from '../platform/events';
import { newKey, type Kit } from '../trips/__fixtures__/trips.testkit';
import { at, checkIn, moveTo, opsKit, paidTrips, type Trip } from './__fixtures__/operations.testkit';
import { startReceiver, type Receiver } from './__fixtures__/receiver';
import { dispatchWebhookEvents } from './webhooks/dispatch';
import { sendDueWebhooks } from './webhooks/sender';
import { verify } from './webhooks/signature';

// Enterprise webhooks end to end with a real local HTTP receiver: registration (secret once,
// SSRF guard, scope), deliveries made by the jobs after the request that caused them has
// returned, signed with HMAC-SHA256, retried with exponential backoff, deduplicated per event
// and endpoint, failed after the last attempt and sent again on request.

const ENV = { WEBHOOKS_ALLOW_PRIVATE: 'true', WEBHOOKS_BACKOFF_SECONDS: '10', WEBHOOKS_MAX_ATTEMPTS: '4', WEBHOOKS_TIMEOUT_MS: '2000' };

describe.each(dbKinds())('webhooks (%s)', (kind) => {
  let kit: Kit;
  let receiver: Receiver;
  let trips: Trip[];
  const saved: Record<string, string | undefined> = {};
  let endpoint: { id: string; secret: string };

  beforeAll(async () => {
    for (const [k, v] of Object.entries(ENV)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    kit = await opsKit(kind);
    receiver = await startReceiver();
    trips = await paidTrips(kit, 3);
    await moveTo(kit, at('08:00'));
  });
  afterAll(async () => {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
    await receiver?.close();
    await kit?.t.close();
  });

  const services = () => kit.t.app.services;
  const deliveries = () => kit.t.db.selectFrom('webhook_deliveries').selectAll().orderBy('created_at').orderBy('event_id').execute();

  it('registers an endpoint for its own enterprise and shows the secret once', async () => {
    const res = await kit.req('POST', '/api/v1/webhooks', 'dn.nongsan', { url: receiver.url, eventTypes: ['trip.checked_in', 'trip.called', 'congestion.warning'], description: 'ERP' }, { 'idempotency-key': newKey('hook') });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.secret).toMatch(/^whsec_/);
    endpoint = { id: body.endpoint.id, secret: body.secret };
    const list = (await kit.req('GET', '/api/v1/webhooks', 'dn.nongsan')).json().items;
    expect(list.map((e: { id: string }) => e.id)).toEqual([endpoint.id]);
    expect(JSON.stringify(list)).not.toContain(body.secret);
    const audit = await kit.t.db.selectFrom('audit_log').select(['after']).where('action', 'like', 'webhook.%').execute();
    expect(audit.length).toBe(1);
    expect(JSON.stringify(audit)).not.toContain(body.secret);
    // Another enterprise neither sees nor touches it; officers have no webhooks.
    expect((await kit.req('GET', '/api/v1/webhooks', 'dn.thanhthuy')).json().items).toEqual([]);
    expect((await kit.req('GET', `/api/v1/webhooks/${endpoint.id}`, 'dn.thanhthuy')).statusCode).toBe(404);
    expect((await kit.req('GET', `/api/v1/webhooks/${endpoint.id}/deliveries`, 'dn.thanhthuy')).statusCode).toBe(404);
    expect((await kit.req('GET', '/api/v1/webhooks', 'bql.tralinh')).statusCode).toBe(403);
    expect((await kit.req('POST', '/api/v1/webhooks', 'dn.nongsan', { url: receiver.url, eventTypes: ['trip.crossed'] })).json().code).toBe('webhooks.duplicate_url');
  });

  it('refuses URLs that are not public http(s), unless the setting allows private ones', async () => {
    const post = (url: string) => kit.req('POST', '/api/v1/webhooks', 'dn.nongsan', { url, eventTypes: ['trip.crossed'] });
    expect((await post('ftp://example.com/hook')).json().code).toBe('webhooks.url_invalid');
    expect((await post('https://user:pass@example.com/hook')).json().code).toBe('webhooks.url_invalid');
    process.env.WEBHOOKS_ALLOW_PRIVATE = 'false';
    try {
      for (const url of ['http://localhost:9/x', 'http://127.0.0.1:9/x', 'http://10.0.0.5/x', 'http://[::1]:9/x', 'http://169.254.169.254/latest', 'http://192.168.1.10/x']) {
        const res = await post(url);
        expect(res.statusCode, url).toBe(422);
        expect(res.json().code).toBe('webhooks.url_not_allowed');
      }
    } finally {
      process.env.WEBHOOKS_ALLOW_PRIVATE = 'true';
    }
    const count = await kit.t.db.selectFrom('webhook_endpoints').select('id').execute();
    expect(count).toHaveLength(1);
  });

  it('answers the causing request first; the jobs then deliver the signed event', async () => {
    receiver.answer(200);
    const result = await checkIn(kit, trips[0]);
    expect(result).toBeDefined();
    // The check-in committed, nothing was sent or even queued by it.
    expect(receiver.received).toHaveLength(0);
    expect(await deliveries()).toHaveLength(0);
    expect(await dispatchWebhookEvents(services())).toBe(1);
    expect(receiver.received).toHaveLength(0);
    const report = await sendDueWebhooks(services());
    expect(report).toMatchObject({ attempted: 1, delivered: 1 });
    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    const event = await kit.t.db.selectFrom('domain_events').select(['id']).where('trip_id', '=', trips[0].id).where('type', '=', 'trip.checked_in').executeTakeFirstOrThrow();
    expect(got.headers['cks-webhook-id']).toBe(`evt_${event.id}`);
    const nowSeconds = Math.floor(kit.clock.now.getTime() / 1000);
    expect(verify(endpoint.secret, got.headers['cks-webhook-signature'] as string, got.headers['cks-webhook-timestamp'] as string, got.body, nowSeconds)).toBe(true);
    // A tampered body or another secret does not verify.
    expect(verify(endpoint.secret, got.headers['cks-webhook-signature'] as string, got.headers['cks-webhook-timestamp'] as string, got.body.replace('checked_in', 'crossed'), nowSeconds)).toBe(false);
    expect(verify('whsec_other', got.headers['cks-webhook-signature'] as string, got.headers['cks-webhook-timestamp'] as string, got.body, nowSeconds)).toBe(false);
    const payload = JSON.parse(got.body);
    expect(payload).toMatchObject({ id: `evt_${event.id}`, type: 'trip.checked_in', gateId: 'tra-linh', tripId: trips[0].id, tripReference: trips[0].reference, data: { yardId: 'tra-linh-a' } });
    expect(payload.data.enterpriseId).toBeUndefined();
    const [row] = await deliveries();
    expect(row.status).toBe('delivered');
  });

  it('delivers each event once per endpoint however often and wherever the dispatcher runs', async () => {
    const second = await kit.req('POST', '/api/v1/webhooks', 'dn.nongsan', { url: `${receiver.url}?copy=2`, eventTypes: ['trip.checked_in'] });
    expect(second.statusCode).toBe(201);
    await checkIn(kit, trips[1]);
    await Promise.all([dispatchWebhookEvents(services()), dispatchWebhookEvents(services()), dispatchWebhookEvents(services())]);
    await dispatchWebhookEvents(services());
    const rows = (await deliveries()).filter((d) => d.payload.tripId === trips[1].id);
    expect(rows.map((r) => r.endpoint_id).sort()).toEqual([endpoint.id, second.json().endpoint.id].sort());
    // Another enterprise's trip event never reaches Nông sản's endpoints (written as the yards capability writes it).
    const other = (await kit.t.db.selectFrom('enterprises').select('id').where('tax_code', '=', '5100234567').executeTakeFirstOrThrow()).id;
    await kit.t.db.transaction().execute((tx) => emitEvent(tx, { type: 'trip.checked_in', occurredAt: kit.clock.now, gateId: 'thanh-thuy', direction: 'export', payload: { enterpriseId: other, yardId: 'thanh-thuy-1', lane: 'standard', plate: '22C-111.11', source: 'manual' } }));
    expect(await dispatchWebhookEvents(services())).toBe(0);
    await sendDueWebhooks(services());
    const ids = receiver.received.filter((r) => JSON.parse(r.body).tripId === trips[1].id).map((r) => r.headers['cks-webhook-id']);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(1);
    await kit.req('PATCH', `/api/v1/webhooks/${second.json().endpoint.id}`, 'dn.nongsan', { version: second.json().endpoint.version, active: false });
  });

  it('retries a failing receiver with growing delays, then delivers', async () => {
    receiver.received.length = 0;
    receiver.answer(500, 503, 200);
    await checkIn(kit, trips[2]);
    await dispatchWebhookEvents(services());
    const first = await sendDueWebhooks(services());
    expect(first).toMatchObject({ attempted: 1, retried: 1 });
    const mine = async () => (await deliveries()).find((d) => d.payload.tripId === trips[2].id && d.endpoint_id === endpoint.id)!;
    let row = await mine();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_status_code: 500 });
    const delay1 = new Date(row.next_attempt_at).getTime() - kit.clock.now.getTime();
    expect(delay1).toBeGreaterThanOrEqual(8_000);
    expect(delay1).toBeLessThanOrEqual(12_000);
    // Not due yet: nothing is sent.
    expect((await sendDueWebhooks(services())).attempted).toBe(0);
    kit.clock.advance(delay1);
    expect(await sendDueWebhooks(services())).toMatchObject({ attempted: 1, retried: 1 });
    row = await mine();
    const delay2 = new Date(row.next_attempt_at).getTime() - kit.clock.now.getTime();
    expect(delay2).toBeGreaterThanOrEqual(16_000);
    expect(delay2).toBeLessThanOrEqual(24_000);
    kit.clock.advance(delay2);
    expect(await sendDueWebhooks(services())).toMatchObject({ attempted: 1, delivered: 1 });
    row = await mine();
    expect(row).toMatchObject({ status: 'delivered', attempts: 3, last_status_code: 200 });
    expect(new Set(receiver.received.map((r) => r.headers['cks-webhook-id'])).size).toBe(1);
    const detail = (await kit.req('GET', `/api/v1/webhooks/deliveries/${row.id}`, 'dn.nongsan')).json();
    expect(detail.attemptLog.map((a: { outcome: string; statusCode: number }) => `${a.outcome}:${a.statusCode}`)).toEqual(['retry:500', 'retry:503', 'delivered:200']);
  });

  it('fails after the last attempt; the enterprise sends it again from its delivery log', async () => {
    receiver.answer(500);
    const ping = await kit.req('POST', `/api/v1/webhooks/${endpoint.id}/ping`, 'dn.nongsan');
    expect(ping.statusCode).toBe(202);
    const id = ping.json().id as string;
    for (let i = 0; i < 4; i++) {
      await sendDueWebhooks(services());
      kit.clock.advance(60 * 60_000);
    }
    let detail = (await kit.req('GET', `/api/v1/webhooks/deliveries/${id}`, 'dn.nongsan')).json();
    expect(detail).toMatchObject({ status: 'failed', attempts: 4, nextAttemptAt: null });
    expect((await sendDueWebhooks(services())).attempted).toBe(0);
    expect((await kit.req('POST', `/api/v1/webhooks/deliveries/${id}/redeliver`, 'dn.thanhthuy')).statusCode).toBe(404);
    receiver.answer(204);
    const again = await kit.req('POST', `/api/v1/webhooks/deliveries/${id}/redeliver`, 'dn.nongsan');
    expect(again.statusCode).toBe(202);
    expect(again.json()).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await sendDueWebhooks(services())).toMatchObject({ delivered: 1 });
    detail = (await kit.req('GET', `/api/v1/webhooks/deliveries/${id}`, 'dn.nongsan')).json();
    expect(detail.status).toBe('delivered');
    expect(detail.attemptLog).toHaveLength(5);
    const log = (await kit.req('GET', `/api/v1/webhooks/${endpoint.id}/deliveries`, 'dn.nongsan')).json().items;
    expect(log[0].id).toBe(id);
  });

  it('never blocks on a receiver that does not answer: the attempt times out and is retried', async () => {
    receiver.hold();
    const ping = await kit.req('POST', `/api/v1/webhooks/${endpoint.id}/ping`, 'dn.nongsan');
    const report = await sendDueWebhooks(services());
    expect(report).toMatchObject({ attempted: 1, retried: 1 });
    const row = await kit.t.db.selectFrom('webhook_deliveries').selectAll().where('id', '=', ping.json().id).executeTakeFirstOrThrow();
    expect(row.last_error).toMatch(/no answer within/);
    receiver.release();
  });
});
