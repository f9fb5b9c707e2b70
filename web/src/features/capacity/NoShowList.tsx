import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatInstant } from '../../components/format';
import { useApi } from '../../components/useApi';
import { capacityUrls, type NoShowReport } from './api';
import { hourLabel } from './dates';

const PERIODS = [30, 90];

/** Enterprises by bookings they did not use, in the last 30 or 90 days, at this gate. */
export function NoShowList({ gateId, timeZone }: { gateId: string; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const [days, setDays] = useState(30);
  const { data, error } = useApi<NoShowReport>(capacityUrls.noShows(days, gateId));
  return (
    <section className="panel" data-testid="no-shows">
      <h2>{t('capacity.noShows.title')}</h2>
      <div className="switch" role="group" aria-label={t('capacity.noShows.period')}>
        {PERIODS.map((p) => <button key={p} type="button" aria-pressed={days === p} onClick={() => setDays(p)}>{t('capacity.noShows.days', { value: p })}</button>)}
      </div>
      <ErrorMessage error={error} />
      {data && data.items.length === 0 && <p className="muted">{t('capacity.noShows.none')}</p>}
      {data && data.items.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead><tr><th>{t('capacity.noShows.enterprise')}</th><th>{t('capacity.noShows.count')}</th><th>{t('capacity.noShows.bookings')}</th><th>{t('capacity.noShows.trips')}</th></tr></thead>
            <tbody>
              {data.items.map((e) => (
                <tr key={e.enterpriseId} data-enterprise={e.enterpriseId}>
                  <td>{e.name}<br /><span className="muted mono">{e.taxCode}</span>{e.repeated && <> <span className="badge bad">{t('capacity.noShows.repeated')}</span></>}</td>
                  <td className="num">{e.noShows}</td>
                  <td className="num">{e.bookings}</td>
                  <td>
                    <ul className="plain">
                      {e.trips.map((tr) => (
                        <li key={tr.tripId}><Link to={`/trips/${tr.tripId}`} className="mono">{tr.reference}</Link> · {tr.date} {hourLabel(tr.hour)} <span className="muted">({formatInstant(tr.at, i18n.language, timeZone)})</span></li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
