import { AppError } from '../platform/errors';

// Steps carry the time they happened (a camera's capture time, a device's clock while offline).
// A time ahead of the server's by more than a small clock skew is refused: it cannot have happened.

export const CLOCK_SKEW_MS = 2 * 60_000;

export function isFuture(at: Date, now: Date): boolean {
  return at.getTime() > now.getTime() + CLOCK_SKEW_MS;
}

/** The given ISO time (default now), refused with 422 when in the future. */
export function eventTime(value: string | undefined, now: Date): Date {
  if (value === undefined) return now;
  const at = new Date(value);
  if (isFuture(at, now)) throw new AppError('yards.time_in_future', { occurredAt: value, serverTime: now.toISOString() });
  return at;
}
