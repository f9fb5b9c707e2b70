import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { GateSummary } from '../../../../shared/schemas/gates';
import { TRIP_STATUSES } from '../../../../shared/workflows/trip';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDate, gateName } from '../../components/format';
import { useApi } from '../../components/useApi';
import { useSession } from '../../session';
import { urls, type TripSummary } from './api';
import { formatVnd } from './display';
import { goodsGates } from './TripRouteFields';

const PAGE = 50;

/** Trips the user may see (their enterprise's, their gates', or all for leaders), filtered. */
export function TripsListPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { me, can, loading: sessionLoading } = useSession();
  const [filters, setFilters] = useState({ status: '', gateId: '', from: '', to: '', q: '' });
  const [offset, setOffset] = useState(0);
  const allowed = can('trips:read');
  const url = useMemo(() => {
    const params = new URLSearchParams(Object.entries(filters).filter(([, v]) => v.trim() !== ''));
    params.set('limit', String(PAGE));
    if (offset) params.set('offset', String(offset));
    return urls.trips(params);
  }, [filters, offset]);
  const { data, error, loading } = useApi<{ items: TripSummary[]; total: number }>(allowed ? url : null);
  const gates = useApi<{ items: GateSummary[] }>(urls.gates);
  const gateById = new Map((gates.data?.items ?? []).map((g) => [g.id, g]));
  const set = (key: keyof typeof filters) => (e: { target: { value: string } }) => {
    setFilters({ ...filters, [key]: e.target.value });
    setOffset(0);
  };

  if (sessionLoading) return <p>{t('common.loading')}</p>;
  if (!me || !allowed) return <p className="alert" role="alert">{t('tripsCommon.signInToSeeTrips')}</p>;
  return (
    <section className="trips-page" data-testid="trips-list">
      <h1>{t('trips.title')}</h1>
      {can('trips:write') && (
        <p className="row">
          <Link className="button" to="/trips/new" data-testid="new-trip">+ {t('trips.new')}</Link>
          {can('fleet:write') && <Link className="button secondary" to="/fleet">{t('fleet.title')}</Link>}
        </p>
      )}
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>{t('trips.filter.status')}
          <select name="status" value={filters.status} onChange={set('status')}>
            <option value="">{t('common.all')}</option>
            {TRIP_STATUSES.map((s) => <option key={s} value={s}>{t(`trips.status.${s}`)}</option>)}
          </select>
        </label>
        <label>{t('trips.filter.gate')}
          <select name="gateId" value={filters.gateId} onChange={set('gateId')}>
            <option value="">{t('common.all')}</option>
            {goodsGates(gates.data?.items ?? []).map((g) => <option key={g.id} value={g.id}>{gateName(g, lang)}</option>)}
          </select>
        </label>
        <label>{t('trips.filter.from')}<input type="date" name="from" value={filters.from} onChange={set('from')} /></label>
        <label>{t('trips.filter.to')}<input type="date" name="to" value={filters.to} onChange={set('to')} /></label>
        <label className="grow">{t('trips.filter.q')}<input type="search" name="q" maxLength={100} value={filters.q} onChange={set('q')} /></label>
      </form>
      <ErrorMessage error={error} />
      {loading && !data && <p>{t('common.loading')}</p>}
      {data && (
        <>
          <p className="muted" data-testid="trip-count">{t('trips.count', { count: data.total })}</p>
          {data.items.length === 0 && <p>{t('trips.empty')}</p>}
          <ul className="trip-rows">
            {data.items.map((s) => {
              const gate = s.gateId ? gateById.get(s.gateId) : undefined;
              return (
                <li key={s.id} className="card" data-testid="trip-row" data-reference={s.reference} data-status={s.status}>
                  <p className="row spread">
                    <Link to={`/trips/${s.id}`} className="reference">{s.reference}</Link>
                    <span className={`badge trip-${s.status}`}>{t(`trips.status.${s.status}`)}</span>
                  </p>
                  <p>
                    {s.direction ? t(`trips.direction.${s.direction}`) : '—'} · {gate ? gateName(gate, lang) : (s.gateId ?? '—')} ·{' '}
                    {s.plannedDate ? formatDate(s.plannedDate, lang) : '—'}{s.window && ` ${s.window.from}–${s.window.to}`}
                  </p>
                  <p className="muted">
                    <span className="plate">{s.plate ?? '—'}</span> · {s.driverName ?? '—'}
                    {s.feeTotal !== null && ` · ${formatVnd(s.feeTotal, lang)}`}
                    {s.outstanding > 0 && s.status !== 'draft' && ` · ${t('trip.outstanding')} ${formatVnd(s.outstanding, lang)}`}
                    {me.role !== 'enterprise' && ` · ${s.enterpriseName}`}
                  </p>
                </li>
              );
            })}
          </ul>
          <p className="row">
            {offset > 0 && <button type="button" className="secondary" onClick={() => setOffset(Math.max(0, offset - PAGE))}>{t('trips.previous')}</button>}
            {offset + PAGE < data.total && <button type="button" className="secondary" onClick={() => setOffset(offset + PAGE)}>{t('trips.next')}</button>}
          </p>
        </>
      )}
    </section>
  );
}
