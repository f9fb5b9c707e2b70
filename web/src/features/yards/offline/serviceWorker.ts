// The yard page makes itself installable and able to open offline: it links its manifest and
// registers its service worker (web/public/yard-sw.js), scoped to /yard so the rest of the
// application keeps its ordinary behaviour. Service workers need a secure context (HTTPS or
// localhost); elsewhere the page still works online and keeps its outbox in IndexedDB.

export const YARD_SW_URL = '/yard-sw.js';
export const YARD_SW_SCOPE = '/yard';

export function linkManifest(): () => void {
  if (document.querySelector('link[rel="manifest"]')) return () => undefined;
  const link = document.createElement('link');
  link.rel = 'manifest';
  link.href = '/yard.webmanifest';
  link.dataset.yard = 'true';
  document.head.appendChild(link);
  return () => link.remove();
}

export async function registerYardServiceWorker(): Promise<ServiceWorkerRegistration | null> {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return null;
  try {
    return await navigator.serviceWorker.register(YARD_SW_URL, { scope: YARD_SW_SCOPE });
  } catch {
    // No offline shell, but the page itself works; the status line says whether it can go offline.
    return null;
  }
}
