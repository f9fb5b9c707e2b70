import type { Browser, BrowserContext, Page } from 'playwright-core';
import QRCode from 'qrcode';
import type { Gate } from '../shared/schemas/gates';
import { DEMO_PASSWORD, type TestApp } from '../server/test/harness';
import { makeTrip, type TestTrip, type TripOptions, type YardKit } from '../server/src/yards/__fixtures__/yards.testkit';

// Shared set-up of the yard browser tests. The server's clock is moved to 09:00 (Vietnam) of the
// next ordinary open day at Trà Lĩnh and then runs at real speed; each browser context gets the
// same clock, so times recorded on the device (offline events) agree with the server's.

export interface YardBrowserKit {
  kit: YardKit;
  day: string;
  /** The shared "now" in milliseconds. */
  now(): number;
  context(options?: Parameters<Browser['newContext']>[0], username?: string): Promise<{ context: BrowserContext; page: Page }>;
  trip(options?: TripOptions): Promise<TestTrip & { passToken: string }>;
}

export async function yardBrowserKit(t: TestApp, browser: Browser, base: string): Promise<YardBrowserKit> {
  const gate = (await t.app.inject({ method: 'GET', url: '/api/v1/gates/tra-linh' })).json() as Gate;
  const day = gate.upcoming.slice(1).find((d) => d.open && !d.special && d.intervals.some((i) => i.opens <= '08:00' && i.closes >= '12:00'));
  if (!day) throw new Error('Trà Lĩnh has no ordinary open day in the next two weeks');
  const start = Date.parse(`${day.date}T09:00:00+07:00`);
  const realStart = Date.now();
  const now = () => start + (Date.now() - realStart);
  // The app reads clock.now at every request; make it follow the shifted time.
  Object.defineProperty(t.clock, 'now', { get: () => new Date(now()), configurable: true });
  const ids: Record<string, string> = {};
  for (const e of await t.db.selectFrom('enterprises').select(['id', 'tax_code']).execute()) ids[e.tax_code] = e.id;
  const kit: YardKit = { t, clock: t.clock, cookies: {}, ids, req: () => Promise.reject(new Error('not used in browser tests')) };
  return {
    kit,
    day: day.date,
    now,
    async context(options = {}, username) {
      const context = await browser.newContext(options);
      context.setDefaultTimeout(20_000);
      await context.clock.install({ time: now() });
      const page = await context.newPage();
      if (username) {
        const res = await page.request.post(`${base}/api/v1/auth/login`, { data: { username, password: DEMO_PASSWORD } });
        if (res.status() !== 200) throw new Error(`login ${username}: ${res.status()}`);
      }
      return { context, page };
    },
    async trip(options = {}) {
      const trip = await makeTrip(kit, { plannedDate: day.date, window: { from: '08:00', to: '12:00' }, ...options });
      if (!trip.passToken) throw new Error('no pass');
      return trip as TestTrip & { passToken: string };
    },
  };
}

/** The pass QR as a photo file, for the yard page's "photo of the pass" input (decoded by jsQR in the page). */
export async function qrPhoto(token: string): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  return { name: 'pass.png', mimeType: 'image/png', buffer: await QRCode.toBuffer(token, { errorCorrectionLevel: 'M', margin: 4, scale: 5 }) };
}

/**
 * A Y4M video (what Chromium's fake camera plays: --use-file-for-fake-video-capture) showing the
 * pass QR, so the page's getUserMedia + jsQR path is exercised as on a real tablet.
 */
export function qrVideo(token: string, width = 640, height = 480): Buffer {
  const qr = QRCode.create(token, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const scale = Math.floor(Math.min(width, height) / (n + 8));
  const left = Math.floor((width - n * scale) / 2);
  const top = Math.floor((height - n * scale) / 2);
  const y = Buffer.alloc(width * height, 235);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++)
      if (qr.modules.get(r, c))
        for (let dy = 0; dy < scale; dy++) y.fill(16, (top + r * scale + dy) * width + left + c * scale, (top + r * scale + dy) * width + left + (c + 1) * scale);
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma]);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F5:1 Ip A1:1 C420jpeg\n`), frame, frame]);
}
