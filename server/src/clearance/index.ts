import type { Capability } from '../platform/capability';
import { clearanceRoutes } from './clearance.routes';
import { seedClearance } from './seed';

// Clearance: derived controls, risk channels, agency worklists and decisions, inspection bays, approved lists (issue 7).
export const clearanceCapability: Capability = {
  name: 'clearance',
  routes: async (app) => {
    await app.register(clearanceRoutes);
  },
  seed: seedClearance,
};
