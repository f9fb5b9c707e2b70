import type { TripHooks } from '../trips/hooks';

// What the clearance capability does when a declaration changes (see trips/hooks.ts).
export const clearanceTripHooks: TripHooks = {};
