import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../server/src/config';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../server/test/harness';
import { browserAvailable, launchBrowser } from './browser';

// The plan report as a reader sees it: downloaded in a signed-in browser session, its first page
// rendered from PDF to PNG (poppler) and shown in Chromium, which must find a full A4 page with
// the report's text on it.

const SHOTS = path.join(repoRoot, 'e2e', 'screenshots');

describe.runIf(browserAvailable())('plan report in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    // The real clock: the browser drops a session cookie whose expiry lies in its past.
    t = await createTestApp('pglite');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await launchBrowser();
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('downloads the 6-month report of plan 004 and renders its first page', async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 1300 } });
    const signIn = await page.request.post(`${base}/api/v1/auth/login`, { data: { username: 'soct.tuyenquang', password: DEMO_PASSWORD } });
    expect(signIn.status()).toBe(200);
    const submitted = await page.request.post(`${base}/api/v1/plans/plan-004/reports/six_month/2026/submissions`, {
      data: { summaryVi: 'Sở Công Thương đã tổ chức 03 hội nghị xúc tiến thương mại với tỉnh Vân Nam.' },
      headers: { origin: base },
    });
    expect(submitted.status()).toBe(200);
    const status = await (await page.request.get(`${base}/api/v1/plans/plan-004/reports/six_month/2026`)).json();
    const pdf = await page.request.get(`${base}${status.downloads.pdf}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-report-e2e-'));
    try {
      const file = path.join(dir, 'report.pdf');
      fs.writeFileSync(file, await pdf.body());
      execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, path.join(dir, 'page1')]);
      const png = fs.readFileSync(path.join(dir, 'page1.png'));
      const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('BÁO CÁO');
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');

      await page.setContent(`<img id="p" alt="report page 1" src="data:image/png;base64,${png.toString('base64')}">`);
      const seen = await page.evaluate(async () => {
        const img = document.getElementById('p') as HTMLImageElement;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        const g = canvas.getContext('2d')!;
        g.drawImage(img, 0, 0);
        const { data } = g.getImageData(0, 0, canvas.width, canvas.height);
        let ink = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 384) ink++;
        // Ink in the top band (national heading) and in the middle (the report body).
        const band = (from: number, to: number) => {
          let n = 0;
          for (let y = Math.floor(canvas.height * from); y < canvas.height * to; y++) {
            for (let x = 0; x < canvas.width; x++) {
              const i = (y * canvas.width + x) * 4;
              if (data[i] + data[i + 1] + data[i + 2] < 384) n++;
            }
          }
          return n;
        };
        return { width: img.naturalWidth, height: img.naturalHeight, ink: ink / (data.length / 4), top: band(0, 0.15), middle: band(0.3, 0.7) };
      });
      // A4 portrait: 210 × 297 mm.
      expect(seen.height / seen.width).toBeCloseTo(297 / 210, 1);
      expect(seen.ink).toBeGreaterThan(0.005);
      expect(seen.ink).toBeLessThan(0.5);
      expect(seen.top).toBeGreaterThan(0);
      expect(seen.middle).toBeGreaterThan(0);
      await page.screenshot({ path: path.join(SHOTS, 'plan-report-page1.png'), fullPage: true });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await page.close();
    }
  });
});
