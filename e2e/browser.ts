import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from '../server/src/config';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../server/test/harness';

/** Debian's Chromium, driven by playwright-core; never a downloaded browser. */
export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}

export function browserAvailable(): boolean {
  if (chromiumPath()) return true;
  if (process.env.CI) throw new Error('CI must install Debian chromium for the browser tests');
  return false;
}

export async function launchBrowser(): Promise<Browser> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cks-chromium-'));
  return chromium.launch({
    executablePath: chromiumPath()!,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${userDataDir}`,
    ].filter((a) => !a.startsWith('--user-data-dir')),
  });
}

export const SHOTS = path.join(repoRoot, 'e2e', 'screenshots');

export interface BrowserApp {
  t: TestApp;
  browser: Browser;
  base: string;
  close(): Promise<void>;
}

/** The built web UI served by a fresh app on an ephemeral port, and a browser to drive it. */
export async function startBrowserApp(): Promise<BrowserApp> {
  if (!fs.existsSync(path.join(repoRoot, 'web', 'dist', 'index.html'))) throw new Error('Build the web first: npm run build:web');
  const t = await createTestApp('pglite');
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await launchBrowser();
  fs.mkdirSync(SHOTS, { recursive: true });
  return {
    t,
    browser,
    base,
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

/** Signs a demo account in through the login form, as a user would. */
export async function signInPage(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', DEMO_PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid=nav-account]');
}
