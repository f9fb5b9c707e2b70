import type { Feature } from '../types';
import { DriverPage, DriverStart } from './DriverPage';
import { YardChooser } from './YardChooser';
import { YardPage } from './YardPage';
import './yards.css';

// The yard operator's page (installable, works offline) for yard operators, gate authority and
// border guard (yards:read), and the driver's phone page (no account; the pass is the key).
export const yardsFeature: Feature = {
  routes: [
    { path: '/yard', element: <YardChooser /> },
    { path: '/yards/:gateId', element: <YardChooser /> },
    { path: '/yards/:gateId/:yardId', element: <YardPage /> },
    { path: '/driver', element: <DriverStart /> },
    { path: '/driver/:reference', element: <DriverPage /> },
  ],
  nav: [{ to: '/yard', labelKey: 'yardsNav.yard', visible: (me) => !!me?.permissions.includes('yards:read') && me.role !== 'provincial_leader' }],
};
