import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Gate } from '../../../../shared/schemas/gates';
import { formatDate, formatInstant } from '../../components/format';
import { useApi } from '../../components/useApi';
import { countryName } from '../trips/display';
import { clearanceUrls, type ClearanceTripView, type LegalBasis } from './api';
import { ClearanceStatusBadge, PerishableBadge } from './Badges';
import { CargoChecks } from './CargoChecks';
import { ClearanceGuard } from './ClearanceNav';
import { ClearanceProblem } from './ClearanceProblem';
import { ControlCard } from './ControlCard';
import { ControlLog } from './ControlLog';
import { SelectionPanel } from './SelectionPanel';
import { TripDocuments } from './TripDocuments';

/** One trip on one page: every agency's control and result, why the channel, the load, the papers, the log. */
function ClearanceTrip() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const view = useApi<ClearanceTripView>(clearanceUrls.trip(id));
  const deciding = !!view.data?.controls.some((c) => c.allowedOutcomes.length > 0);
  const bases = useApi<{ items: LegalBasis[] }>(deciding ? clearanceUrls.legalBases : null);
  const gate = useApi<Gate>(view.data?.trip.gateId ? `/api/v1/gates/${view.data.trip.gateId}` : null);

  if (view.error && !view.data) return <ClearanceProblem error={view.error} />;
  if (!view.data) return <p>{t('common.loading')}</p>;
  const { trip } = view.data;
  const zone = gate.data?.timeZone ?? 'Asia/Ho_Chi_Minh';
  const reload = () => void view.reload();

  return (
    <article className="clearance-trip" data-testid="clearance-trip" data-clearance={trip.clearanceStatus} data-trip-status={trip.status}>
      <p><Link to="/clearance">← {t('clearanceNav.worklist')}</Link></p>
      <h1 className="reference">{trip.reference}</h1>
      <p className="badges">
        <ClearanceStatusBadge status={trip.clearanceStatus} />
        <span className={`badge trip-${trip.status}`}>{t(`trips.status.${trip.status}`)}</span>
        {trip.perishable && <PerishableBadge />}
        <Link to={clearanceUrls.tripPage(trip.id)} className="small">{t('clearanceTrip.openTrip')}</Link>
      </p>
      <dl className="facts" data-testid="clearance-trip-facts">
        <dt>{t('clearanceTrip.enterprise')}</dt>
        <dd>{trip.enterpriseName} · <span data-testid="compliance-class">{t('clearanceTrip.complianceClass', { cls: view.data.compliance.class })}</span>
          <small className="muted"> ({t('clearanceTrip.history', view.data.compliance)})</small></dd>
        <dt>{t('clearanceTrip.route')}</dt>
        <dd>{trip.direction ? t(`trips.direction.${trip.direction}`) : '—'} · {trip.gateName ?? '—'} · {trip.plannedDate ? formatDate(trip.plannedDate, lang) : '—'}{trip.window && ` ${trip.window.from}–${trip.window.to}`}</dd>
        <dt>{t('clearanceTrip.vehicle')}</dt>
        <dd><span className="plate">{trip.plate ?? '—'}</span>{trip.trailerPlate && <> + <span className="plate">{trip.trailerPlate}</span></>}</dd>
        <dt>{t('clearanceTrip.driver')}</dt>
        <dd>{trip.driverName ?? '—'}{trip.driverNationality && ` · ${countryName(trip.driverNationality, lang)}`}{trip.driverDocument && ` · ${trip.driverDocument}`}</dd>
        {trip.submittedAt && <><dt>{t('clearanceTrip.submittedAt')}</dt><dd>{formatInstant(trip.submittedAt, lang, zone)}</dd></>}
      </dl>

      <ClearanceProblem error={view.error} />
      <section data-testid="controls">
        <h2>{t('clearanceTrip.controls')}</h2>
        <div className="control-cards">
          {view.data.controls.map((c) => (
            <ControlCard key={c.id} control={c} trip={trip} zone={zone} legalBases={bases.data?.items ?? []} onDecided={view.setData} onReload={reload} />
          ))}
        </div>
      </section>

      <SelectionPanel selection={view.data.selection} history={view.data.selections} zone={zone} />
      <CargoChecks lines={view.data.cargoLines} />
      <TripDocuments tripId={trip.id} documents={view.data.documents} files={view.data.files} />
      <ControlLog events={view.data.events} zone={zone} />
    </article>
  );
}

export function ClearanceTripPage() {
  return (
    <ClearanceGuard>
      <ClearanceTrip />
    </ClearanceGuard>
  );
}
