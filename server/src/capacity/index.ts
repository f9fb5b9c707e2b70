import type { Capability } from '../platform/capability';

// Capacity: crossing capacity per day and hour, booked crossing windows, no-shows (issue 6).
export const capacityCapability: Capability = {
  name: 'capacity',
};
