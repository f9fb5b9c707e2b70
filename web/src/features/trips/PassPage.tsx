import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Gate } from '../../../../shared/schemas/gates';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDate, formatInstant, gateName } from '../../components/format';
import { useApi } from '../../components/useApi';
import { urls, type GatePass, type Trip } from './api';
import { countryName } from './display';

/** On the trip page: the pass, its validity, and where to show or print it. */
export function PassPanel({ trip, timeZone }: { trip: Trip; timeZone: string }) {
  const { t, i18n } = useTranslation();
  if (!trip.pass) return null;
  return (
    <section className="panel" data-testid="pass-panel">
      <h2>{t('tripPass.title')}</h2>
      <p>
        <span className={`badge pass-${trip.pass.status}`}>{t(`tripPass.status.${trip.pass.status}`)}</span> · {t('tripPass.serial', { n: trip.pass.serial })} ·{' '}
        {t('tripPass.validUntil')} {formatInstant(trip.pass.validUntil, i18n.language, timeZone)}
      </p>
      <p className="row">
        <Link to={`/trips/${trip.id}/pass`} className="button" data-testid="show-pass">{t('tripPass.show')}</Link>
        <a href={urls.tripPassPdf(trip.id)} className="button secondary" download data-testid="pass-pdf">{t('tripPass.pdf')}</a>
      </p>
    </section>
  );
}

/**
 * The pass as the driver shows it at the yard and the gate: a QR code as wide as the phone
 * allows (the signed token; checked offline with the published keys) and the facts an officer
 * compares with the truck in front of them.
 */
export function PassPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { data: pass, error } = useApi<GatePass>(urls.tripPass(id));
  const { data: gate } = useApi<Gate>(pass ? urls.gate(pass.payload.gate) : null);
  if (error) return <ErrorMessage error={error} />;
  if (!pass) return <p>{t('common.loading')}</p>;
  const p = pass.payload;
  const zone = gate?.timeZone ?? 'Asia/Ho_Chi_Minh';
  return (
    <article className="pass-screen" data-testid="pass-screen" data-status={pass.status}>
      <h1>{t('tripPass.title')}</h1>
      {pass.status !== 'valid' && <p className="alert" role="alert">{t(`tripPass.status.${pass.status}`)}</p>}
      <div className="qr" data-testid="pass-qr" role="img" aria-label={t('tripPass.qrLabel', { reference: pass.tripReference })} dangerouslySetInnerHTML={{ __html: pass.qrSvg }} />
      <p className="pass-reference" data-testid="pass-reference">{pass.tripReference}</p>
      <p className="no-print">
        <Link to={`/driver/${encodeURIComponent(pass.tripReference)}?pass=${encodeURIComponent(pass.token)}`} data-testid="driver-page-link">{t('tripPass.driverPage')}</Link>
      </p>
      <dl className="pass-facts">
        <dt>{t('tripForm.vehicle')}</dt>
        <dd className="plate">{p.plate}{p.trl && ` + ${p.trl}`}</dd>
        <dt>{t('tripForm.gate')}</dt>
        <dd>{gate ? gateName(gate, lang) : p.gate}</dd>
        <dt>{t('tripForm.direction')}</dt>
        <dd>{t(`trips.direction.${p.dir}`, { defaultValue: p.dir })}</dd>
        <dt>{t('tripForm.plannedDate')}</dt>
        <dd>{formatDate(p.date, lang)} · {p.from}–{p.to}</dd>
        <dt>{t('tripPass.driverDocument')}</dt>
        <dd>{p.drv} · {countryName(p.nat, lang)}</dd>
        <dt>{t('tripPass.validUntil')}</dt>
        <dd>{formatInstant(pass.validUntil, lang, zone)}</dd>
        <dt>{t('tripPass.serialLabel')}</dt>
        <dd>{pass.serial} · {pass.kid}</dd>
      </dl>
      <p className="row no-print">
        <button type="button" onClick={() => window.print()}>{t('tripPass.print')}</button>
        <a href={urls.tripPassPdf(id)} className="button secondary" download>{t('tripPass.pdf')}</a>
        <Link to={`/trips/${id}`}>{t('tripPass.backToTrip')}</Link>
      </p>
    </article>
  );
}
