import type { Feature } from '../types';
import { ApprovedCodesPage } from './ApprovedCodesPage';
import { ClearanceTripPage } from './ClearanceTripPage';
import { PublishRuleSetPage } from './PublishRuleSetPage';
import { RuleSetPage, RuleSetsPage } from './RuleSetsPage';
import { WorklistPage } from './WorklistPage';
import './clearance.css';

// One-stop clearance for officers: their agency's worklist, a trip's controls on one page with
// the decision panel, the customs risk rule sets and the approved PUC/PHC lists. The enterprise's
// side is TripClearancePanel on the trip page.
export const clearanceFeature: Feature = {
  routes: [
    { path: '/clearance', element: <WorklistPage /> },
    { path: '/clearance/trips/:id', element: <ClearanceTripPage /> },
    { path: '/clearance/rules', element: <RuleSetsPage /> },
    { path: '/clearance/rules/new', element: <PublishRuleSetPage /> },
    { path: '/clearance/rules/:version', element: <RuleSetPage /> },
    { path: '/clearance/approved-codes', element: <ApprovedCodesPage /> },
  ],
  nav: [{ to: '/clearance', labelKey: 'clearanceNav.worklist', visible: (me) => !!me?.permissions.includes('clearance:read') }],
};
