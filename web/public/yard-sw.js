/* Service worker of the yard page (registered by web/src/features/yards/offline/serviceWorker.ts
 * with scope /yard, so it controls /yard and /yards/… only).
 *
 * Hand-written on purpose: the page needs one cache holding the app shell (index.html and the
 * hashed /assets/ files it references) so it opens without the network. A Workbox or
 * vite-plugin-pwa build pipeline would add a dependency and a build step for that one cache.
 *
 * - Page loads: network first (a fresh shell after each deploy), the cached shell when offline.
 * - /assets/…: cache first; file names carry a content hash, so a cached file is never stale.
 * - Icons, manifest, favicon: cached copy at once, refreshed in the background.
 * - /api/…: never touched. Data offline comes from IndexedDB (the page's snapshot and outbox),
 *   and API calls must fail visibly when the network is down so the page switches to its outbox.
 */
const CACHE = 'cks-yard-shell-v1';
const SHELL_KEY = '/';
const STATIC = ['/favicon.svg', '/yard.webmanifest', '/yard-icon.svg', '/yard-icon-192.png', '/yard-icon-512.png'];
const NETWORK_TIMEOUT_MS = 4000;

function assetsOf(html) {
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
}

/** Stores a fresh shell and the assets it references; drops assets of older builds. */
async function storeShell(cache, response) {
  const html = await response.clone().text();
  const assets = assetsOf(html);
  await Promise.all(assets.map(async (url) => { if (!(await cache.match(url))) await cache.add(url); }));
  await cache.put(SHELL_KEY, response);
  const wanted = new Set(assets);
  const oldMain = (await cache.keys()).filter((r) => { const p = new URL(r.url).pathname; return p.startsWith('/assets/') && !wanted.has(p) && /^\/assets\/index-.*\.js$/.test(p); });
  // A new main script means a new build: the previous build's files will never be asked for again.
  if (oldMain.length > 0) {
    for (const r of await cache.keys()) {
      const p = new URL(r.url).pathname;
      if (p.startsWith('/assets/') && !wanted.has(p)) await cache.delete(r);
    }
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const response = await fetch(SHELL_KEY, { cache: 'no-store', headers: { accept: 'text/html' } });
    if (response.ok) await storeShell(cache, response);
    await cache.addAll(STATIC);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name.startsWith('cks-yard-') && name !== CACHE) await caches.delete(name);
    await self.clients.claim();
  })());
});

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then((v) => { clearTimeout(timer); resolve(v); }, (e) => { clearTimeout(timer); reject(e); });
  });
}

async function page(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await withTimeout(fetch(request), NETWORK_TIMEOUT_MS);
    if (response.ok && (response.headers.get('content-type') || '').includes('text/html')) await storeShell(cache, response.clone());
    return response;
  } catch {
    const shell = await cache.match(SHELL_KEY);
    if (shell) return shell;
    throw new Error('offline and no cached shell');
  }
}

async function asset(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function staleWhileRevalidate(request, event) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  const refresh = fetch(request).then(async (response) => { if (response.ok) await cache.put(request, response.clone()); return response; });
  if (hit) {
    event.waitUntil(refresh.catch(() => undefined));
    return hit;
  }
  return refresh;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/docs') || url.pathname === '/openapi.json' || url.pathname === '/healthz') return;
  if (request.mode === 'navigate') return event.respondWith(page(request));
  if (url.pathname.startsWith('/assets/')) return event.respondWith(asset(request));
  if (STATIC.includes(url.pathname)) return event.respondWith(staleWhileRevalidate(request, event));
});
