import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type TestApp } from '../server/test/harness';
import { browserAvailable, SHOTS, startBrowserApp, type BrowserApp } from './browser';


describe.runIf(browserAvailable())('gate registry in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp();
    ({ t, browser, base } = app);
  });
  afterAll(async () => app?.close());

  async function gateCount(page: Page) {
    await page.waitForSelector('[data-testid=gate-card]');
    return page.locator('[data-testid=gate-card]').count();
  }

  it('browses the registry in Vietnamese, then English and Chinese', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/gates`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Danh mục cửa khẩu');
    const total = (await t.app.inject({ method: 'GET', url: '/api/v1/gates' })).json().items.length;
    expect(await gateCount(page)).toBe(total);
    const traLinh = page.locator('[data-gate=tra-linh]');
    await expect(traLinh.locator('h2').textContent()).resolves.toBe('Cửa khẩu quốc tế Trà Lĩnh');
    await expect(traLinh.textContent()).resolves.toContain('Quốc tế');

    await page.selectOption('[data-testid=language]', 'en');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Gate registry');
    await expect(traLinh.locator('h2').textContent()).resolves.toBe('Tra Linh International Border Gate');
    await expect(traLinh.textContent()).resolves.toContain('International');
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');

    await page.selectOption('[data-testid=language]', 'zh');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === '口岸名录');
    await expect(traLinh.textContent()).resolves.toContain('龙邦');

    await page.selectOption('[data-testid=language]', 'vi');
    await page.fill('input[name=q]', 'thanh thuy');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=gate-card]').length === 2);
    const ids = await page.locator('[data-testid=gate-card]').evaluateAll((els) => els.map((e) => e.getAttribute('data-gate')));
    expect(ids.sort()).toEqual(['thanh-thuy', 'thanh-thuy-goods-road']);
    await page.close();
  });

  it('lets the gate authority sign in and close its gate for a day, with the change in the history', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/login`);
    await page.fill('input[name=username]', 'bql.tralinh');
    await page.fill('input[name=password]', 'wrong-password-1');
    await page.click('button[type=submit]');
    await expect(page.locator('[role=alert]').getAttribute('data-code')).resolves.toBe('auth.invalid_credentials');
    await page.fill('input[name=password]', DEMO_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=nav-account]');

    await page.goto(`${base}/gates/tra-linh`);
    await page.waitForSelector('[data-testid=calendar-editor]');
    await page.click('[data-testid=add-special-day]');
    const row = page.locator('[data-testid=special-day-row]').last();
    await row.locator('input[name=specialDate]').fill('2027-03-15');
    await row.locator('input[name=specialName]').fill('Đóng cửa để sửa chữa cầu');
    await page.fill('input[name=calendarReason]', 'Phía Long Bang thông báo sửa cầu');
    await page.locator('[data-testid=calendar-editor] button[type=submit]').click();
    await page.waitForSelector('[data-testid=calendar-editor] [role=status]');
    await expect(page.locator('[data-testid=special-days]').textContent()).resolves.toContain('Đóng cửa để sửa chữa cầu');
    await page.waitForSelector('[data-testid=gate-history] tbody tr');
    await expect(page.locator('[data-testid=gate-history] tbody tr').first().textContent()).resolves.toContain('Phía Long Bang thông báo sửa cầu');
    const stored = await t.db.selectFrom('gate_special_days').selectAll().where('gate_id', '=', 'tra-linh').where('day', '=', '2027-03-15').executeTakeFirst();
    expect(stored).toMatchObject({ kind: 'closed', name_vi: 'Đóng cửa để sửa chữa cầu' });
    await page.screenshot({ path: path.join(SHOTS, 'gate-detail-authority.png'), fullPage: false });
    await page.close();
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(`${base}/gates`);
    await gateCount(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.goto(`${base}/gates/thanh-thuy`);
    await page.waitForSelector('[data-testid=gate-detail]');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SHOTS, 'gate-detail-phone.png'), fullPage: false });
    await page.close();
  });
});
