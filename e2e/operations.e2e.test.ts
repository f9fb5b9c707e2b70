import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gate } from '../shared/schemas/gates';
import { DEMO_PASSWORD, login, type TestApp } from '../server/test/harness';
import { newKey, paidTrip, type Kit } from '../server/src/trips/__fixtures__/trips.testkit';
import { browserAvailable, SHOTS, startBrowserApp, type BrowserApp } from './browser';

// The live board in the browser: a provincial leader has the Cao Bằng board open; a truck checks
// in at Nà Đoỏng through the yards API; the gate's count and colour change on the open page,
// without a reload. The public congestion page (no account) follows the same way.

const GATE = 'na-doong';

describe.runIf(browserAvailable())('live board in the browser', () => {
  let app: BrowserApp;
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let kit: Kit;
  let reference = '';

  beforeAll(async () => {
    app = await startBrowserApp();
    ({ t, browser, base } = app);
    const cookies: Record<string, string> = {};
    for (const u of ['dn.nongsan', 'admin']) cookies[u] = await login(t.app, u);
    kit = {
      t,
      clock: t.clock,
      cookies,
      userIds: {},
      enterpriseIds: { nongsan: '', thanhthuy: '' },
      req: (method, url, who, payload, headers = {}) => t.app.inject({ method, url, payload: payload as never, headers: { ...(who ? { cookie: cookies[who] } : {}), ...headers } }),
    };
    // A trip for tomorrow (if the gate is open then), declared and paid through the API.
    const gate = (await kit.req('GET', `/api/v1/gates/${GATE}`)).json() as Gate;
    const day = gate.upcoming.find((d) => d.date > gate.today.date && d.open && d.intervals.some((i) => i.opens <= '08:00' && i.closes >= '10:00'));
    if (!day || day.date !== gate.upcoming[1]?.date) throw new Error('Nà Đoỏng is not open tomorrow 08:00–10:00');
    const trip = await paidTrip(kit, 'dn.nongsan', { gateId: GATE, plannedDate: day.date, window: { from: '08:00', to: '10:00' } });
    reference = trip.reference;
    // The gate authority narrows the day capacity so that one truck counts.
    const patched = await kit.req('PATCH', `/api/v1/gates/${GATE}`, 'admin', { version: gate.version, reason: 'Phía bạn tạm giảm năng lực tiếp nhận', capacity: { exportPerDay: 2, importPerDay: 2 } });
    if (patched.statusCode !== 200) throw new Error(`capacity: ${patched.body}`);
  });
  afterAll(async () => app?.close());

  async function signedIn(username: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext(options);
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    if (username) {
      const res = await page.request.post(`${base}/api/v1/auth/login`, { data: { username, password: DEMO_PASSWORD } });
      expect(res.status()).toBe(200);
    }
    return { context, page };
  }

  it('changes the count and the colour of the gate on an open board when a truck checks in', async () => {
    const { context, page } = await signedIn('lanhdao.caobang');
    const visitor = await signedIn('', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(`${base}/operations/provinces/CB`);
    await visitor.page.goto(`${base}/congestion`);
    const card = page.locator(`[data-testid=gate-card][data-gate=${GATE}]`);
    const dot = page.locator(`[data-testid=map-gate][data-gate=${GATE}]`);
    const row = visitor.page.locator(`[data-testid=public-gate][data-gate=${GATE}]`);
    await expect(card.getAttribute('data-level')).resolves.toBe('green');
    await expect(dot.getAttribute('data-level')).resolves.toBe('green');
    await expect(row.getAttribute('data-level')).resolves.toBe('green');
    await expect(card.textContent()).resolves.toMatch(/(^|\D)0 xe đang chờ/);
    await page.waitForSelector('[data-testid=connection][data-state=live]');
    await visitor.page.waitForSelector('[data-testid=connection][data-state=live]');
    // Marks that prove the pages are not reloaded.
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    await visitor.page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    const waitingBefore = Number(await page.locator('[data-testid=national-waiting]').textContent());

    const res = await kit.req('POST', `/api/v1/yards/${GATE}-1/check-ins/manual`, 'admin', { tripReference: reference, reason: 'Nhập tay: camera cổng vào hỏng' }, { 'idempotency-key': newKey('e2e') });
    expect(res.statusCode).toBe(200);

    await page.waitForSelector(`[data-testid=gate-card][data-gate=${GATE}]:not([data-level=green])`);
    const level = await card.getAttribute('data-level');
    expect(['yellow', 'orange', 'red']).toContain(level);
    // The colour comes with its name.
    await expect(card.locator('.level-badge').first().textContent()).resolves.toMatch(/Vàng|Cam|Đỏ/);
    await expect(card.textContent()).resolves.toMatch(/(^|\D)1 xe đang chờ/);
    await expect(dot.getAttribute('data-level')).resolves.toBe(level);
    await expect(page.locator('[data-testid=national-waiting]').textContent()).resolves.toBe(String(waitingBefore + 1));
    await page.waitForSelector('[data-testid=activity] li[data-type="trip.checked_in"]');
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'operations-province-board.png'), fullPage: true });

    await visitor.page.waitForSelector(`[data-testid=public-gate][data-gate=${GATE}][data-level=${level}]`);
    await expect(row.locator('[data-testid=public-waiting]').textContent()).resolves.toMatch(/^1/);
    expect(await visitor.page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    // Nothing on the phone is wider than the screen.
    const overflow = await visitor.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await visitor.page.screenshot({ path: path.join(SHOTS, 'operations-public-phone.png'), fullPage: true });
    await visitor.context.close();
    await context.close();
  });

  it('shows the gate in detail with its yards, lanes and hourly chart', async () => {
    const { context, page } = await signedIn('admin');
    await page.goto(`${base}/operations/gates/${GATE}`);
    const board = page.locator(`[data-testid=gate-board][data-gate=${GATE}]`);
    await expect(board.locator('[data-testid=gate-waiting]').textContent()).resolves.toBe('1');
    await expect(board.locator(`[data-testid=yard][data-yard=${GATE}-1]`).getAttribute('data-occupied')).resolves.toBe('1');
    await expect(page.locator(`[data-testid=hourly-${GATE}]`).getAttribute('data-arrivals')).resolves.toBe('1');
    await page.screenshot({ path: path.join(SHOTS, 'operations-gate-board.png'), fullPage: true });
    await context.close();
  });

  it('lets an enterprise register a webhook, see its secret once, queue a test and find it in the log', async () => {
    const { context, page } = await signedIn('dn.nongsan', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(`${base}/webhooks`);
    const form = page.locator('[data-testid=webhook-form]');
    await form.locator('input[name=url]').fill('https://erp.nongsancaobang.example/hooks/cks');
    await form.locator('input[value="trip.checked_in"]').check();
    await form.locator('button[type=submit]').click();
    const secret = await page.locator('[data-testid=webhook-secret] code').textContent();
    expect(secret).toMatch(/^whsec_/);
    const card = page.locator('[data-testid=webhook][data-url="https://erp.nongsancaobang.example/hooks/cks"]');
    await expect(card.textContent()).resolves.not.toContain(secret!);
    await card.getByRole('button', { name: 'Gửi thử' }).click();
    await card.getByRole('button', { name: 'Xem nhật ký gửi' }).click();
    await page.waitForSelector('[data-testid=deliveries] tr[data-status=pending]');
    const stored = await t.db.selectFrom('webhook_deliveries').select(['event_type', 'status']).execute();
    expect(stored).toEqual([{ event_type: 'webhook.ping', status: 'pending' }]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SHOTS, 'operations-webhooks-phone.png'), fullPage: true });
    await context.close();
  });
});
