import type { TripPanelProps } from '../tripPanels';

/** Shown on the trip page (see features/tripPanels.tsx). */
export function TripClearancePanel(_props: TripPanelProps) {
  return null;
}
