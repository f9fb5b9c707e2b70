import { useTranslation } from 'react-i18next';
import { useApi } from '../../components/useApi';
import type { TripPanelProps } from '../tripPanels';
import { noticeUrls, type TripNotices } from './api';
import { NoticeCard } from './NoticeCard';
import './notices.css';

/** Shown on the trip page (see features/tripPanels.tsx): notices over the trip's gate in its window. */
export function TripNoticesPanel({ trip }: TripPanelProps) {
  const { t } = useTranslation();
  const { data } = useApi<TripNotices>(trip.gateId && trip.plannedDate ? noticeUrls.trip(trip.id) : null);
  if (!data || data.items.length === 0) return null;
  return (
    <section className="panel trip-notices" data-testid="trip-notices">
      <h2>{t('gateNotices.onTrip')}</h2>
      {data.items.map((n) => <NoticeCard key={n.id} notice={n} compact />)}
    </section>
  );
}
