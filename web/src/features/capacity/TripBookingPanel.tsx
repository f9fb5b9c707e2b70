import type { TripPanelProps } from '../tripPanels';

/** Shown on the trip page (see features/tripPanels.tsx). */
export function TripBookingPanel(_props: TripPanelProps) {
  return null;
}
