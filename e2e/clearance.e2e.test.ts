import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClearanceTripView, RiskRules } from '../shared/schemas/clearance';
import type { Gate } from '../shared/schemas/gates';
import { repoRoot } from '../server/src/config';
import { DEMO_PASSWORD, login, type TestApp } from '../server/test/harness';
import { browserAvailable, SHOTS, startBrowserApp, type BrowserApp } from './browser';

// Officers walk two trips through clearance in the browser. Yellow: customs asks for a
// document, the enterprise answers in its trip panel, customs and plant quarantine pass, the
// trip is cleared. Red: customs cannot pass before inspecting, sends the truck to a bay the
// system assigns, records the result, and the trip is cleared. The rule sets behind the
// channels are published through the rule editor and the API.

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
let plateSerial = 40;

describe.runIf(browserAvailable())('clearance in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let app: BrowserApp;
  let day = '';
  const cookies: Record<string, string> = {};
  let yellowTrip: { id: string; reference: string } = { id: '', reference: '' };

  beforeAll(async () => {
    app = await startBrowserApp();
    ({ t, browser, base } = app);
    for (const u of ['dn.nongsan', 'haiquan.tralinh']) cookies[u] = await login(t.app, u);
    const gate = (await t.app.inject({ method: 'GET', url: '/api/v1/gates/tra-linh' })).json() as Gate;
    const open = gate.upcoming.slice(1).find((d) => d.open && !d.special && d.intervals.some((i) => i.opens <= '08:00' && i.closes >= '10:00'));
    if (!open) throw new Error('Trà Lĩnh has no ordinary open day in the next two weeks');
    day = open.date;
  });
  afterAll(async () => app?.close());

  async function api(who: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
    const res = await t.app.inject({ method, url, payload: payload as never, headers: { cookie: cookies[who] } });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  }

  async function pageAs(username: string, viewport = { width: 1200, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ viewport, acceptDownloads: true });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const res = await page.request.post(`${base}/api/v1/auth/login`, { data: { username, password: DEMO_PASSWORD } });
    expect(res.status()).toBe(200);
    return page;
  }

  /** The shipped rule set with no randomness, where fresh goods go to one channel. */
  function perishableIn(channel: 'yellow' | 'red'): RiskRules {
    const shipped = JSON.parse(fs.readFileSync(path.join(repoRoot, 'reference/clearance/risk-rules.json'), 'utf8')).rules as RiskRules;
    return {
      ...shipped,
      random: { red: 0, yellow: 0 },
      quota: { ...shipped.quota, minRedShare: 0 },
      rules: [{ id: `E2E-${channel.toUpperCase()}`, channel, when: { perishable: true }, description: { vi: `Hàng tươi: luồng ${channel}`, en: `Fresh goods: ${channel}` } }],
    };
  }

  /** An export of fresh durian at Trà Lĩnh with approved codes, declared and submitted by the enterprise. */
  async function declareDurian(): Promise<{ id: string; reference: string }> {
    plateSerial++;
    const vehicle = await api('dn.nongsan', 'POST', '/api/v1/vehicles', { plate: `11C-7${plateSerial}.12`, type: 'truck', axles: 3, tonnageCapacity: 15, inspectionExpiresOn: '2030-12-31' });
    const driver = await api('dn.nongsan', 'POST', '/api/v1/drivers', { fullName: 'Hoàng Văn Kiểm', nationality: 'VN', documentType: 'border_pass', documentNumber: `C${plateSerial}45678`, documentExpiresOn: '2031-01-01', phone: '+84 912 555 0' + plateSerial });
    const created = await api('dn.nongsan', 'POST', '/api/v1/trips', {
      direction: 'export', gateId: 'tra-linh', plannedDate: day, window: { from: '08:00', to: '10:00' }, vehicleId: vehicle.id, driverId: driver.id,
      cargoLines: [{ hsCode: '0810.60.00', description: 'Sầu riêng tươi', packages: 400, packageKind: 'thùng', quantity: 8000, unit: 'KGM', grossWeightKg: 8500, declaredValue: 30000, currency: 'USD', origin: 'VN', perishable: true, growingAreaCode: 'VNORC-0123', packingHouseCode: 'VNPHC-0456' }],
      documents: [{ kind: 'customs_declaration', number: '307512345670' }, { kind: 'phytosanitary_certificate', number: 'KDTV-2026-000123' }],
    });
    const submitted = await api('dn.nongsan', 'POST', `/api/v1/trips/${created.id}/submit`, { version: created.version });
    return { id: submitted.id, reference: submitted.reference };
  }

  const customsCard = (page: Page) => page.locator('[data-testid=control-card][data-kind=customs]');
  const plantCard = (page: Page) => page.locator('[data-testid=control-card][data-kind=plant_quarantine]');

  /** Plant quarantine passes its own control of the trip, from its own account. */
  async function plantPasses(tripId: string) {
    const page = await pageAs('kdtv.tralinh');
    await page.goto(`${base}/clearance/trips/${tripId}`);
    // Customs' control is visible to plant quarantine, but only its own carries a decision panel.
    await customsCard(page).waitFor();
    await expect(customsCard(page).locator('[data-testid=decision-panel]').count()).resolves.toBe(0);
    await plantCard(page).locator('[data-testid=decide-pass]').click();
    await plantCard(page).locator('[data-testid=decision-submit]').click();
    await page.waitForSelector('[data-testid=clearance-trip][data-clearance=cleared]');
    await page.context().close();
  }

  it('publishes the rule set in the editor, after it lists every problem of a broken one', async () => {
    const page = await pageAs('haiquan.tralinh');
    await page.goto(`${base}/clearance/rules`);
    await page.click('[data-testid=new-rule-set]');
    await page.waitForFunction(() => ((document.querySelector('[data-testid=rules-json]') as HTMLTextAreaElement | null)?.value ?? '').includes('"seed"'));
    await page.waitForSelector('[data-testid=editor-valid]');
    // A rule with no conditions and an unknown channel, and a missing comma: each said with where it is.
    const broken = { ...perishableIn('yellow'), rules: [{ id: 'E2E-BAD', channel: 'blue', when: {}, description: { vi: 'x', en: 'x' } }] };
    await page.fill('[data-testid=rules-json]', JSON.stringify(broken, null, 2));
    await page.waitForSelector('[data-testid=editor-problems] [data-path="/rules/rules/0/channel"][data-keyword=enum]');
    await page.waitForSelector('[data-testid=editor-problems] [data-path="/rules/rules/0/when"][data-keyword=minProperties]');
    await expect(page.locator('[data-testid=publish-rule-set-submit]').isDisabled()).resolves.toBe(true);
    await page.fill('[data-testid=rules-json]', '{\n  "seed": "abcdefgh"\n  "rules": []\n}');
    await expect(page.locator('[data-testid=editor-problems] [data-keyword=json]').textContent()).resolves.toContain('3');

    await page.fill('[data-testid=rules-json]', JSON.stringify(perishableIn('yellow'), null, 2));
    await page.waitForSelector('[data-testid=rule-set-preview] [data-testid=rule-row][data-rule=E2E-YELLOW]');
    await page.fill('textarea[name=reason]', 'Mùa sầu riêng: kiểm tra hồ sơ hàng tươi');
    await page.click('[data-testid=publish-rule-set-submit]');
    await page.waitForSelector('[data-testid=rule-set] [data-testid=rule-row][data-rule=E2E-YELLOW]');
    expect(page.url()).toMatch(/\/clearance\/rules\/\d+$/);
    await page.context().close();
  });

  it('yellow: customs asks for an invoice, the enterprise answers in place, customs and plant quarantine pass', async () => {
    yellowTrip = await declareDurian();
    const officer = await pageAs('haiquan.tralinh');
    await officer.goto(`${base}/clearance`);
    const row = officer.locator(`[data-testid=worklist-row][data-reference="${yellowTrip.reference}"]`);
    await row.waitFor();
    await expect(row.getAttribute('data-channel')).resolves.toBe('yellow');
    await expect(row.locator('[data-testid=channel-badge]').textContent()).resolves.toContain('Luồng vàng');
    await expect(row.locator('[data-testid=perishable]').count()).resolves.toBe(1);
    await officer.waitForFunction(() => Number(document.querySelector('[data-testid=count-yellow]')?.getAttribute('data-count')) >= 1);
    await row.locator('[data-testid=worklist-open]').click();

    // The whole trip on one page: why yellow, every agency's control, the codes checked.
    await officer.waitForSelector('[data-testid=clearance-trip][data-clearance=pending]');
    await expect(officer.locator('[data-testid=fired-rule]').getAttribute('data-rule')).resolves.toBe('E2E-YELLOW');
    await expect(officer.locator('[data-testid=puc-check]').getAttribute('data-check')).resolves.toBe('approved');
    await expect(plantCard(officer).locator('[data-testid=decision-panel]').count()).resolves.toBe(0);
    await customsCard(officer).locator('[data-testid=decide-request_documents]').click();
    await customsCard(officer).locator('input[name=kind-commercial_invoice]').check();
    await customsCard(officer).locator('input[name=describe-commercial_invoice]').fill('Hóa đơn thương mại có chữ ký');
    await customsCard(officer).locator('textarea[name=message]').fill('Bổ sung hóa đơn thương mại của lô sầu riêng');
    await customsCard(officer).locator('[data-testid=decision-submit]').click();
    await officer.waitForSelector('[data-testid=control-card][data-kind=customs][data-status=documents_requested]');
    await officer.waitForSelector('[data-testid=clearance-trip][data-clearance=held]');
    await officer.screenshot({ path: path.join(SHOTS, 'clearance-officer-trip.png'), fullPage: false });

    // The enterprise sees what blocks it on its trip page and answers there, with the invoice file.
    const enterprise = await pageAs('dn.nongsan');
    await enterprise.goto(`${base}/trips/${yellowTrip.id}`);
    const blocking = enterprise.locator('[data-testid=group-blocking] [data-testid=enterprise-control][data-kind=customs]');
    await blocking.waitFor();
    await expect(blocking.locator('[data-testid=next-step]').getAttribute('data-step')).resolves.toBe('answer');
    await expect(blocking.locator('[data-testid=enterprise-request]').textContent()).resolves.toContain('Hóa đơn thương mại có chữ ký');
    await blocking.locator('input[name=answerNumber-0]').fill('HD-2026-0815');
    await blocking.locator('input[name=answerFile-0]').setInputFiles({ name: 'hoa-don.pdf', mimeType: 'application/pdf', buffer: PDF });
    await blocking.locator('[data-testid=answer-file-attached]').waitFor();
    await blocking.locator('textarea[name=answerMessage]').fill('Đã bổ sung hóa đơn số HD-2026-0815');
    await blocking.locator('[data-testid=answer-submit]').click();
    await enterprise.waitForSelector('[data-testid=group-pending] [data-testid=enterprise-control][data-kind=customs][data-status=pending]');
    await enterprise.screenshot({ path: path.join(SHOTS, 'clearance-enterprise-panel.png'), fullPage: false });

    // Back in customs' worklist, answered; the answer and its file are on the trip page; customs passes (a double click records once).
    await officer.goto(`${base}/clearance`);
    await row.locator('.badge.answered').waitFor();
    await row.locator('[data-testid=worklist-open]').click();
    await customsCard(officer).locator('[data-testid=request-answer] [data-testid=answer-file]').waitFor();
    const href = await customsCard(officer).locator('[data-testid=answer-file]').getAttribute('href');
    expect((await officer.request.get(`${base}${href}`)).headers()['content-type']).toContain('application/pdf');
    await customsCard(officer).locator('[data-testid=decide-pass]').click();
    await customsCard(officer).locator('textarea[name=note]').fill('Hồ sơ đầy đủ');
    await customsCard(officer).locator('[data-testid=decision-submit]').dblclick();
    await officer.waitForSelector('[data-testid=control-card][data-kind=customs][data-status=passed]');
    const view = (await api('haiquan.tralinh', 'GET', `/api/v1/clearance/trips/${yellowTrip.id}`)) as ClearanceTripView;
    expect(view.events.filter((e) => e.kind === 'customs' && e.action === 'pass')).toHaveLength(1);
    await officer.context().close();

    await plantPasses(yellowTrip.id);
    await enterprise.reload();
    await enterprise.waitForSelector('[data-testid=trip-clearance][data-clearance=cleared]');
    await expect(enterprise.locator('[data-testid=clearance-instructions] li').first().getAttribute('data-kind')).resolves.toBe('cleared');
    await enterprise.context().close();
  });

  it('red: no pass before inspection, a bay assigned and shown, the result recorded, the trip cleared', async () => {
    await api('haiquan.tralinh', 'POST', '/api/v1/clearance/rule-sets', { reason: 'Kiểm tra thực tế hàng tươi', rules: perishableIn('red') });
    const trip = await declareDurian();
    const officer = await pageAs('haiquan.tralinh');
    await officer.goto(`${base}/clearance`);
    await officer.click('[data-testid=count-red]');
    await officer.waitForURL(/channel=red/);
    const row = officer.locator(`[data-testid=worklist-row][data-reference="${trip.reference}"]`);
    await row.waitFor();
    // Only red rows are listed now.
    await expect(officer.locator('[data-testid=worklist-row]:not([data-channel=red])').count()).resolves.toBe(0);
    await row.locator('[data-testid=worklist-open]').click();

    await customsCard(officer).locator('[data-testid=decide-inspect]').waitFor();
    await expect(customsCard(officer).locator('[data-testid=decide-pass]').count()).resolves.toBe(0);
    await customsCard(officer).locator('[data-testid=decide-inspect]').click();
    await customsCard(officer).locator('[data-testid=bay-select] option').nth(1).waitFor({ state: 'attached' });
    await customsCard(officer).locator('[data-testid=decision-submit]').click();
    const inspection = customsCard(officer).locator('[data-testid=inspection][data-status=scheduled]');
    await inspection.waitFor();
    await expect(inspection.getAttribute('data-bay')).resolves.toMatch(/^tra-linh-/);
    await expect(inspection.locator('[data-testid=inspection-where]').textContent()).resolves.toMatch(/Khu kiểm tra/);
    await officer.waitForSelector('[data-testid=clearance-trip][data-clearance=held]');

    // The enterprise (and its driver) are told where and when.
    const enterprise = await pageAs('dn.nongsan', { width: 390, height: 844 });
    await enterprise.goto(`${base}/trips/${trip.id}`);
    await enterprise.waitForSelector('[data-testid=clearance-instructions] li[data-kind=inspection]');
    await expect(enterprise.locator('[data-testid=enterprise-control][data-kind=customs] [data-testid=next-step]').getAttribute('data-step')).resolves.toBe('present_truck');
    expect(await enterprise.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await enterprise.context().close();

    // The inspection result: passed.
    await customsCard(officer).locator('[data-testid=decide-pass]').click();
    await customsCard(officer).locator('textarea[name=note]').fill('Hàng đúng khai báo');
    await customsCard(officer).locator('[data-testid=decision-submit]').click();
    await officer.waitForSelector('[data-testid=control-card][data-kind=customs][data-status=passed] [data-testid=inspection][data-status=passed]');
    await expect(officer.locator('[data-testid=control-log] li[data-kind=customs]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).resolves.toEqual(['derived', 'selected', 'inspect', 'inspection_pass']);
    await officer.context().close();
    await plantPasses(trip.id);
  });

  it('fits the worklist on a phone, channels written out', async () => {
    const page = await pageAs('haiquan.tralinh', { width: 390, height: 844 });
    await page.goto(`${base}/clearance?status=all`);
    await page.waitForSelector(`[data-testid=worklist-row][data-reference="${yellowTrip.reference}"]`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(SHOTS, 'clearance-worklist-phone.png'), fullPage: false });
    await page.context().close();
  });

  it('imports approved codes only whole, listing every problem by line', async () => {
    const page = await pageAs('kdtv.tralinh');
    await page.goto(`${base}/clearance/approved-codes`);
    const form = page.locator('[data-testid=import-codes]');
    await form.locator('input[name=codesFile]').setInputFiles({ name: 'gacc.csv', mimeType: 'text/csv', buffer: Buffer.from('kind,code,fruit,holder,province\npuc,VNORC-0999,durian,HTX A,Đắk Lắk\nxyz,VNORC-0998,durian,,\npuc,VNORC-0997,kiwi,,\n') });
    await form.locator('[data-testid=import-preview]').waitFor();
    await form.locator('input[name=label]').fill('GACC 2026-11');
    await form.locator('select[name=mode]').selectOption('merge');
    await form.locator('textarea[name=reason]').fill('Danh sách mới công bố');
    await form.locator('[data-testid=import-codes-submit]').click();
    await form.locator('[data-testid=clearance-problem][data-code="clearance.import_invalid"]').waitFor();
    await expect(form.locator('[data-testid=problem-list] li').evaluateAll((els) => els.map((e) => e.querySelector('code')?.textContent))).resolves.toEqual(['Dòng 3 · kind', 'Dòng 4 · fruit']);
    await form.locator('input[name=codesFile]').setInputFiles({ name: 'gacc.csv', mimeType: 'text/csv', buffer: Buffer.from('kind,code,fruit,holder,province\npuc,VNORC-0999,durian,HTX A,Đắk Lắk\n') });
    await form.locator('[data-testid=import-codes-submit]').click();
    await form.locator('[data-testid=import-done]').waitFor();
    await page.fill('input[name=q]', 'VNORC-0999');
    await page.waitForSelector('[data-testid=code-row][data-code="VNORC-0999"]');
    await page.context().close();
  });
});
