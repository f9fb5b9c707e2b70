import type { Feature } from '../types';
import { BoardPage } from './BoardPage';
import { PublicCongestionPage } from './PublicCongestionPage';
import { WebhooksPage } from './WebhooksPage';
import './operations.css';

// The live board for officers and leaders, the public congestion page for everyone, and the
// webhooks screen for enterprises.
export const operationsFeature: Feature = {
  routes: [
    { path: '/operations', element: <BoardPage /> },
    { path: '/operations/gates/:gateId', element: <BoardPage /> },
    { path: '/operations/provinces/:province', element: <BoardPage /> },
    { path: '/congestion', element: <PublicCongestionPage /> },
    { path: '/webhooks', element: <WebhooksPage /> },
  ],
  nav: [
    { to: '/operations', labelKey: 'opsNav.board', visible: (me) => !!me?.permissions.includes('operations:read') },
    { to: '/congestion', labelKey: 'opsNav.congestion', visible: () => true },
    { to: '/webhooks', labelKey: 'opsNav.webhooks', visible: (me) => !!me?.permissions.includes('webhooks:write') },
  ],
};
