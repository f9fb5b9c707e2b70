import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate, formatInstant } from '../../components/format';
import { useApi } from '../../components/useApi';
import type { TripPanelProps } from '../tripPanels';
import { capacityUrls, type TripBookings } from './api';
import './capacity.css';

/** Shown on the trip page (see features/tripPanels.tsx): the booked crossing slot, or the no-show. */
export function TripBookingPanel({ trip }: TripPanelProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { data, reload } = useApi<TripBookings>(trip.status === 'draft' ? null : capacityUrls.tripBooking(trip.id));
  // The trip page reloads the trip after every change; the booking follows its version.
  useEffect(() => void reload(), [trip.version, trip.status, reload]);
  if (trip.status === 'draft' || !data) return null;
  const latest = data.items[0];
  const missed = !data.current && latest?.status === 'no_show';
  return (
    <section className="panel booking-panel" data-testid="trip-booking">
      <h2>{t('booking.title')}</h2>
      {data.current ? (
        <p>
          <span className={`badge booking-${data.current.status}`} data-testid="booking-status">{t(`booking.status.${data.current.status}`)}</span>{' '}
          <strong data-testid="booking-slot">{t('booking.slot', { date: formatDate(data.current.date, lang), from: data.current.slotFrom, to: data.current.slotTo })}</strong>
          <span className="muted"> · {t('booking.declaredWindow', data.current.window)}</span>
        </p>
      ) : missed ? (
        <div className="alert" role="alert" data-testid="booking-no-show">
          <p>{t('booking.noShow', { minutes: data.noShowGraceMinutes })}</p>
          {trip.allowedActions.includes('amend') && <Link to={`/trips/${trip.id}/edit`}>{t('booking.amend')}</Link>}
        </div>
      ) : (
        <p className="muted">{t('booking.none')}</p>
      )}
      {data.items.length > 1 && (
        <details>
          <summary>{t('booking.history')}</summary>
          <ul className="plain">
            {data.items.map((b) => (
              <li key={b.id}>
                {t('booking.slot', { date: formatDate(b.date, lang), from: b.slotFrom, to: b.slotTo })} · {t(`booking.status.${b.status}`)} ·{' '}
                <span className="muted">{formatInstant(b.statusAt, lang, 'Asia/Ho_Chi_Minh')}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
