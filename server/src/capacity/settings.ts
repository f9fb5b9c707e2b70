import { envInt } from '../platform/env';

// Settings of the capacity capability, read from the environment (see trips/settings.ts).
//
// CAPACITY_NO_SHOW_GRACE_MINUTES (default 60, 0–1440): a booking still active this long after its
//   crossing window ends, while the truck never arrived, becomes a no-show and its capacity is
//   released.
// CAPACITY_NO_SHOW_JOB_SECONDS (default 60, 5–3600): how often the no-show job runs.

export interface CapacitySettings {
  noShowGraceMinutes: number;
  noShowJobSeconds: number;
}

export function loadCapacitySettings(env: NodeJS.ProcessEnv = process.env): CapacitySettings {
  return {
    noShowGraceMinutes: envInt(env, 'CAPACITY_NO_SHOW_GRACE_MINUTES', 60, 0, 1440),
    noShowJobSeconds: envInt(env, 'CAPACITY_NO_SHOW_JOB_SECONDS', 60, 5, 3600),
  };
}

let cached: CapacitySettings | undefined;
export function capacitySettings(): CapacitySettings {
  return (cached ??= loadCapacitySettings());
}
