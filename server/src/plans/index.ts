import { notificationsRoutes } from '../notifications/notifications.routes';
import type { Capability } from '../platform/capability';
import type { App } from '../platform/types';
import { deadlineJob } from './deadlines.job';
import { delegationRoutes } from './delegations.routes';
import { kpiRoutes } from './kpis.routes';
import { reportRoutes } from './reports.routes';
import { planRoutes } from './plans.routes';
import { seedPlansCapability } from './seed';
import { taskRoutes } from './tasks.routes';

// Registered in capabilities.ts: routes, seed and jobs of the plans capability. The generic
// notifications module is served from here until the platform registers it on its own.
export const plansCapability: Capability = {
  name: 'plans',
  routes: async (app: App) => {
    await app.register(planRoutes);
    await app.register(taskRoutes);
    await app.register(kpiRoutes);
    await app.register(reportRoutes);
    await app.register(delegationRoutes);
    await app.register(notificationsRoutes);
  },
  seed: seedPlansCapability,
  jobs: [deadlineJob],
};
