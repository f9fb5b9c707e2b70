import type { Feature } from '../types';
import { CreatePlanPage } from './CreatePlanPage';
import { PlanDelegationsPage } from './DelegationsPage';
import { ImportPlanPage } from './ImportPlanPage';
import { PlanKpisPage } from './KpisPage';
import { NoticesPage } from './NoticesPage';
import { PlanDetailPage } from './PlanDetailPage';
import { PlansPage } from './PlansPage';
import { PlanReportsPage } from './ReportsPage';
import { TaskDetailPage } from './TaskDetailPage';
import { MyTasksPage, TaskSearchPage } from './TaskSearchPage';
import './plans.css';

// Plans (issue 4): task lists, plan follow-up, reports, KPIs, delegations and in-app notices.
// Shown only to users who may read plans; every write button comes from what the server allows.
export const plansFeature: Feature = {
  routes: [
    { path: '/plans', element: <PlansPage /> },
    { path: '/plans/new', element: <CreatePlanPage /> },
    { path: '/plans/import', element: <ImportPlanPage /> },
    { path: '/plans/:id', element: <PlanDetailPage /> },
    { path: '/plans/:id/reports', element: <PlanReportsPage /> },
    { path: '/plans/:id/kpis', element: <PlanKpisPage /> },
    { path: '/plans/:id/delegations', element: <PlanDelegationsPage /> },
    { path: '/plans/:id/tasks/:taskId', element: <TaskDetailPage /> },
    { path: '/my-tasks', element: <MyTasksPage /> },
    { path: '/plan-tasks', element: <TaskSearchPage /> },
    { path: '/notices', element: <NoticesPage /> },
  ],
  nav: [
    { to: '/plans', labelKey: 'plans.nav.plans', visible: (me) => !!me?.permissions.includes('plans:read') },
    { to: '/my-tasks', labelKey: 'plans.nav.myTasks', visible: (me) => !!me?.agency && !!me.permissions.includes('plans:read') },
  ],
};
