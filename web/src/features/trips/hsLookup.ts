import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client';

// The description of an HS code while the user types it. The server validates codes against
// the HS 2022 nomenclature; descriptions come from its lookup route when it offers one, and
// otherwise from the saved declaration (each stored line carries hsDescription).

const cache = new Map<string, string | null>();
let routeMissing = false;

export function hsDigits(code: string): string {
  return code.replace(/[.\s]/g, '');
}

/** Remembers descriptions the server already gave (e.g. with a saved trip). */
export function rememberHs(code: string | null, description: string | null) {
  if (code && description) cache.set(hsDigits(code).slice(0, 6), description);
}

export function useHsDescription(code: string): { description: string | null; unknown: boolean } {
  const digits = hsDigits(code);
  const key = /^[0-9]{6}([0-9]{2})?$/.test(digits) ? digits.slice(0, 6) : null;
  const [, force] = useState(0);
  useEffect(() => {
    if (!key || cache.has(key) || routeMissing) return;
    let live = true;
    const timer = setTimeout(() => {
      api<{ description?: string }>('GET', `/api/v1/hs/${key}`)
        .then((r) => cache.set(key, r.description ?? null))
        .catch((e: unknown) => {
          if (e instanceof ApiError && e.problem.code === 'request.route_not_found') routeMissing = true;
          else if (e instanceof ApiError && e.problem.status === 404) cache.set(key, null);
        })
        .finally(() => live && force((n) => n + 1));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);
  if (!key) return { description: null, unknown: false };
  const found = cache.get(key);
  return { description: found ?? null, unknown: found === null };
}
