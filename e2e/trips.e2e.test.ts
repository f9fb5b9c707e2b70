import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gate } from '../shared/schemas/gates';
import { DEMO_PASSWORD, type TestApp } from '../server/test/harness';
import { browserAvailable, SHOTS, startBrowserApp, type BrowserApp } from './browser';

const PLATE = '11C-246.80';
const DOCUMENT = 'B7654321';

// An enterprise's customs broker, end to end in the browser: fleet, a declaration that fails
// its checks and is fixed in place, the fee, payment, the pass on a phone, the receipt.
describe.runIf(browserAvailable())('trip declaration in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let tripId = '';

  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp();
    ({ t, browser, base } = app);
  });
  afterAll(async () => app?.close());

  async function signedIn(options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext(options);
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const res = await page.request.post(`${base}/api/v1/auth/login`, { data: { username: 'dn.nongsan', password: DEMO_PASSWORD } });
    expect(res.status()).toBe(200);
    return { context, page };
  }

  /** A day from tomorrow on when Trà Lĩnh is open, and a two-hour window inside its hours. */
  async function openDay(): Promise<{ date: string; from: string; to: string }> {
    const gate = (await t.app.inject({ method: 'GET', url: '/api/v1/gates/tra-linh' })).json() as Gate;
    const day = gate.upcoming.slice(1).find((d) => d.open && !d.special && d.intervals.some((i) => i.opens <= '08:00' && i.closes >= '10:00'));
    if (!day) throw new Error('Trà Lĩnh has no ordinary open day in the next two weeks');
    return { date: day.date, from: '08:00', to: '10:00' };
  }

  it('registers a vehicle and a driver, and shows a duplicate plate next to the plate', async () => {
    const { context, page } = await signedIn();
    await page.goto(`${base}/fleet`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Đội xe và lái xe');
    const vehicleForm = page.locator('[data-testid=vehicle-form]');
    await vehicleForm.locator('input[name=plate]').fill(PLATE);
    await vehicleForm.locator('select[name=type]').selectOption('truck');
    await vehicleForm.locator('input[name=axles]').fill('3');
    await vehicleForm.locator('input[name=tonnageCapacity]').fill('15');
    await vehicleForm.locator('input[name=containerNumbers]').fill('MSCU1234565');
    await vehicleForm.locator('input[name=inspectionExpiresOn]').fill('2030-12-31');
    await vehicleForm.locator('button[type=submit]').click();
    // A container number with a wrong check digit is refused, with the digit it should have.
    await expect(vehicleForm.locator('[data-path="/containerNumbers"] [data-code]').first().getAttribute('data-code')).resolves.toBe('fleet.container_check_digit');
    await vehicleForm.locator('input[name=containerNumbers]').fill('');
    await vehicleForm.locator('button[type=submit]').click();
    await page.waitForSelector(`[data-testid=vehicle-card][data-plate="${PLATE}"]`);

    // The same plate again: refused, and said next to the plate.
    await vehicleForm.locator('input[name=plate]').fill('11c 246 80');
    await vehicleForm.locator('input[name=tonnageCapacity]').fill('15');
    await vehicleForm.locator('button[type=submit]').click();
    await expect(vehicleForm.locator('[data-path="/plate"] [data-code]').getAttribute('data-code')).resolves.toBe('fleet.duplicate_vehicle');
    expect(await t.db.selectFrom('vehicles').select('id').where('plate', '=', PLATE).execute()).toHaveLength(1);

    const driverForm = page.locator('[data-testid=driver-form]');
    await driverForm.locator('input[name=fullName]').fill('Nông Văn Thắng');
    await driverForm.locator('select[name=nationality]').selectOption('VN');
    await driverForm.locator('select[name=documentType]').selectOption('passport');
    await driverForm.locator('input[name=documentNumber]').fill(DOCUMENT);
    await driverForm.locator('input[name=documentExpiresOn]').fill('2020-01-01');
    await driverForm.locator('button[type=submit]').click();
    await expect(driverForm.locator('[data-path="/documentExpiresOn"] [data-code]').getAttribute('data-code')).resolves.toBe('fleet.document_expired');
    await driverForm.locator('input[name=documentExpiresOn]').fill('2031-01-31');
    await driverForm.locator('button[type=submit]').click();
    await page.waitForSelector(`[data-testid=driver-card][data-document="${DOCUMENT}"]`);
    await context.close();
  });

  it('declares an export trip, shows both mistakes at once, is fixed in place, and shows the fee', async () => {
    const { context, page } = await signedIn();
    const { date, from, to } = await openDay();
    const vehicle = await t.db.selectFrom('vehicles').select('id').where('plate', '=', PLATE).executeTakeFirstOrThrow();
    const driver = await t.db.selectFrom('drivers').select('id').where('document_number', '=', DOCUMENT).executeTakeFirstOrThrow();

    await page.goto(`${base}/trips/new`);
    await page.waitForSelector('[data-testid=trip-editor]');
    await page.selectOption('select[name=direction]', 'export');
    await page.selectOption('select[name=gateId]', 'tra-linh');
    await page.fill('input[name=plannedDate]', date);
    await page.fill('input[name=windowFrom]', from);
    await page.fill('input[name=windowTo]', to);
    await page.waitForSelector('[data-testid=gate-hours]');
    await page.selectOption('select[name=vehicleId]', vehicle.id);
    await page.selectOption('select[name=driverId]', driver.id);

    const fill = async (i: number, values: Record<string, string>) => {
      for (const [name, value] of Object.entries(values)) await page.fill(`input[name=${name}-${i}]`, value);
    };
    // Line 1 has a code that is not in HS 2022; with line 2 the truck carries 19 t on a 15 t limit.
    await fill(0, { hsCode: '9999.99', description: 'Gạo trắng', packages: '200', quantity: '10000', unit: 'KGM', grossWeightKg: '10000', declaredValue: '9000', currency: 'USD', origin: 'VN' });
    await page.click('[data-testid=add-line]');
    await fill(1, { hsCode: '0714.10', description: 'Sắn lát khô', packages: '180', quantity: '9000', unit: 'KGM', grossWeightKg: '9000', declaredValue: '2500', currency: 'USD', origin: 'VN' });
    await expect(page.locator('[data-testid=cargo-weight]').getAttribute('class')).resolves.toContain('bad');
    await page.click('[data-testid=submit-trip]');

    // Both failures at once, each next to its field, and the declaration kept as typed.
    await page.waitForSelector('[data-testid=problem-summary][data-code="trips.checks_failed"]');
    await expect(page.locator('[data-path="/cargoLines/0/hsCode"][data-testid=field-error] [data-code]').getAttribute('data-code')).resolves.toBe('hs.unknown_code');
    await expect(page.locator('[data-path="/cargoLines"][data-testid=field-error] [data-code]').getAttribute('data-code')).resolves.toBe('trips.overweight');
    await expect(page.inputValue('input[name=description-1]')).resolves.toBe('Sắn lát khô');
    // The keyboard is taken to the first field to fix.
    await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.name === 'hsCode-0');
    expect(page.url()).toMatch(/\/trips\/[0-9a-f-]{36}\/edit$/);
    tripId = page.url().split('/').at(-2)!;
    await page.screenshot({ path: path.join(SHOTS, 'trip-declaration-errors.png'), fullPage: false });
    // The same problems in the reader's language: Chinese comes from the UI's translations.
    await page.selectOption('[data-testid=language]', 'zh');
    await expect(page.locator('[data-path="/cargoLines/0/hsCode"][data-testid=field-error]').textContent()).resolves.toBe('该编码不在 2022 版 HS 目录中。');
    await expect(page.locator('[data-path="/cargoLines"][data-testid=field-error]').textContent()).resolves.toMatch(/^货物总重超过车辆核定载质量。 19 t > 15 t\.$/);
    await page.selectOption('[data-testid=language]', 'vi');

    // Fixed in place; the fee follows the lines.
    await page.fill('input[name=hsCode-0]', '1006.30');
    await expect(page.locator('[data-path="/cargoLines/0/hsCode"][data-testid=field-error]').count()).resolves.toBe(0);
    await page.fill('input[name=grossWeightKg-1]', '4000');
    await page.waitForSelector('[data-testid=fee-panel] [data-testid=fee-total]');
    const fee = await page.locator('[data-testid=fee-panel] [data-testid=fee-total]').textContent();
    expect(fee).toMatch(/\d/);
    await expect(page.locator('[data-testid=fee-item]').count()).resolves.toBeGreaterThan(0);
    // A dry run first: saved and checked, not submitted.
    await page.click('[data-testid=check-trip]');
    await page.waitForSelector('[data-testid=checks-passed]');
    expect((await t.db.selectFrom('trips').select('status').where('id', '=', tripId).executeTakeFirstOrThrow()).status).toBe('draft');
    await page.click('[data-testid=submit-trip]');
    await page.waitForSelector('[data-testid=trip-page][data-status=submitted]');
    expect(page.url()).toBe(`${base}/trips/${tripId}`);
    await expect(page.locator('[data-testid=trip-fee-quote] [data-testid=fee-total]').textContent()).resolves.toBe(fee);
    const stored = await t.db.selectFrom('trips').select(['status', 'fee_total']).where('id', '=', tripId).executeTakeFirstOrThrow();
    expect(stored.status).toBe('submitted');
    expect(Number(stored.fee_total)).toBeGreaterThan(0);

    // The next declaration starts from this one: the last gate, vehicle and driver are remembered,
    // and a past trip can be copied whole (load and people, not its date).
    await page.goto(`${base}/trips/new`);
    await page.waitForSelector('[data-testid=trip-editor]');
    await expect(page.inputValue('select[name=gateId]')).resolves.toBe('tra-linh');
    await expect(page.inputValue('select[name=vehicleId]')).resolves.toBe(vehicle.id);
    await expect(page.inputValue('select[name=driverId]')).resolves.toBe(driver.id);
    await page.selectOption('select[name=copyFrom]', tripId);
    await page.waitForURL(`${base}/trips/new?copy=${tripId}`);
    await page.waitForFunction(() => (document.querySelector('input[name=description-1]') as HTMLInputElement | null)?.value === 'Sắn lát khô');
    await expect(page.inputValue('input[name=plannedDate]')).resolves.toBe('');
    await page.waitForSelector('[data-testid=fee-panel] [data-testid=fee-total]');
    await context.close();
  });

  it('pays once for a double click, tries again after the bank refuses, gets the pass and the receipt', async () => {
    const { context, page } = await signedIn();
    await page.goto(`${base}/trips/${tripId}`);
    // The simulated bank's designated account without funds: accepted, then refused.
    await page.fill('input[name=payerAccount]', '9704 0000 0000 0026');
    await page.dblclick('[data-testid=pay]');
    await page.waitForSelector('[data-testid=payment-pending]');
    const charges = () => t.db.selectFrom('payments').select(['id', 'status']).where('trip_id', '=', tripId).where('kind', '=', 'charge').execute();
    expect(await charges()).toHaveLength(1);
    // The simulated bank confirms when asked (a job does it every few seconds on a real server).
    expect((await page.request.post(`${base}/api/v1/payments/simulated/process`)).status()).toBe(200);
    await page.waitForSelector('[data-testid=payment-panel] [role=alert][data-code="payments.insufficient_funds"]');

    // A new attempt is a new payment (a new key), not a replay of the refused one.
    await page.fill('input[name=payerAccount]', '9704000000000018');
    await page.click('[data-testid=pay]');
    await page.waitForSelector('[data-testid=payment-pending]');
    expect((await charges()).map((c) => c.status).sort()).toEqual(['failed', 'pending']);
    await page.request.post(`${base}/api/v1/payments/simulated/process`);
    await page.waitForSelector('[data-testid=trip-page][data-status=paid]', { timeout: 15_000 });
    await page.waitForSelector('[data-testid=pass-panel]');

    const receipt = page.locator('[data-testid=receipt-link]').first();
    const href = await receipt.getAttribute('href');
    const pdf = await page.request.get(`${base}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    await page.click('[data-testid=show-pass]');
    await page.waitForSelector('[data-testid=pass-qr] svg');
    await expect(page.locator('[data-testid=pass-screen]').getAttribute('data-status')).resolves.toBe('valid');
    await expect(page.locator('[data-testid=pass-reference]').textContent()).resolves.toMatch(/^CKS-TRL-\d{8}-[0-9A-Z]{6}$/);
    await context.close();
  });

  it('fits the pass on a phone, with a QR code large enough to scan', async () => {
    const { context, page } = await signedIn({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(`${base}/trips/${tripId}/pass`);
    await page.waitForSelector('[data-testid=pass-qr] svg');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    const box = await page.locator('[data-testid=pass-qr] svg').boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(300);
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(SHOTS, 'trip-pass-phone.png'), fullPage: false });

    await page.goto(`${base}/trips/${tripId}`);
    await page.waitForSelector('[data-testid=trip-page]');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('switches language and shows translated headings', async () => {
    const { context, page } = await signedIn();
    await page.goto(`${base}/trips/${tripId}/pass`);
    await page.waitForSelector('[data-testid=pass-qr] svg');
    await expect(page.locator('h1').textContent()).resolves.toBe('Thẻ qua cửa khẩu');
    await page.selectOption('[data-testid=language]', 'en');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Gate pass');
    await page.selectOption('[data-testid=language]', 'zh');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === '通关卡');
    await page.goto(`${base}/fees`);
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === '费用查询');
    await page.goto(`${base}/trips`);
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === '车次');
    await page.waitForSelector(`[data-testid=trip-row][data-status=paid]`);
    await expect(page.locator('[data-testid=trip-count]').textContent()).resolves.toMatch(/^共 \d+ 个车次$/);
    await context.close();
  });

  it('amends the paid declaration in place with a reason, settles the difference, and keeps the history', async () => {
    const { context, page } = await signedIn();
    await page.goto(`${base}/trips/${tripId}`);
    await page.click('[data-testid=amend-link]');
    await page.waitForSelector('[data-testid=trip-editor][data-status=paid]');
    await page.fill('input[name=grossWeightKg-0]', '11000');
    await expect(page.locator('[data-testid=amend-trip]').isDisabled()).resolves.toBe(true);
    await page.fill('input[name=reason]', 'Cân lại tại kho: thêm 1 tấn gạo');
    await page.click('[data-testid=amend-trip]');
    await page.waitForSelector('[data-testid=trip-page]');
    await page.waitForSelector('[data-testid=outstanding]');
    await page.fill('input[name=payerAccount]', '9704000000000018');
    await page.click('[data-testid=pay]');
    await page.waitForSelector('[data-testid=payment-pending]');
    await page.request.post(`${base}/api/v1/payments/simulated/process`);
    await page.waitForFunction(() => !document.querySelector('[data-testid=payment-panel]') && !!document.querySelector('[data-testid=trip-page][data-status=paid]'), undefined, { timeout: 15_000 });
    await expect(page.locator('[data-testid=trip-versions]').textContent()).resolves.toContain('Cân lại tại kho: thêm 1 tấn gạo');
    await expect(page.locator('[data-testid=trip-timeline] [data-action=amended]').count()).resolves.toBe(1);
    expect(await t.db.selectFrom('payments').select('id').where('trip_id', '=', tripId).where('kind', '=', 'charge').where('status', '=', 'succeeded').execute()).toHaveLength(2);
    await context.close();
  });

  it('cancels, showing first the refund the rules give, and refunds that amount', async () => {
    const { context, page } = await signedIn();
    await page.goto(`${base}/trips/${tripId}`);
    await page.click('[data-testid=cancel-trip]');
    const preview = Number(await page.locator('[data-testid=refund-preview]').getAttribute('data-amount'));
    expect(preview).toBeGreaterThan(0);
    await page.fill('input[name=cancelReason]', 'Khách hàng hoãn đơn hàng');
    await page.click('[data-testid=confirm-cancel]');
    await page.waitForSelector('[data-testid=trip-page][data-status=cancelled]');
    await page.waitForSelector('[data-testid=trip-timeline] [data-action=cancelled]');
    await expect(page.locator('[data-testid=trip-actions] a, [data-testid=cancel-trip], [data-testid=pay]').count()).resolves.toBe(1); // only "copy"
    // The refund the preview showed goes back newest charge first (the amendment's settlement,
    // then the original payment), each part to the charge it refunds.
    const refunds = await t.db.selectFrom('payments').select(['amount', 'refund_of']).where('trip_id', '=', tripId).where('purpose', '=', 'cancellation_refund').execute();
    const charges = await t.db.selectFrom('payments').select(['id', 'amount']).where('trip_id', '=', tripId).where('kind', '=', 'charge').where('status', '=', 'succeeded').orderBy('receipt_number', 'desc').execute();
    expect(charges.length).toBe(2);
    let remaining = preview;
    const expected = charges.flatMap((c) => {
      const take = Math.min(remaining, Number(c.amount));
      remaining -= take;
      return take > 0 ? [{ refundOf: c.id, amount: take }] : [];
    });
    const byCharge = (a: { refundOf: string | null }, b: { refundOf: string | null }) => String(a.refundOf).localeCompare(String(b.refundOf));
    expect(refunds.map((r) => ({ refundOf: r.refund_of, amount: Number(r.amount) })).sort(byCharge)).toEqual(expected.sort(byCharge));
    await context.close();
  });

  it('prices a trip on the public fee calculator without an account', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/fees`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Tra cứu phí');
    await page.fill('input[name=hsCode-0]', '1006.30');
    await page.fill('input[name=grossWeightKg-0]', '12000');
    await page.fill('input[name=declaredValue-0]', '9000');
    await page.waitForSelector('[data-testid=fee-total]');
    await expect(page.locator('[data-testid=fee-item]').count()).resolves.toBeGreaterThan(0);
    await context.close();
  });
});
