import type { Feature } from '../types';
import { FeeCalculatorPage } from './FeeCalculatorPage';
import { FleetPage } from './FleetPage';
import { PassPage } from './PassPage';
import { TripFormPage } from './TripFormPage';
import { TripPage } from './TripPage';
import { TripsListPage } from './TripsListPage';
import './trips.css';

// Fleet and declarations for enterprise users, the trip list for whoever may read trips
// (enterprises, officers at their gates, leaders), and the fee calculator for everyone.
export const tripsFeature: Feature = {
  routes: [
    { path: '/fleet', element: <FleetPage /> },
    { path: '/trips', element: <TripsListPage /> },
    { path: '/trips/new', element: <TripFormPage /> },
    { path: '/trips/:id', element: <TripPage /> },
    { path: '/trips/:id/edit', element: <TripFormPage /> },
    { path: '/trips/:id/pass', element: <PassPage /> },
    { path: '/fees', element: <FeeCalculatorPage /> },
  ],
  nav: [
    { to: '/trips', labelKey: 'tripsNav.trips', visible: (me) => !!me?.permissions.includes('trips:read') },
    { to: '/trips/new', labelKey: 'tripsNav.declare', visible: (me) => !!me?.permissions.includes('trips:write') },
    { to: '/fleet', labelKey: 'tripsNav.fleet', visible: (me) => !!me?.permissions.includes('fleet:write') },
    { to: '/fees', labelKey: 'tripsNav.fees', visible: () => true },
  ],
};
