import { envInt } from '../platform/env';

// Settings of the trips capability, read from the environment (config.ts is the platform's).
// Validated on first use, which the capability forces at start-up, so a typo stops the server.
//
// TRIP_UNPAID_TTL_HOURS (default 72, 1–720): a draft or an unpaid submitted declaration expires
//   this long after it was created or submitted (and at the latest when its crossing window ends),
//   so that nobody hoards crossing capacity.
// TRIP_PASS_UNUSED_GRACE_HOURS (default 24, 0–720): a paid trip whose pass was never used expires
//   this long after its planned crossing window ends.
// PAYMENTS_AUTO_PROCESS_SECONDS (default 5, 1–3600): how often the simulated gateway settles
//   pending transactions and notifies the platform.

export interface TripSettings {
  unpaidTtlHours: number;
  passUnusedGraceHours: number;
  paymentsProcessSeconds: number;
}

export function loadTripSettings(env: NodeJS.ProcessEnv = process.env): TripSettings {
  return {
    unpaidTtlHours: envInt(env, 'TRIP_UNPAID_TTL_HOURS', 72, 1, 720),
    passUnusedGraceHours: envInt(env, 'TRIP_PASS_UNUSED_GRACE_HOURS', 24, 0, 720),
    paymentsProcessSeconds: envInt(env, 'PAYMENTS_AUTO_PROCESS_SECONDS', 5, 1, 3600),
  };
}

let cached: TripSettings | undefined;
export function tripSettings(): TripSettings {
  return (cached ??= loadTripSettings());
}
