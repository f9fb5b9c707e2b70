import { envInt, envBool } from '../platform/env';

// Settings of the operations capability, read from the environment (config.ts is the platform's).
// Read when the capability registers its routes (and by the jobs), so a typo stops the start-up.
//
// OPERATIONS_PUBLIC_RATE_LIMIT (default 120, 1–100000): requests per minute one client address may
//   make to the public congestion feed and page data; the 121st gets 429.
// OPERATIONS_PUBLIC_MAX_AGE_SECONDS (default 15, 0–3600): Cache-Control max-age of the public feed.
// OPERATIONS_EVENT_POLL_MS (default 1000, 100–60000): the event hub reads new domain events at least
//   this often, in case a NOTIFY was lost (LISTEN is the fast path).
// OPERATIONS_HEARTBEAT_SECONDS (default 15, 1–300): comment line sent on idle event streams so
//   proxies keep them open.
// OPERATIONS_LEVELS_SECONDS (default 15, 1–3600): how often the congestion levels are recomputed
//   and warnings raised or cleared.
// WEBHOOKS_ALLOW_PRIVATE (default false): let webhook URLs point to localhost or private networks
//   (development and tests only).
// WEBHOOKS_ALLOWED_HOSTS (default empty = any public host): comma-separated host names webhook URLs
//   must use (suffix match on ".example.com" entries).
// WEBHOOKS_MAX_ATTEMPTS (default 8, 1–50): attempts before a delivery is marked failed.
// WEBHOOKS_BACKOFF_SECONDS (default 30, 1–86400): first retry delay; doubles each attempt (±20%
//   jitter), at most 6 hours.
// WEBHOOKS_TIMEOUT_MS (default 5000, 100–60000): how long a receiver may take to answer.

export interface OperationsSettings {
  publicRateLimit: number;
  publicMaxAgeSeconds: number;
  eventPollMs: number;
  heartbeatSeconds: number;
  levelsSeconds: number;
  webhooks: {
    allowPrivate: boolean;
    allowedHosts: string[];
    maxAttempts: number;
    backoffSeconds: number;
    timeoutMs: number;
  };
}

export function loadOperationsSettings(env: NodeJS.ProcessEnv = process.env): OperationsSettings {
  return {
    publicRateLimit: envInt(env, 'OPERATIONS_PUBLIC_RATE_LIMIT', 120, 1, 100_000),
    publicMaxAgeSeconds: envInt(env, 'OPERATIONS_PUBLIC_MAX_AGE_SECONDS', 15, 0, 3600),
    eventPollMs: envInt(env, 'OPERATIONS_EVENT_POLL_MS', 1000, 100, 60_000),
    heartbeatSeconds: envInt(env, 'OPERATIONS_HEARTBEAT_SECONDS', 15, 1, 300),
    levelsSeconds: envInt(env, 'OPERATIONS_LEVELS_SECONDS', 15, 1, 3600),
    webhooks: {
      allowPrivate: envBool(env, 'WEBHOOKS_ALLOW_PRIVATE', false),
      allowedHosts: (env.WEBHOOKS_ALLOWED_HOSTS ?? '')
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
      maxAttempts: envInt(env, 'WEBHOOKS_MAX_ATTEMPTS', 8, 1, 50),
      backoffSeconds: envInt(env, 'WEBHOOKS_BACKOFF_SECONDS', 30, 1, 86_400),
      timeoutMs: envInt(env, 'WEBHOOKS_TIMEOUT_MS', 5000, 100, 60_000),
    },
  };
}

/** Read afresh each call (cheap), so tests may set variables before building an app. */
export function operationsSettings(): OperationsSettings {
  return loadOperationsSettings();
}
