import { sql } from 'kysely';
import type { AppServices } from '../platform/context';
import { AppError } from '../platform/errors';

// Per-address limits are looser than per-account ones: many drivers may share one NAT.
const IP_FACTOR = 10;

function keys(username: string, ip: string | undefined): Array<{ key: string; max: (n: number) => number }> {
  const list = [{ key: `user:${username.toLowerCase()}`, max: (n: number) => n }];
  if (ip) list.push({ key: `ip:${ip}`, max: (n: number) => n * IP_FACTOR });
  return list;
}

export async function assertNotThrottled(app: AppServices, username: string, ip: string | undefined): Promise<void> {
  const now = app.now();
  const rows = await app.db
    .selectFrom('auth_throttle')
    .select(['key', 'locked_until'])
    .where('key', 'in', keys(username, ip).map((k) => k.key))
    .execute();
  const lockedUntil = rows
    .map((r) => r.locked_until)
    .filter((d): d is Date => d !== null && d > now)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  if (lockedUntil) {
    const retryAfterSeconds = Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000);
    throw new AppError('auth.too_many_attempts', { retryAfterSeconds });
  }
}

export async function recordFailure(app: AppServices, username: string, ip: string | undefined): Promise<void> {
  const { loginMaxFailures, loginLockMinutes } = app.config;
  const now = app.now();
  const windowStart = new Date(now.getTime() - loginLockMinutes * 60_000);
  for (const { key, max } of keys(username, ip)) {
    // One statement per key: counters restart when the window has passed, and the row locks
    // itself once the limit is reached. Atomic under concurrent failures.
    await sql`
      insert into auth_throttle as t (key, failures, window_started_at)
      values (${key}, 1, ${now})
      on conflict (key) do update set
        failures = case when t.window_started_at < ${windowStart} then 1 else t.failures + 1 end,
        window_started_at = case when t.window_started_at < ${windowStart} then ${now} else t.window_started_at end,
        locked_until = case
          when t.window_started_at >= ${windowStart} and t.failures + 1 >= ${max(loginMaxFailures)}
          then ${new Date(now.getTime() + loginLockMinutes * 60_000)}
          else t.locked_until end`.execute(app.db);
  }
}

export async function clearFailures(app: AppServices, username: string): Promise<void> {
  await app.db.deleteFrom('auth_throttle').where('key', '=', `user:${username.toLowerCase()}`).execute();
}
