import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../server/test/harness';
import { setClearance } from '../server/src/yards/__fixtures__/yards.testkit';
import { browserAvailable, chromiumPath, SHOTS, startBrowserApp, type BrowserApp } from './browser';
import { qrVideo, yardBrowserKit, type YardBrowserKit } from './yards.testkit';

// Degraded mode: the yard page keeps working when the network goes. Passes are verified on the
// device (a forged one is refused), steps are recorded with their real times, the page even
// reloads from its service worker, and when the network returns the outbox is sent once, in
// order; sending it again changes nothing.

describe.runIf(browserAvailable())('yard page offline', () => {
  let app: BrowserApp;
  let y: YardBrowserKit;
  beforeAll(async () => {
    app = await startBrowserApp();
    y = await yardBrowserKit(app.t, app.browser, app.base);
  });
  afterAll(async () => app?.close());

  it('records check-in, call and departure offline and synchronises them once when the network returns', async () => {
    const { base, t } = app;
    const a = await y.trip({ perishable: true });
    await setClearance(y.kit, a.id, 'cleared');
    const b = await y.trip();

    const { context, page } = await y.context({ viewport: { width: 800, height: 1280 } }, 'bai.tralinh');
    const syncBodies: string[] = [];
    page.on('request', (r) => { if (r.url().endsWith('/api/v1/yards/sync') && r.method() === 'POST') syncBodies.push(r.postData() ?? ''); });
    await page.goto(`${base}/yards/tra-linh/tra-linh-a`);
    await page.waitForSelector('[data-testid=connection][data-state=online]');
    // Ready for offline work: the service worker controls the page and the snapshot is stored.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.waitForSelector('[data-testid=connection]:has-text("Dùng được khi mất mạng")');
    await page.waitForSelector('[data-testid=connection]:has-text("Dữ liệu bãi lưu lúc")');

    await context.setOffline(true);
    await page.waitForSelector('[data-testid=connection][data-state=offline]');

    // A forged pass (another plate written into it) is refused on the device itself.
    const [p, body, sig] = a.passToken.split('.');
    const forgedBody = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), plate: '11C-999.99' })).toString('base64url');
    await page.locator('[data-testid=qr-input]').fill(`${p}.${forgedBody}.${sig}`);
    await page.locator('[data-testid=qr-submit]').click();
    await page.waitForSelector('[data-testid=feedback][data-outcome=refused][data-verdict=bad_signature]');

    // The genuine pass: verified offline, recorded, shown in the queue as not synchronised.
    await page.locator('[data-testid=qr-input]').fill(a.passToken);
    await page.locator('[data-testid=qr-submit]').click();
    await page.waitForSelector('[data-testid=feedback][data-outcome=queued]');
    const rowA = page.locator(`[data-testid=yard-truck][data-reference="${a.reference}"]`);
    await page.waitForSelector(`[data-testid=yard-truck][data-reference="${a.reference}"][data-unsynced=true]`);
    // Scanned twice: recorded once (the device knows the truck is in the yard now).
    await page.locator('[data-testid=qr-input]').fill(a.passToken);
    await page.locator('[data-testid=qr-submit]').click();
    await page.waitForSelector('[data-testid=checkin-panel] [data-testid=feedback][data-outcome=already_in_yard]');

    // Called by hand (offline calls only for cleared trucks) and out of the yard.
    await rowA.locator('[data-action=call]').click();
    await page.waitForSelector(`[data-testid=called-list] [data-reference="${a.reference}"]`);
    await page.locator(`[data-testid=called-list] [data-reference="${a.reference}"] [data-action=leave_yard]`).click();
    await page.waitForSelector(`[data-testid=at-gate-list] [data-reference="${a.reference}"][data-unsynced=true]`);

    // The second truck typed by plate, with a reason.
    await page.locator('[data-testid=typed-open]').click();
    const typed = page.locator('[data-testid=typed-form]');
    await typed.locator('input[name=truck]').fill(b.plate.toLowerCase().replace(/[.-]/g, ' '));
    await typed.locator('input[name=reason]').fill('Mất mạng, thẻ giấy bị rách');
    await typed.locator('[data-testid=typed-submit]').click();
    await page.waitForSelector(`[data-testid=yard-truck][data-reference="${b.reference}"][data-unsynced=true]`);
    await page.waitForSelector('[data-testid=connection][data-pending="4"]');

    // Nothing reached the server yet.
    const before = await t.db.selectFrom('trips').select(['id', 'status']).where('id', 'in', [a.id, b.id]).execute();
    expect(before.map((r) => r.status).sort()).toEqual(['paid', 'paid']);

    // The page reloads without the network (service worker shell, data from IndexedDB).
    // (Chromium's offline emulation covers the service worker's own fetches: this is the cached shell.)
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.waitForSelector('[data-testid=connection][data-state=offline][data-pending="4"]');
    await page.waitForSelector(`[data-testid=at-gate-list] [data-reference="${a.reference}"][data-unsynced=true]`);
    await page.screenshot({ path: path.join(SHOTS, 'yards-offline.png'), fullPage: true });

    // Back online: the outbox goes once, in order.
    await context.setOffline(false);
    await page.waitForSelector('[data-testid=connection][data-state=online][data-pending="0"]', { timeout: 30_000 });
    const after = Object.fromEntries((await t.db.selectFrom('trips').select(['id', 'status']).where('id', 'in', [a.id, b.id]).execute()).map((r) => [r.id, r.status]));
    expect(after).toEqual({ [a.id]: 'left_yard', [b.id]: 'checked_in' });
    const stepsOf = async (id: string) => (await t.db.selectFrom('trip_events').select('action').where('trip_id', '=', id).orderBy('id').execute()).map((e) => e.action).filter((x) => ['check_in', 'call', 'leave_yard'].includes(x));
    expect(await stepsOf(a.id)).toEqual(['check_in', 'call', 'leave_yard']);
    expect(await stepsOf(b.id)).toEqual(['check_in']);
    const received = await t.db.selectFrom('yard_sync_events').select(['trip_id', 'status']).where('trip_id', 'in', [a.id, b.id]).execute();
    expect(received).toHaveLength(4);
    expect(received.every((r) => r.status === 'applied')).toBe(true);
    // The times are the device's: the check-in happened before the call, both before the sync.
    const timing = await t.db.selectFrom('trip_timings').selectAll().where('trip_id', '=', a.id).executeTakeFirstOrThrow();
    expect(timing.arrived_at!.getTime()).toBeLessThan(timing.called_at!.getTime());
    expect(timing.called_at!.getTime()).toBeLessThan(timing.left_yard_at!.getTime());

    // The same batch sent again (a lost answer, another tab): already received, nothing changes.
    expect(syncBodies.length).toBeGreaterThan(0);
    const eventsBefore = await t.db.selectFrom('trip_events').select('id').where('trip_id', 'in', [a.id, b.id]).execute();
    for (const sent of syncBodies) {
      const res = await page.request.post(`${base}/api/v1/yards/sync`, { data: JSON.parse(sent) });
      expect(res.status()).toBe(200);
      expect((await res.json()).results.every((r: { outcome: string }) => r.outcome === 'already_received')).toBe(true);
    }
    expect(await t.db.selectFrom('trip_events').select('id').where('trip_id', 'in', [a.id, b.id]).execute()).toHaveLength(eventsBefore.length);
    expect(await t.db.selectFrom('yard_sync_events').select('trip_id').where('trip_id', 'in', [a.id, b.id]).execute()).toHaveLength(4);
    await page.waitForSelector('[data-testid=synced-list]');
    await context.close();
  }, 300_000);

  it('scans the pass with the tablet camera and verifies it without the network', async () => {
    const { base } = app;
    const trip = await y.trip();
    const video = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cks-cam-')), 'pass.y4m');
    fs.writeFileSync(video, qrVideo(trip.passToken));
    // A browser whose camera plays a video of the pass (Chromium's fake capture device).
    const browser = await chromium.launch({
      executablePath: chromiumPath()!,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
    });
    try {
      const context = await browser.newContext({ viewport: { width: 800, height: 1280 }, permissions: ['camera'] });
      context.setDefaultTimeout(20_000);
      await context.clock.install({ time: y.now() });
      const page = await context.newPage();
      expect((await page.request.post(`${base}/api/v1/auth/login`, { data: { username: 'bai.tralinh', password: DEMO_PASSWORD } })).status()).toBe(200);
      await page.goto(`${base}/yards/tra-linh/tra-linh-a`);
      await page.waitForSelector('[data-testid=connection]:has-text("Dữ liệu bãi lưu lúc")');
      await context.setOffline(true);
      await page.waitForSelector('[data-testid=connection][data-state=offline]');
      await page.locator('[data-testid=open-camera]').click();
      await page.waitForSelector('[data-testid=feedback][data-outcome=queued]', { timeout: 30_000 });
      await page.waitForSelector(`[data-testid=yard-truck][data-reference="${trip.reference}"][data-unsynced=true]`);
      // The camera is released once the code is read.
      await page.waitForSelector('[data-testid=qr-camera]', { state: 'detached' });
      await context.setOffline(false);
      await page.waitForSelector('[data-testid=connection][data-state=online][data-pending="0"]', { timeout: 30_000 });
      expect((await app.t.db.selectFrom('trips').select('status').where('id', '=', trip.id).executeTakeFirstOrThrow()).status).toBe('checked_in');
      await context.close();
    } finally {
      await browser.close();
    }
  }, 120_000);
});
