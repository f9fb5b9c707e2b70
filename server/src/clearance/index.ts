import type { Capability } from '../platform/capability';

// Clearance: derived controls, risk channels, agency worklists and decisions, inspection bays, approved lists (issue 7).
export const clearanceCapability: Capability = {
  name: 'clearance',
};
