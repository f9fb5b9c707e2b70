import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../server/test/harness';
import { browserAvailable, SHOTS, signInPage, startBrowserApp, type BrowserApp } from './browser';

// The gate authority writes a notice in Vietnamese, is told it needs English and Chinese before
// publishing, completes it and publishes it; the public page shows it in the reader's language,
// and the enterprise sees it on its trip planned at the gate in that period.

describe.runIf(browserAvailable())('gate notices in the browser', () => {
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

  it('publishes a notice in three languages that shows on the public page and on the affected trip', async () => {
    // The demo enterprise's paid durian trip at Trà Lĩnh: the notice covers its planned day.
    const trip = await t.db
      .selectFrom('trips')
      .innerJoin('enterprises', 'enterprises.id', 'trips.enterprise_id')
      .select(['trips.id', 'trips.planned_date'])
      .where('enterprises.tax_code', '=', '4800123456')
      .where('trips.status', '=', 'paid')
      .where('trips.gate_id', '=', 'tra-linh')
      .executeTakeFirstOrThrow();
    const day = trip.planned_date!;
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const title = { vi: 'Tạm dừng thông quan để sửa cầu', en: 'Clearance suspended for bridge repairs', zh: '因桥梁维修暂停通关' };

    const page = await browser.newPage();
    await signIn(page, 'bql.tralinh');
    await page.goto(`${base}/gate-notices/manage/new`);
    await page.waitForSelector('[data-testid=notice-editor]');
    await page.selectOption('select[name=kind]', 'closure');
    await page.selectOption('select[name=severity]', 'critical');
    await page.fill('input[name=validFrom]', `${day}T00:00`);
    await page.fill('input[name=validTo]', `${next}T00:00`);
    await page.check('input[name=gate][value=tra-linh]');
    await page.fill('input[name=title-vi]', title.vi);
    await page.fill('textarea[name=body-vi]', 'Phía Long Bang sửa cầu; xe đã đăng ký vui lòng chọn ngày khác.');
    await page.click('[data-testid=save-notice]');
    await page.waitForSelector('[data-testid=notice-status]');
    await expect(page.locator('[data-testid=notice-status]').textContent()).resolves.toBe('Bản nháp');
    // The period typed in Vietnam's time also reads in China's (UTC+8): 01:00.
    await expect(page.locator('[data-testid=period-cn]').textContent()).resolves.toContain('01:00');

    // Publishing without Chinese is refused, with the reason.
    await page.click('[data-testid=publish-notice]');
    await expect(page.locator('[role=alert]').getAttribute('data-code')).resolves.toBe('notices.translation_missing');
    await page.fill('input[name=title-en]', title.en);
    await page.fill('textarea[name=body-en]', 'Longbang is repairing the bridge; registered trucks please choose another day.');
    await page.fill('input[name=title-zh]', title.zh);
    await page.fill('textarea[name=body-zh]', '龙邦方面维修桥梁，已登记车辆请另选日期。');
    await page.click('[data-testid=publish-notice]');
    await page.waitForFunction(() => document.querySelector('[data-testid=notice-status]')?.textContent === 'Đang áp dụng');
    await expect(page.locator('[data-testid=calendar-suggestions]').textContent()).resolves.toContain(day);
    await page.close();

    // Anyone, on a phone, in Chinese.
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(`${base}/gate-notices`);
    await phone.waitForSelector('[data-testid=notice-card]');
    await expect(phone.locator('[data-testid=public-notices]').textContent()).resolves.toContain(title.vi);
    await phone.selectOption('[data-testid=language]', 'zh');
    await phone.waitForFunction((zh) => document.body.textContent?.includes(zh), title.zh);
    await phone.screenshot({ path: path.join(SHOTS, 'gate-notices-public-phone.png'), fullPage: false });
    await phone.close();

    const enterprise = await browser.newPage();
    await signIn(enterprise, 'dn.nongsan');
    await enterprise.goto(`${base}/trips/${trip.id}`);
    await enterprise.waitForSelector('[data-testid=trip-notices]');
    await expect(enterprise.locator('[data-testid=trip-notices]').textContent()).resolves.toContain(title.vi);
    await enterprise.close();

    const told = await t.db
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.user_id')
      .select('users.username')
      .where('notifications.kind', '=', 'notices.published')
      .where('notifications.title_vi', 'like', `%${title.vi}%`)
      .execute();
    expect(told.map((u) => u.username)).toContain('dn.nongsan');
  });
});
