import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gate } from '../shared/schemas/gates';
import { DEMO_PASSWORD, type TestApp } from '../server/test/harness';
import { browserAvailable, SHOTS, startBrowserApp, type BrowserApp } from './browser';

// The gate authority closes an hour of one day to bookings on the capacity page; an enterprise
// declaring a trip for that day sees the hour full and picks a free one in the form.
describe.runIf(browserAvailable())('crossing capacity in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let day = '';
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp();
    ({ t, browser, base } = app);
    const gate = (await t.app.inject({ method: 'GET', url: '/api/v1/gates/tra-linh' })).json() as Gate;
    const open = gate.upcoming.slice(2).find((d) => d.open && !d.special && d.intervals.some((i) => i.opens <= '09:00' && i.closes >= '11:00'));
    if (!open) throw new Error('Trà Lĩnh has no ordinary open day in the next two weeks');
    day = open.date;
  });
  afterAll(async () => app?.close());

  async function pageAs(username: string, viewport = { width: 1200, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ viewport });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const res = await page.request.post(`${base}/api/v1/auth/login`, { data: { username, password: DEMO_PASSWORD } });
    expect(res.status()).toBe(200);
    return page;
  }

  it('lets the authority close an hour of one day, with a reason kept in the history', async () => {
    const page = await pageAs('bql.tralinh', { width: 390, height: 844 });
    await page.goto(`${base}/capacity`);
    // Two gates (Trà Lĩnh, Tà Lùng): the page asks which.
    await page.click('[data-testid=capacity-home] a[href="/capacity/tra-linh"]');
    await page.waitForSelector('[data-testid=hours-table]');
    await page.fill('[data-testid=preview-date]', day);
    await page.waitForSelector('[data-testid=hours-table] tr[data-hour="9"]');
    await page.click('[data-testid=scope-date]');
    await page.fill('input[name=pin-9]', '0');
    await page.fill('[data-testid=hourly-capacity] input[name=reason]', 'Phía Trung Quốc kiểm tra thiết bị lúc 9 giờ');
    await page.click('[data-testid=save-hours]');
    await page.waitForFunction(() => document.querySelector('[data-testid=capacity-9]')?.textContent?.startsWith('0'));
    await expect(page.locator(`[data-testid=capacity-overrides] li[data-date="${day}"]`).count()).resolves.toBe(1);
    const change = page.locator('[data-testid=capacity-history] tbody tr:has-text("Phía Trung Quốc kiểm tra thiết bị lúc 9 giờ")');
    await change.waitFor();
    await expect(change.textContent()).resolves.toContain('bql.tralinh');
    // Nothing makes the phone page wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SHOTS, 'capacity-phone.png'), fullPage: false });
    await page.context().close();
  });

  it('shows the enterprise the free hours of that day in the declaration form and fills the window it picks', async () => {
    const page = await pageAs('dn.nongsan');
    await page.goto(`${base}/trips/new`);
    await page.waitForSelector('[data-testid=trip-editor]');
    await page.selectOption('select[name=direction]', 'export');
    await page.selectOption('select[name=gateId]', 'tra-linh');
    await page.fill('input[name=plannedDate]', day);
    await page.waitForSelector('[data-testid=free-windows] [data-testid=free-hour-10]');
    await expect(page.locator('[data-testid=free-hour-9]').isDisabled()).resolves.toBe(true);
    await page.click('[data-testid=free-hour-10]');
    await expect(page.inputValue('input[name=windowFrom]')).resolves.toBe('10:00');
    await expect(page.inputValue('input[name=windowTo]')).resolves.toBe('11:00');
    await expect(page.locator('[data-testid=free-hour-10]').getAttribute('aria-pressed')).resolves.toBe('true');
    await page.context().close();
  });

  it('shows the booked slot on the trip page of the demo paid trip', async () => {
    const booking = await t.db.selectFrom('crossing_bookings').innerJoin('trips', 'trips.id', 'crossing_bookings.trip_id').select(['trips.id', 'crossing_bookings.hour'])
      .where('trips.status', '=', 'paid').where('crossing_bookings.status', '=', 'active').executeTakeFirstOrThrow();
    const page = await pageAs('dn.nongsan', { width: 390, height: 844 });
    await page.goto(`${base}/trips/${booking.id}`);
    await page.waitForSelector('[data-testid=trip-booking] [data-testid=booking-slot]');
    await expect(page.locator('[data-testid=booking-status]').textContent()).resolves.toBe('Đã giữ chỗ');
    await expect(page.locator('[data-testid=booking-slot]').textContent()).resolves.toContain(`${String(booking.hour).padStart(2, '0')}:00`);
    await page.context().close();
  });
});
