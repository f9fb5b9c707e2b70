import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDate } from '../../components/format';
import { useApi } from '../../components/useApi';
import { capacityUrls, type BookingsOverview } from './api';

function Cell({ booked, capacity, onClick }: { booked: number; capacity: number; onClick: () => void }) {
  const { t } = useTranslation();
  if (capacity === 0 && booked === 0) return <td className="muted">{t('capacity.overview.closed')}</td>;
  const share = capacity > 0 ? Math.min(100, Math.round((booked * 100) / capacity)) : 100;
  return (
    <td>
      <button type="button" className="link" onClick={onClick}>{t('capacity.overview.booked', { booked, capacity })}</button>
      {booked >= capacity && <span className="badge bad"> {t('capacity.overview.full')}</span>}
      <div className={`bar ${booked >= capacity ? 'full' : ''}`} aria-hidden="true"><span style={{ width: `${share}%` }} /></div>
    </td>
  );
}

/** Bookings against capacity for the next 14 days, per direction; a click shows that day's hours. */
export function BookingsOverviewTable({ gateId, onView }: { gateId: string; onView: (date: string, direction: 'export' | 'import') => void }) {
  const { t, i18n } = useTranslation();
  const { data, error } = useApi<BookingsOverview>(capacityUrls.overview(gateId));
  const dates = [...new Set((data?.items ?? []).map((i) => i.date))];
  const find = (date: string, direction: string) => data!.items.find((i) => i.date === date && i.direction === direction)!;
  return (
    <section className="panel" data-testid="bookings-overview">
      <h2>{t('capacity.overview.title')}</h2>
      <ErrorMessage error={error} />
      {data && (
        <div className="table-wrap">
          <table className="table overview">
            <thead><tr><th>{t('capacity.overview.date')}</th><th>{t('capacity.direction.export')}</th><th>{t('capacity.direction.import')}</th></tr></thead>
            <tbody>
              {dates.map((d) => (
                <tr key={d} data-date={d}>
                  <th>{formatDate(d, i18n.language)}</th>
                  {(['export', 'import'] as const).map((dir) => {
                    const item = find(d, dir);
                    return <Cell key={dir} booked={item.booked} capacity={item.capacity} onClick={() => onView(d, dir)} />;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
