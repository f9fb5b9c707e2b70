import type { TripHooks } from '../trips/hooks';

// What the capacity capability does when a declaration changes (see trips/hooks.ts).
export const capacityTripHooks: TripHooks = {};
