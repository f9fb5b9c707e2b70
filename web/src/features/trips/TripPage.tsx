import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import type { Gate } from '../../../../shared/schemas/gates';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatInstant } from '../../components/format';
import { useApi } from '../../components/useApi';
import { useSession } from '../../session';
import { urls, type Payment, type Trip, type TripEvent, type TripVersion } from './api';
import { CancelPanel } from './CancelPanel';
import { formatVnd } from './display';
import { FeeQuoteView } from './FeeQuoteView';
import { PassPanel } from './PassPage';
import { PaymentPanel, PaymentsList } from './PaymentPanel';
import { tripPanels } from '../tripPanels';
import { TripFacts } from './TripFacts';
import { TripTimeline, TripVersions } from './TripHistory';

/** One trip: what was declared, its fee and payments, its pass, its history, and what may be done now. */
export function TripPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const location = useLocation();
  const { can } = useSession();
  const trip = useApi<Trip>(urls.trip(id));
  const events = useApi<{ items: TripEvent[] }>(urls.tripEvents(id));
  const versions = useApi<{ items: TripVersion[] }>(urls.tripVersions(id));
  const payments = useApi<{ items: Payment[] }>(urls.tripPayments(id));
  const gate = useApi<Gate>(trip.data?.gateId ? urls.gate(trip.data.gateId) : null);
  const { reload: reloadTrip, setData: setTrip } = trip;
  const reloadAll = useCallback(async () => {
    await Promise.all([reloadTrip(), events.reload(), versions.reload(), payments.reload()]);
  }, [reloadTrip, events.reload, versions.reload, payments.reload]);

  if (trip.error) return <ErrorMessage error={trip.error} />;
  if (!trip.data) return <p>{t('common.loading')}</p>;
  const tr = trip.data;
  const zone = gate.data?.timeZone ?? 'Asia/Ho_Chi_Minh';
  const actions = tr.allowedActions;
  const flash = (location.state as { flash?: string } | null)?.flash;
  const paymentList = payments.data?.items ?? [];

  return (
    <article className="trips-page trip-page" data-testid="trip-page" data-status={tr.status}>
      <p><Link to="/trips">← {t('trips.title')}</Link></p>
      <h1 className="reference">{tr.reference}</h1>
      <p className="badges">
        <span className={`badge trip-${tr.status}`} data-testid="trip-status">{t(`trips.status.${tr.status}`)}</span>
        <span className="muted">{tr.enterpriseName}</span>
        {tr.expiresAt && !['cancelled', 'expired'].includes(tr.status) && (
          <span className="muted">· {t(tr.status === 'paid' ? 'trip.expiresAtPaid' : 'trip.expiresAt', { at: formatInstant(tr.expiresAt, lang, zone) })}</span>
        )}
      </p>
      {flash && <p role="status" className="ok">{t(`trip.flash.${flash}`)}</p>}

      <div className="row trip-actions" data-testid="trip-actions">
        {actions.includes('submit') && <Link className="button" to={`/trips/${tr.id}/edit`} data-testid="edit-trip">{t('trip.editAndSubmit')}</Link>}
        {actions.includes('amend') && tr.status !== 'draft' && <Link className="button secondary" to={`/trips/${tr.id}/edit`} data-testid="amend-link">{t('trip.amend')}</Link>}
        {can('trips:write') && <Link className="button secondary" to={`/trips/new?copy=${tr.id}`} data-testid="copy-trip">{t('trip.copy')}</Link>}
      </div>

      {(actions.includes('pay') || paymentList.some((p) => p.kind === 'charge' && p.status === 'pending')) && (
        <PaymentPanel trip={tr} payments={paymentList} onChanged={reloadAll} />
      )}
      <PassPanel trip={tr} timeZone={zone} />

      <TripFacts trip={tr} />
      {tripPanels.map(({ key, Panel }) => <Panel key={key} trip={tr} onChanged={() => void reloadAll()} />)}

      <section data-testid="trip-fee">
        <h2>{t('trip.fee')}</h2>
        {tr.fee.quote ? <FeeQuoteView quote={tr.fee.quote} testId="trip-fee-quote" /> : tr.fee.total !== null ? <p>{formatVnd(tr.fee.total, lang)}</p> : <p className="muted">{t('trip.feeAfterSubmit')}</p>}
        {tr.fee.total !== null && (
          <p>
            {t('trip.paid')}: <strong>{formatVnd(tr.fee.paid, lang)}</strong>
            {tr.fee.outstanding !== 0 && <> · {tr.fee.outstanding > 0 ? t('trip.outstanding') : t('trip.toRefund')}: <strong data-testid="outstanding">{formatVnd(Math.abs(tr.fee.outstanding), lang)}</strong></>}
          </p>
        )}
      </section>
      <PaymentsList payments={paymentList} timeZone={zone} />

      {actions.includes('cancel') && <CancelPanel trip={tr} timeZone={zone} onDone={(updated) => { setTrip(updated); void reloadAll(); }} />}

      {events.data && <TripTimeline events={events.data.items} timeZone={zone} />}
      {versions.data && <TripVersions versions={versions.data.items} timeZone={zone} />}
    </article>
  );
}
