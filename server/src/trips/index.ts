import type { Capability } from '../platform/capability';

// Registered in capabilities.ts; fill in routes, seed and jobs as the capability grows.
export const tripsCapability: Capability = { name: 'trips' };
