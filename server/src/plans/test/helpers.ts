import type { TestApp } from '../../../test/harness';

// Small request helpers for the plans integration tests.

export function client(t: TestApp) {
  const req = (method: string, url: string, cookie?: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: method as 'GET', url, headers: { ...(cookie ? { cookie } : {}), ...headers }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  return {
    req,
    get: (url: string, cookie?: string) => req('GET', url, cookie),
    post: (url: string, cookie: string | undefined, payload?: unknown, headers?: Record<string, string>) => req('POST', url, cookie, payload, headers),
    patch: (url: string, cookie: string | undefined, payload: unknown) => req('PATCH', url, cookie, payload),
  };
}

export async function taskByRef(t: TestApp, planId: string, ref: string) {
  return t.db.selectFrom('plan_tasks').selectAll().where('plan_id', '=', planId).where('ref', '=', ref).executeTakeFirstOrThrow();
}
