import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../server/src/config';
import { pdfText, renderFirstPagePng, writeTempPdf } from '../server/src/plans/reports/pdf-tools.testkit';
import { DEMO_PASSWORD, login, type TestApp } from '../server/test/harness';
import { browserAvailable, SHOTS, signInPage, startBrowserApp, type BrowserApp } from './browser';
import { inkShare } from './png-ink';


describe.runIf(browserAvailable())('plans in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let app: BrowserApp;
  beforeAll(async () => {
    // The real clock: sessions expire by it, and the seed plans of 2025 are late by then.
    app = await startBrowserApp();
    ({ t, browser, base } = app);
  });
  afterAll(async () => app?.close());

  async function signIn(username: string, viewport = { width: 1200, height: 900 }): Promise<Page> {
    const page = await browser.newPage({ viewport, acceptDownloads: true });
    await signInPage(page, base, username);
    return page;
  }

  async function apiAs<T>(username: string, url: string): Promise<T> {
    const res = await t.app.inject({ method: 'GET', url, headers: { cookie: await login(t.app, username) } });
    expect(res.statusCode).toBe(200);
    return res.json() as T;
  }

  it('lets an agency move its task to in progress with a progress note, seen in the history, and submit its report part', async () => {
    const page = await signIn('soct.caobang');
    await page.click('nav[aria-label=main] a[href="/my-tasks"]');
    await page.waitForSelector('[data-testid=task-row]');
    const mine = await apiAs<{ total: number; items: Array<{ id: string; ref: string; allowedActions: string[] }> }>('soct.caobang', '/api/v1/plan-tasks?mine=true');
    expect(await page.locator('[data-testid=task-row]').count()).toBe(mine.total);
    const task = mine.items.find((i) => i.ref === '6.1')!;
    await page.locator('[data-testid=task-row][data-ref="6.1"] a.task-title').click();
    await page.waitForSelector('[data-testid=task-detail][data-status=not_started]');
    // The buttons are exactly the actions the server's transition table allows this user.
    const buttons = await page.locator('[data-testid=task-actions] button').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect(buttons.sort()).toEqual([...task.allowedActions].sort());
    expect(buttons).toContain('start');

    const note = 'Đã rà soát các chợ biên giới, lập danh sách thương nhân cư dân biên giới';
    await page.fill('textarea[name=updateText]', note);
    await page.fill('input[name=progressPercent]', '20');
    await page.selectOption('select[name=updateAction]', 'start');
    // Evidence: an attached file and a link to a web page.
    const evidence = Buffer.from('Biên bản rà soát chợ biên giới Trà Lĩnh, 2026');
    await page.setInputFiles('input[name=evidenceFiles]', { name: 'bien-ban-ra-soat.txt', mimeType: 'text/plain', buffer: evidence });
    await page.click('[data-testid=progress-form] fieldset button.secondary');
    await page.fill('[data-testid=evidence-link-row] input[type=url]', 'https://caobang.gov.vn/bien-ban');
    await page.click('[data-testid=post-update]');
    await page.waitForSelector('[data-testid=progress-form] [role=status]');
    await page.waitForSelector('[data-testid=task-detail][data-status=in_progress]');
    const update = page.locator('[data-testid=task-update]').first();
    await expect(update.textContent()).resolves.toContain(note);
    await expect(update.locator('a[download]').textContent()).resolves.toContain('bien-ban-ra-soat.txt');
    await expect(update.locator('a[href="https://caobang.gov.vn/bien-ban"]').count()).resolves.toBe(1);
    const file = await t.db.selectFrom('plan_files').select(['sha256', 'size_bytes']).where('file_name', '=', 'bien-ban-ra-soat.txt').executeTakeFirstOrThrow();
    expect(file).toEqual({ sha256: crypto.createHash('sha256').update(evidence).digest('hex'), size_bytes: evidence.length });
    await expect(page.locator('[data-testid=task-events] li[data-action=start]').textContent()).resolves.toContain('Đang thực hiện');
    const stored = await t.db.selectFrom('plan_tasks').select(['status', 'progress_percent']).where('id', '=', task.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: 'in_progress', progress_percent: 20 });
    await page.screenshot({ path: path.join(SHOTS, 'plan-task-agency.png'), fullPage: false });

    // Its part of the 6-month report: the agency leaves the list of those who have not submitted.
    await page.goto(`${base}/plans/plan-002/reports`);
    await page.selectOption('select[name=reportKind]', 'six_month');
    await page.selectOption('select[name=reportYear]', '2026');
    await page.waitForSelector('[data-testid=report-missing] [data-agency=cb-soct]');
    await page.fill('textarea[name=reportSummary]', 'Sở Công Thương đã triển khai đầy đủ các nhiệm vụ 6.1–6.5 trong 6 tháng đầu năm.');
    await page.click('[data-testid=report-submit] button[type=submit]');
    await page.waitForSelector('[data-testid=report-submitted] [data-agency=cb-soct]');
    expect(await page.locator('[data-testid=report-missing] [data-agency=cb-soct]').count()).toBe(0);
    // Searching across plans without diacritics finds the Vietnamese text.
    await page.click('.subnav a[href="/plan-tasks"]');
    await page.type('input[name=q]', 'thuong mai bien gioi', { delay: 20 });
    await page.waitForURL(/q=thuong\+mai\+bien\+gioi/);
    const found = await apiAs<{ total: number; items: Array<{ titleVi: string }> }>('soct.caobang', '/api/v1/plan-tasks?q=thuong%20mai%20bien%20gioi&limit=50');
    expect(found.total).toBeGreaterThan(0);
    expect(found.items.some((i) => i.titleVi.toLowerCase().includes('thương mại biên giới'))).toBe(true);
    await page.waitForFunction((n) => document.querySelector('[data-testid=task-count]')?.textContent?.endsWith(`: ${n}`), found.total);
    await expect(page.inputValue('input[name=q]')).resolves.toBe('thuong mai bien gioi');
    await page.close();
  });

  it('shows the plan owner who is late, sends a reminder that reaches the agency, and renders the PDF report', async () => {
    const owner = await signIn('vhttdl.caobang');
    await owner.goto(`${base}/plans/plan-000`);
    await owner.waitForSelector('[data-testid=late-agency]');
    const late = await apiAs<{ items: Array<{ agency: { code: string }; tasks: unknown[] }> }>('vhttdl.caobang', '/api/v1/plans/plan-000/late');
    expect(late.items.length).toBeGreaterThan(0);
    const shown = await owner.locator('[data-testid=late-agency]').evaluateAll((els) => els.map((e) => e.getAttribute('data-agency')));
    expect(shown).toEqual(late.items.map((g) => g.agency.code));
    expect(await owner.locator('[data-testid=task-row][data-late=true]').count()).toBeGreaterThan(0);

    await owner.fill('textarea[name=remindMessage]', 'Đề nghị báo cáo kết quả trước ngày 30/11.');
    await owner.click('[data-testid=send-reminder]');
    await expect(owner.locator('[data-testid=reminder-result]').textContent()).resolves.toMatch(/Đã nhắc \d+ cơ quan/);
    await owner.screenshot({ path: path.join(SHOTS, 'plan-owner-late.png'), fullPage: false });

    // The report: download the PDF, render its first page, and see ink and the plan's title on it.
    await owner.goto(`${base}/plans/plan-000/reports`);
    await owner.selectOption('select[name=reportKind]', 'annual');
    await owner.waitForSelector('[data-testid=download-pdf]');
    const [download] = await Promise.all([owner.waitForEvent('download'), owner.click('[data-testid=download-pdf]')]);
    const pdfPath = await download.path();
    const pdf = writeTempPdf(fs.readFileSync(pdfPath!));
    try {
      expect(fs.readFileSync(pdf.file).subarray(0, 5).toString()).toBe('%PDF-');
      const png = fs.readFileSync(renderFirstPagePng(pdf));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBeGreaterThan(300);
      expect(png.readUInt32BE(20)).toBeGreaterThan(300);
      expect(inkShare(png)).toBeGreaterThan(0.005);
      expect(pdfText(pdf.file, { first: 1, last: 2 }).replace(/\s+/g, ' ')).toContain('đột phá');
      fs.copyFileSync(renderFirstPagePng(pdf), path.join(SHOTS, 'plan-report-page1.png'));
    } finally {
      pdf.dispose();
    }
    await owner.close();

    // The lead agency hears about it: the bell counts the notice and the notice opens the plan.
    const agency = await signIn('qldl.caobang');
    await agency.goto(`${base}/plans`);
    await agency.waitForSelector('[data-testid=notice-count]');
    await agency.click('[data-testid=notice-bell]');
    await agency.waitForSelector('[data-testid=notice][data-read=false]');
    await expect(agency.locator('[data-testid=notice]').first().textContent()).resolves.toContain('Đề nghị báo cáo kết quả trước ngày 30/11.');
    await agency.close();
  });

  it('shows the provincial leader every plan and task with no edit buttons', async () => {
    const page = await signIn('lanhdao.caobang');
    await page.goto(`${base}/plans`);
    await page.waitForSelector('[data-testid=plan-card]');
    const plans = await apiAs<{ items: unknown[] }>('lanhdao.caobang', '/api/v1/plans');
    expect(await page.locator('[data-testid=plan-card]').count()).toBe(plans.items.length);
    expect(await page.locator('[data-testid=create-plan], [data-testid=import-plan]').count()).toBe(0);

    await page.goto(`${base}/plans/plan-002`);
    await page.waitForSelector('[data-testid=task-row]');
    await expect(page.locator('[data-testid=plan-header]').getAttribute('data-can-manage')).resolves.toBe('false');
    expect(await page.locator('[data-testid=plan-detail] button, [data-testid=reminder-panel], input[name=remindTask]').count()).toBe(0);

    await page.locator('[data-testid=task-row][data-ref="6.2"] a.task-title').click();
    await page.waitForSelector('[data-testid=task-detail]');
    await page.waitForSelector('[data-testid=task-facts]');
    expect(await page.locator('[data-testid=task-detail] button, [data-testid=progress-form], [data-testid=task-editor]').count()).toBe(0);

    for (const tab of ['reports', 'kpis', 'delegations']) {
      await page.goto(`${base}/plans/plan-004/${tab}`);
      await page.waitForSelector(`[data-testid=plan-${tab}]`);
      await page.waitForLoadState('networkidle');
      expect(await page.locator('[data-testid=plan-detail] button, [data-testid=report-submit], [data-testid=delegation-create], [data-testid=kpi-record]').count()).toBe(0);
    }
    await page.close();
  });

  it('imports a plan file only when it is wholly valid, listing every problem, and creates a plan in the form', async () => {
    const page = await signIn('songv.caobang');
    await page.goto(`${base}/plans`);
    await page.click('[data-testid=import-plan]');
    const file = JSON.parse(fs.readFileSync(path.join(repoRoot, 'reference', 'plans', 'plan-003.json'), 'utf8'));
    file.plan.id = 'plan-003-ban-sao';
    file.plan.tasks[0].period = { kind: 'date', textVi: 'Trước ngày 30/02/2027', date: '2027-02-30' };
    file.plan.tasks[1].leadAgency = 'cb-khong-ton-tai';
    const upload = (content: unknown) =>
      page.setInputFiles('input[name=planFile]', { name: 'ke-hoach.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(content)) });
    await upload(file);
    await page.waitForSelector('[data-testid=import-preview]');
    await page.click('[data-testid=import-submit]');
    await page.waitForSelector('[role=alert][data-code="plans.invalid_plan"]');
    const problems = await page.locator('[role=alert] li').allTextContents();
    expect(problems.length).toBeGreaterThanOrEqual(2);
    expect(problems.join('\n')).toContain('/plan/tasks/0/period');
    expect(problems.join('\n')).toContain('/plan/tasks/1/leadAgency');
    expect(await t.db.selectFrom('plans').select('id').where('id', '=', 'plan-003-ban-sao').executeTakeFirst()).toBeUndefined();

    file.plan.tasks[0].period = { kind: 'date', textVi: 'Trước ngày 28/02/2027', date: '2027-02-28' };
    file.plan.tasks[1].leadAgency = 'cb-songv-htqt';
    await upload(file);
    await page.click('[data-testid=import-submit]');
    await page.waitForSelector('[data-testid=plan-detail][data-plan=plan-003-ban-sao] [data-testid=task-row]');
    expect(await page.locator('[data-testid=task-row]').count()).toBe(file.plan.tasks.length);

    await page.goto(`${base}/plans/new`);
    await page.fill('textarea[name=titleVi]', 'Kế hoạch kiểm tra mốc quốc giới năm 2027');
    await page.fill('input[name=number]', '15/KH-SNgV');
    await page.click('[data-testid=add-task]');
    const row = page.locator('[data-testid=task-draft]').first();
    await row.locator('textarea[name=taskTitle]').fill('Kiểm tra, bảo dưỡng các mốc quốc giới trên tuyến biên giới');
    await row.locator('select[name=taskLead]').selectOption('cb-bdbp');
    await row.locator('input[name=taskFromYear]').fill('2027');
    await page.click('[data-testid=create-submit]');
    await page.waitForSelector('[data-testid=plan-detail] [data-testid=task-row]');
    await expect(page.locator('h1').textContent()).resolves.toBe('Kế hoạch kiểm tra mốc quốc giới năm 2027');
    await expect(page.locator('[data-testid=task-row]').textContent()).resolves.toContain('Năm 2027');
    await page.close();
  });

  it('lets the plan owner record a KPI value and take a delegation through its approval', async () => {
    const page = await signIn('ubnd.tuyenquang');
    await page.goto(`${base}/plans/plan-004/kpis`);
    const kpis = await apiAs<{ items: Array<{ code: string; computed: boolean }> }>('ubnd.tuyenquang', '/api/v1/plans/plan-004/kpis');
    const typed = kpis.items.find((k) => !k.computed)!;
    const computed = kpis.items.filter((k) => k.computed).map((k) => k.code);
    await page.waitForSelector('[data-testid=kpi]');
    // Computed KPIs are marked and offer no typing in.
    for (const code of computed) {
      await page.waitForSelector(`[data-kpi="${code}"] [data-testid=kpi-computed]`);
      expect(await page.locator(`[data-kpi="${code}"] [data-testid=kpi-record]`).count()).toBe(0);
    }
    const card = page.locator(`[data-kpi="${typed.code}"]`);
    await card.locator('details summary').first().click();
    await card.locator('input[name=kpiYear]').fill('2026');
    await card.locator('input[name=kpiValue]').fill('16');
    await card.locator('[data-testid=kpi-record] button[type=submit]').click();
    await card.locator('.kpi-values li').first().waitFor();
    await expect(card.locator('.kpi-values').textContent()).resolves.toContain('2026');
    await page.close();

    const owner = await signIn('vhttdl.caobang');
    await owner.goto(`${base}/plans/plan-001/delegations`);
    await owner.click('[data-testid=delegation-create] summary');
    await owner.fill('input[name=counterpartVi]', 'Sở Văn hóa và Du lịch Quảng Tây (Trung Quốc)');
    await owner.fill('textarea[name=purposeVi]', 'Trao đổi về khu cảnh quan thác Bản Giốc – Đức Thiên');
    await owner.fill('textarea[name=members]', 'Nguyễn Văn A — Phó Giám đốc Sở\nHoàng Thị B — Chuyên viên');
    await owner.fill('input[name=startDate]', '2027-03-10');
    await owner.fill('input[name=endDate]', '2027-03-12');
    await owner.click('[data-testid=delegation-create] button[type=submit]');
    const delegation = owner.locator('[data-testid=delegation][data-status=proposed]');
    await delegation.waitFor();
    await expect(delegation.textContent()).resolves.toContain('Hoàng Thị B (Chuyên viên)');
    await delegation.locator('button[data-action=approve]').click();
    await owner.fill('input[name=approvalRef]', '125/QĐ-UBND');
    await owner.click('[data-testid=delegation-action-form] button[type=submit]');
    await owner.waitForSelector('[data-testid=delegation][data-status=approved]');
    const approved = owner.locator('[data-testid=delegation][data-status=approved]');
    await expect(approved.textContent()).resolves.toContain('125/QĐ-UBND');
    await owner.close();
  });

  it('translates the plans pages into English and Chinese', async () => {
    const page = await signIn('lanhdao.caobang');
    await page.goto(`${base}/plans`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Kế hoạch và nhiệm vụ');
    await page.selectOption('[data-testid=language]', 'en');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Plans and tasks');
    await page.goto(`${base}/plans/plan-002`);
    await page.waitForSelector('[data-testid=plan-tasks] h2');
    await expect(page.locator('[data-testid=plan-tasks] > h2').textContent()).resolves.toBe('Tasks');
    await expect(page.locator('.tabs').textContent()).resolves.toContain('Periodic reports');
    await page.selectOption('[data-testid=language]', 'zh');
    await page.waitForFunction(() => document.querySelector('[data-testid=plan-tasks] > h2')?.textContent === '任务');
    await expect(page.locator('.tabs').textContent()).resolves.toContain('定期报告');
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('zh-CN');
    await page.goto(`${base}/plans`);
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === '计划与任务');
    // The server's error codes read in Chinese too.
    await page.goto(`${base}/plans/khong-co-ke-hoach`);
    await expect(page.locator('[role=alert][data-code="plans.not_found"]').textContent()).resolves.toContain('未找到该计划。');
    await page.selectOption('[data-testid=language]', 'vi');
    await page.close();
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(`${base}/login`);
    await page.fill('input[name=username]', 'soct.caobang');
    await page.fill('input[name=password]', DEMO_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=nav-account]');
    const task = (await apiAs<{ items: Array<{ id: string }> }>('soct.caobang', '/api/v1/plan-tasks?mine=true')).items[0];
    const pages: Array<[string, string]> = [
      ['/plans', 'plan-card'],
      ['/my-tasks', 'task-row'],
      ['/plan-tasks?q=thuong%20mai', 'task-row'],
      ['/plans/plan-002', 'task-row'],
      [`/plans/plan-002/tasks/${task.id}`, 'task-facts'],
      ['/plans/plan-002/reports', 'report-missing'],
      ['/plans/plan-004/kpis', 'kpi'],
      ['/plans/plan-001/delegations', 'plan-delegations'],
      ['/notices', 'notices'],
    ];
    for (const [url, testId] of pages) {
      await page.goto(`${base}${url}`);
      await page.waitForSelector(`[data-testid=${testId}]`);
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, url).toBeLessThanOrEqual(0);
    }
    await page.goto(`${base}/plans/plan-002/tasks/${task.id}`);
    await page.waitForSelector('[data-testid=task-facts]');
    await page.screenshot({ path: path.join(SHOTS, 'plan-task-phone.png'), fullPage: false });
    await page.close();
  });
});
