import type { Capability } from '../platform/capability';
import { checkInRoutes } from './checkin.routes';
import { yardJobs } from './jobs';
import { queueRoutes } from './queue.routes';
import { seedYards } from './seed';
import { syncRoutes } from './sync.routes';
import { yardsRoutes } from './yards.routes';

// Yards: yards, check-in/out by camera, QR or hand, the queue, call-forward, crossing events,
// measured waits, the driver page and offline sync (issue 6). See README.md in this folder.
export const yardsCapability: Capability = {
  name: 'yards',
  routes: async (app) => {
    await app.register(yardsRoutes);
    await app.register(checkInRoutes);
    await app.register(queueRoutes);
    await app.register(syncRoutes);
  },
  seed: seedYards,
  jobs: yardJobs,
};
