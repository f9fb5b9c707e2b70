import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../server/test/harness';
import { browserAvailable, SHOTS, signInPage, startBrowserApp, type BrowserApp } from './browser';

// Border-market prices drawn per gate in VND and CNY for anyone; the authority publishes an
// official price from the same page; leaders open their province at a glance and the statistics
// export.

describe.runIf(browserAvailable())('border market, statistics and leaders in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp();
    ({ t, browser, base } = app);
  });
  afterAll(async () => app?.close());

  const signIn = (page: Page, username: string) => signInPage(page, base, username);

  it('draws the demo prices per gate, VND and CNY apart, on a phone', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${base}/market`);
    await page.waitForSelector('[data-testid=chart-tra-linh-VND] canvas');
    const gates = await page.locator('[data-testid=gate-trend]').evaluateAll((els) => els.map((e) => e.getAttribute('data-gate')));
    expect(gates.sort()).toEqual(['ta-lung', 'tra-linh']);
    // Official VND at the gate; the enterprise's CNY prices at Long Bang, drawn on their own chart.
    await expect(page.locator('[data-testid=chart-tra-linh-VND]').getAttribute('data-lines')).resolves.toBe('1');
    await page.waitForSelector('[data-testid=chart-tra-linh-CNY] canvas');
    await expect(page.locator('[data-testid=price-table]').textContent()).resolves.toContain('Chính thức');
    await page.screenshot({ path: path.join(SHOTS, 'market-phone.png'), fullPage: false });
    await page.close();
  });

  it('lets the authority publish an official price and shows what is wrong with a bad one', async () => {
    const page = await browser.newPage();
    await signIn(page, 'bql.tralinh');
    await page.goto(`${base}/market`);
    await page.waitForSelector('[data-testid=price-form]');
    await page.selectOption('[data-testid=price-form] select[name=marketId]', 'ta-lung');
    await page.fill('[data-testid=price-form] input[name=priceAvg]', '95000000');
    await page.click('[data-testid=publish-price]');
    await expect(page.locator('[data-testid=price-form] [role=alert]').getAttribute('data-code')).resolves.toBe('market.invalid_entry');
    await expect(page.locator('[data-testid=price-form] [role=alert]').textContent()).resolves.toContain('/priceAvg');
    // 95 million đồng is a price per tonne, not per kilogram.
    await page.selectOption('[data-testid=price-form] select[name=unit]', 'tonne');
    await page.click('[data-testid=publish-price]');
    await page.waitForSelector('[data-testid=price-form] [role=status]');
    await page.waitForFunction(() => document.querySelector('[data-testid=price-table]')?.textContent?.includes('/tấn'));
    const stored = await t.db.selectFrom('market_prices').select(['price_avg', 'unit', 'source']).where('market_id', '=', 'ta-lung').where('commodity', '=', 'durian').where('unit', '=', 'tonne').execute();
    expect(stored).toEqual([{ price_avg: '95000000.00', unit: 'tonne', source: 'authority' }]);
    await page.close();
  });

  it('gives the leader the province at a glance and the statistics with their exports', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await signIn(page, 'lanhdao.caobang');
    await page.goto(`${base}/leaders`);
    await page.waitForSelector('[data-testid=leaders-month]');
    const view = await (await page.request.get(`${base}/api/v1/statistics/leaders`)).json();
    await expect(page.locator('[data-testid=leaders-month-declared-export]').textContent()).resolves.toBe(String(view.month.declared.export));
    await expect(page.locator('[data-testid=leaders-queue] .big').textContent()).resolves.toBe(String(view.queueNow.total));
    await page.screenshot({ path: path.join(SHOTS, 'leaders-phone.png'), fullPage: true });

    await page.goto(`${base}/statistics`);
    await page.waitForSelector('[data-testid=statistics-summary]');
    const href = await page.locator('[data-testid=export-xlsx]').getAttribute('href');
    const file = await page.request.get(`${base}${href}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('spreadsheetml');
    await page.close();
  });
});
