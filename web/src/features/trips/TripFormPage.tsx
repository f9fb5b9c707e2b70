import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { GateSummary } from '../../../../shared/schemas/gates';
import { ApiError, type ProblemBody } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useApi } from '../../components/useApi';
import { useSession } from '../../session';
import { urls, type Driver, type Trip, type TripSummary, type Vehicle } from './api';
import { loadRemembered } from './remembered';
import { TripEditor } from './TripEditor';
import { emptyForm, formFromTrip } from './tripForm';

/** Picks a recent trip to start from: the load, route and people of a trip already declared. */
function CopyFrom({ current }: { current: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const recent = useApi<{ items: TripSummary[] }>(urls.trips(new URLSearchParams({ limit: '20' })));
  if (!recent.data || recent.data.items.length === 0) return null;
  return (
    <label className="copy-from">{t('tripForm.copyFrom')}
      <select name="copyFrom" value={current ?? ''} onChange={(e) => navigate(e.target.value ? `/trips/new?copy=${e.target.value}` : '/trips/new')}>
        <option value="">{t('tripForm.blank')}</option>
        {recent.data.items.map((s) => <option key={s.id} value={s.id}>{s.reference} · {s.plate ?? '—'} · {s.plannedDate ?? ''}</option>)}
      </select>
    </label>
  );
}

/** New declaration (/trips/new, optionally ?copy=<trip>) or the edit of one (/trips/:id/edit). */
export function TripFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [params] = useSearchParams();
  const location = useLocation();
  const { me, loading } = useSession();
  const copyId = id ? null : params.get('copy');
  const allowed = !!me?.permissions.includes('trips:write');
  const trip = useApi<Trip>(allowed && id ? urls.trip(id) : null);
  const source = useApi<Trip>(allowed && copyId ? urls.trip(copyId) : null);
  const canFleet = !!me?.permissions.includes('fleet:write');
  const vehicles = useApi<{ items: Vehicle[] }>(allowed && canFleet ? urls.vehicles : null);
  const drivers = useApi<{ items: Driver[] }>(allowed && canFleet ? urls.drivers : null);
  const gates = useApi<{ items: GateSummary[] }>(urls.gates);

  if (loading) return <p>{t('common.loading')}</p>;
  if (!allowed) return <p className="alert" role="alert">{t('tripsCommon.signInAsEnterprise')}</p>;
  const failed = trip.error ?? source.error ?? vehicles.error ?? drivers.error ?? gates.error;
  if (failed) return <ErrorMessage error={failed} />;
  const ready = gates.data && (!canFleet || (vehicles.data && drivers.data)) && (!id || trip.data) && (!copyId || source.data);
  if (!ready) return <p>{t('common.loading')}</p>;

  const state = location.state as { problem?: ProblemBody; saved?: boolean } | null;
  const restored = state?.problem;
  const initial = trip.data ? formFromTrip(trip.data) : source.data ? formFromTrip(source.data, true) : emptyForm(loadRemembered());
  return (
    <section className="trips-page" data-testid="trip-form-page">
      <h1>{trip.data ? t('tripForm.editTitle', { reference: trip.data.reference }) : t('tripForm.newTitle')}</h1>
      {!id && <CopyFrom current={copyId} />}
      <TripEditor
        key={`${id ?? 'new'}:${copyId ?? ''}`}
        trip={trip.data}
        initial={initial}
        initialError={restored ? new ApiError(restored) : null}
        initiallySaved={!!state?.saved}
        gates={gates.data!.items}
        vehicles={vehicles.data?.items ?? []}
        drivers={drivers.data?.items ?? []}
      />
    </section>
  );
}
