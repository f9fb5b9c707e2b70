import crypto from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClearance } from '../server/src/yards/__fixtures__/yards.testkit';
import { browserAvailable, SHOTS, startBrowserApp, type BrowserApp } from './browser';
import { qrPhoto, yardBrowserKit, type YardBrowserKit } from './yards.testkit';

// A truck from check-in to crossing, on the yard operator's tablet and the driver's phone at the
// same time: the QR photo read in the page, the live queue, the call-forward reaching the driver's
// page without a reload, leaving the yard and passing the gate, each step in the database once.

describe.runIf(browserAvailable())('yard and driver pages', () => {
  let app: BrowserApp;
  let y: YardBrowserKit;
  beforeAll(async () => {
    app = await startBrowserApp();
    y = await yardBrowserKit(app.t, app.browser, app.base);
  });
  afterAll(async () => app?.close());

  it('follows a truck from check-in to crossing on the operator’s and the driver’s screens', async () => {
    const { base, t } = app;
    const trip = await y.trip({ perishable: true });
    // The clearance capability clears the trip (stand-in: it alone writes clearance_status).
    await setClearance(y.kit, trip.id, 'cleared');

    const driver = await y.context({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await driver.page.goto(`${base}/driver/${trip.reference}?pass=${encodeURIComponent(trip.passToken)}`);
    await driver.page.waitForSelector('[data-testid=driver-page][data-stage=not_arrived]');
    expect(await driver.page.locator('[data-testid=driver-plate]').textContent()).toBe(trip.plate);

    const operator = await y.context({ viewport: { width: 1024, height: 1366 } }, 'bai.tralinh');
    const op = operator.page;
    await op.goto(`${base}/yards/tra-linh/tra-linh-a`);
    await op.waitForSelector('[data-testid=connection][data-state=online]');
    await op.waitForSelector('[data-testid=queue-panel][data-direction=export]');

    // Check-in from a photo of the pass: the QR is decoded in the page, the server admits the truck.
    await op.locator('[data-testid=qr-photo]').setInputFiles(await qrPhoto(trip.passToken));
    await op.waitForSelector('[data-testid=feedback][data-outcome=checked_in]');
    const row = op.locator(`[data-testid=yard-truck][data-reference="${trip.reference}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('checked_in');
    expect(await row.locator('[data-testid=clearance]').textContent()).toBe('Đã thông quan');

    // The driver's page follows by itself (at the pace the server asks: up to a minute before arrival).
    await driver.page.waitForSelector('[data-testid=driver-page][data-stage=queued]', { timeout: 75_000 });
    await driver.page.waitForSelector('[data-testid=driver-position]');

    // The operator calls the next trucks within capacity; ours is among them, with its countdown.
    await op.locator('[data-testid=call-next]').click();
    await op.waitForSelector('[data-testid=call-result]');
    await op.locator(`[data-testid=called-list] [data-reference="${trip.reference}"]`).waitFor();
    expect(await op.locator(`[data-testid=called-list] [data-reference="${trip.reference}"] [data-testid=countdown]`).textContent()).toMatch(/Phải rời bãi trong \d+:\d\d/);

    // The call-forward notice appears on the driver's phone without a reload, in their language.
    await driver.page.waitForSelector('[data-testid=driver-call-notice]', { timeout: 40_000 });
    expect(await driver.page.locator('[data-testid=driver-call-notice] h2').textContent()).toBe('ĐẾN LƯỢT XE CỦA BẠN!');
    await driver.page.locator('[data-testid=driver-lang-zh]').click();
    expect(await driver.page.locator('[data-testid=driver-call-notice] h2').textContent()).toBe('轮到您了！');
    // Nothing wider than the phone.
    expect(await driver.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await driver.page.screenshot({ path: path.join(SHOTS, 'yards-driver-called.png'), fullPage: true });

    // Out of the yard, then through the gate.
    await op.locator(`[data-testid=called-list] [data-reference="${trip.reference}"] [data-action=leave_yard]`).click();
    await op.waitForSelector('[data-testid=feedback][data-outcome=leave_yard]');
    const atGate = op.locator(`[data-testid=at-gate-list] [data-reference="${trip.reference}"]`);
    await atGate.waitFor();
    await atGate.locator('[data-action=pass_gate]').click();
    await op.waitForSelector('[data-testid=feedback][data-outcome=pass_gate]');
    await op.screenshot({ path: path.join(SHOTS, 'yards-operator.png'), fullPage: true });

    await driver.page.waitForSelector('[data-testid=driver-page][data-stage=crossed]', { timeout: 80_000 });

    const row2 = await t.db.selectFrom('trips').select('status').where('id', '=', trip.id).executeTakeFirstOrThrow();
    expect(row2.status).toBe('crossed');
    const events = await t.db.selectFrom('trip_events').select('action').where('trip_id', '=', trip.id).orderBy('id').execute();
    expect(events.map((e) => e.action).filter((a) => ['check_in', 'call', 'leave_yard', 'pass_gate'].includes(a))).toEqual(['check_in', 'call', 'leave_yard', 'pass_gate']);
    const timings = await t.db.selectFrom('trip_timings').selectAll().where('trip_id', '=', trip.id).executeTakeFirstOrThrow();
    expect([timings.arrived_at, timings.called_at, timings.left_yard_at, timings.crossed_at].every((d) => d instanceof Date)).toBe(true);

    // The enterprise sees the same facts on its trip page: status at the gate and measured times.
    const enterprise = await y.context({ viewport: { width: 390, height: 844 } }, 'dn.nongsan');
    await enterprise.page.goto(`${base}/trips/${trip.id}`);
    await enterprise.page.waitForSelector('[data-testid=trip-yard-panel][data-visit=left]');
    expect(await enterprise.page.locator('[data-testid=trip-yard-times] li').count()).toBe(4);
    await enterprise.context.close();
    await driver.context.close();
    await operator.context.close();
  }, 300_000);

  it('lets the operator confirm an unsure plate reading, handle a flagged truck and resolve an offline conflict', async () => {
    const { base, t } = app;
    const trip = await y.trip();
    const other = await y.trip();
    const { context, page } = await y.context({ viewport: { width: 412, height: 915 }, isMobile: true, hasTouch: true }, 'bai.tralinh');
    await page.goto(`${base}/yards/tra-linh/tra-linh-a`);
    await page.waitForSelector('[data-testid=connection][data-state=online]');
    const capturedAt = new Date(y.now() - 5000).toISOString();

    // A camera reads a plate with low confidence: it waits for the operator, who confirms it.
    const unsure = await page.request.post(`${base}/api/v1/yards/camera-readings`, {
      data: { eventId: `cam-${trip.id}`, cameraId: 'tl-a-entry', yardId: 'tra-linh-a', plate: trip.plate.replace('.', ''), confidence: 0.62, capturedAt },
    });
    expect(unsure.status()).toBeLessThan(300);
    const reading = page.locator(`[data-testid=reading][data-plate="${trip.plate.replace('.', '')}"]`);
    await reading.waitFor();
    await reading.locator('[data-testid=reading-confirm]').click();
    await page.waitForSelector('[data-testid=readings-panel] [data-testid=feedback][data-outcome=checked_in]');
    expect((await t.db.selectFrom('trips').select('status').where('id', '=', trip.id).executeTakeFirstOrThrow()).status).toBe('checked_in');

    // An unknown truck read with high confidence is flagged, not admitted; the operator handles it.
    await page.request.post(`${base}/api/v1/yards/camera-readings`, { data: { eventId: 'cam-unknown-1', cameraId: 'tl-a-entry', yardId: 'tra-linh-a', plate: '29H-000.01', confidence: 0.97, capturedAt } });
    const flag = page.locator('[data-testid=flag][data-reason=unknown_plate][data-plate="29H-000.01"]');
    await flag.waitFor();
    await flag.locator('[data-testid=flag-dismiss]').click();
    await flag.locator('input').fill('Xe khách vãng lai, đã hướng dẫn ra khỏi khu vực');
    await flag.locator('[data-testid=flag-dismiss-confirm]').click();
    await flag.waitFor({ state: 'detached' });

    // Another device, offline earlier, recorded the same truck's check-in: a conflict for the operator.
    const device = await page.request.post(`${base}/api/v1/yards/sync`, {
      data: { deviceId: 'yard-tablet-2', events: [{ clientEventId: crypto.randomUUID(), type: 'check_in', yardId: 'tra-linh-a', occurredAt: new Date(y.now() - 1000).toISOString(), tripReference: trip.reference }, { clientEventId: crypto.randomUUID(), type: 'check_in', yardId: 'tra-linh-a', occurredAt: new Date(y.now() - 1000).toISOString(), tripReference: other.reference }] },
    });
    expect(device.status()).toBe(200);
    const conflict = page.locator('[data-testid=conflict][data-reason=duplicate_record]');
    await conflict.waitFor({ timeout: 30_000 });
    await conflict.locator('[data-testid=conflict-discard]').click();
    await conflict.locator('input').fill('Cùng một xe, ghi trùng từ máy tính bảng 2');
    await conflict.locator('[data-testid=conflict-discard-confirm]').click();
    await conflict.waitFor({ state: 'detached' });
    const resolved = await t.db.selectFrom('yard_sync_events').select(['status']).where('trip_id', '=', trip.id).execute();
    expect(resolved.map((r) => r.status)).toEqual(['discarded']);
    expect((await t.db.selectFrom('trips').select('status').where('id', '=', other.id).executeTakeFirstOrThrow()).status).toBe('checked_in');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(412);
    await page.screenshot({ path: path.join(SHOTS, 'yards-operator-phone.png'), fullPage: true });
    await context.close();
  }, 180_000);
});
