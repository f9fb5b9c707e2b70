import type { Feature } from '../types';
import { LeadersPage } from './LeadersPage';
import { MarketPage } from './MarketPage';
import { StatisticsPage } from './StatisticsPage';
import './market.css';

// Border-market information for everyone; daily statistics and the leaders' view for readers of
// statistics (gate authority, department staff, leaders).
export const marketFeature: Feature = {
  routes: [
    { path: '/market', element: <MarketPage /> },
    { path: '/statistics', element: <StatisticsPage /> },
    { path: '/leaders', element: <LeadersPage /> },
  ],
  nav: [
    { to: '/market', labelKey: 'market.nav', visible: () => true },
    { to: '/statistics', labelKey: 'statistics.nav', visible: (me) => !!me?.permissions.includes('statistics:read') },
    { to: '/leaders', labelKey: 'leaders.nav', visible: (me) => !!me?.permissions.includes('statistics:read') && me?.role !== 'gate_authority' },
  ],
};
