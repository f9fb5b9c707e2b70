import type { Feature } from '../types';
import { CapacityHome, CapacityPage } from './CapacityPage';
import './capacity.css';

// Crossing capacity (issue 6): the gate authority's page (day and hourly capacity, date
// overrides, bookings against capacity, no-shows, history). Trip-side pieces (free hours in the
// declaration form, the booking panel on the trip page) are imported by the trips screens.
export const capacityFeature: Feature = {
  routes: [
    { path: '/capacity', element: <CapacityHome /> },
    { path: '/capacity/:gateId', element: <CapacityPage /> },
  ],
  nav: [
    {
      to: '/capacity',
      labelKey: 'capacity.nav',
      // Leaders read every gate's capacity and no-shows; authorities also change them.
      visible: (me) => !!me && (me.permissions.includes('capacity:write') || me.role === 'provincial_leader'),
    },
  ],
};
