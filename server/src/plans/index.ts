import type { Capability } from '../platform/capability';
import type { App } from '../platform/types';
import { deadlineJob } from './deadlines.job';
import { delegationRoutes } from './delegations.routes';
import { kpiRoutes } from './kpis.routes';
import { reportRoutes } from './reports.routes';
import { planRoutes } from './plans.routes';
import { seedPlansCapability } from './seed';
import { taskRoutes } from './tasks.routes';

// Registered in capabilities.ts: routes, seed and jobs of the plans capability.
export const plansCapability: Capability = {
  name: 'plans',
  routes: async (app: App) => {
    await app.register(planRoutes);
    await app.register(taskRoutes);
    await app.register(kpiRoutes);
    await app.register(reportRoutes);
    await app.register(delegationRoutes);
  },
  seed: seedPlansCapability,
  jobs: [deadlineJob],
};
