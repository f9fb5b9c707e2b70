import type { ReactElement } from 'react';
import type { Trip } from '../../../shared/schemas/trips';
import { TripBookingPanel } from './capacity/TripBookingPanel';
import { TripClearancePanel } from './clearance/TripClearancePanel';
import { TripNoticesPanel } from './notices/TripNoticesPanel';
import { TripYardPanel } from './yards/TripYardPanel';

// What other features show on a trip's page, in this order, below the trip's facts. Each panel
// loads its own data and renders nothing when it has nothing to say.
export interface TripPanelProps {
  trip: Trip;
  /** Call after the panel changed something, so the page reloads the trip. */
  onChanged: () => void;
}

export const tripPanels: ReadonlyArray<{ key: string; Panel: (props: TripPanelProps) => ReactElement | null }> = [
  { key: 'notices', Panel: TripNoticesPanel },
  { key: 'booking', Panel: TripBookingPanel },
  { key: 'clearance', Panel: TripClearancePanel },
  { key: 'yard', Panel: TripYardPanel },
];
