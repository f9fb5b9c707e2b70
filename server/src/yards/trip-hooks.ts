import type { TripHooks } from '../trips/hooks';

// What the yards capability does when a declaration changes (see trips/hooks.ts).
export const yardsTripHooks: TripHooks = {};
