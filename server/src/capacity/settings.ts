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

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  return value;
}

export function loadCapacitySettings(env: NodeJS.ProcessEnv = process.env): CapacitySettings {
  return {
    noShowGraceMinutes: int(env, 'CAPACITY_NO_SHOW_GRACE_MINUTES', 60, 0, 1440),
    noShowJobSeconds: int(env, 'CAPACITY_NO_SHOW_JOB_SECONDS', 60, 5, 3600),
  };
}

let cached: CapacitySettings | undefined;
export function capacitySettings(): CapacitySettings {
  return (cached ??= loadCapacitySettings());
}
