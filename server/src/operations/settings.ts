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

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  return value;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

export function loadOperationsSettings(env: NodeJS.ProcessEnv = process.env): OperationsSettings {
  return {
    publicRateLimit: int(env, 'OPERATIONS_PUBLIC_RATE_LIMIT', 120, 1, 100_000),
    publicMaxAgeSeconds: int(env, 'OPERATIONS_PUBLIC_MAX_AGE_SECONDS', 15, 0, 3600),
    eventPollMs: int(env, 'OPERATIONS_EVENT_POLL_MS', 1000, 100, 60_000),
    heartbeatSeconds: int(env, 'OPERATIONS_HEARTBEAT_SECONDS', 15, 1, 300),
    levelsSeconds: int(env, 'OPERATIONS_LEVELS_SECONDS', 15, 1, 3600),
    webhooks: {
      allowPrivate: bool(env, 'WEBHOOKS_ALLOW_PRIVATE', false),
      allowedHosts: (env.WEBHOOKS_ALLOWED_HOSTS ?? '')
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
      maxAttempts: int(env, 'WEBHOOKS_MAX_ATTEMPTS', 8, 1, 50),
      backoffSeconds: int(env, 'WEBHOOKS_BACKOFF_SECONDS', 30, 1, 86_400),
      timeoutMs: int(env, 'WEBHOOKS_TIMEOUT_MS', 5000, 100, 60_000),
    },
  };
}

/** Read afresh each call (cheap), so tests may set variables before building an app. */
export function operationsSettings(): OperationsSettings {
  return loadOperationsSettings();
}
