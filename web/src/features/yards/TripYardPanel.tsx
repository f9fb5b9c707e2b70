import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { GatePass } from '../../../../shared/schemas/passes';
import type { TripYardStatus } from '../../../../shared/schemas/yards';
import { newIdempotencyKey } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatInstant } from '../../components/format';
import { useApi } from '../../components/useApi';
import type { TripPanelProps } from '../tripPanels';
import { yardsApi, yardUrls } from './api';
import { EtaView } from './DriverParts';
import { localName, useNow } from './labels';
import { ReasonButton } from './ReasonButton';
import { Waiting } from './TruckRow';

// On the trip page: where the truck stands at the gate (yard, lane, position, estimate), its
// measured times (arrival → call → gate → other side), the link to the driver's phone page, and
// for yard staff the steps they may record.

const AT_GATE = ['paid', 'checked_in', 'called', 'left_yard', 'crossed', 'completed'];
const STEPS = [
  ['arrivedAt', 'arrived'],
  ['calledAt', 'called'],
  ['leftYardAt', 'leftYard'],
  ['crossedAt', 'crossed'],
  ['completedAt', 'completed'],
] as const;

export function TripYardPanel({ trip, onChanged }: TripPanelProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const relevant = AT_GATE.includes(trip.status);
  const status = useApi<TripYardStatus>(relevant ? yardUrls.tripYard(trip.id) : null);
  const pass = useApi<GatePass>(relevant && trip.pass?.status === 'valid' && !status.data?.canAct ? yardUrls.tripPass(trip.id) : null);
  const now = useNow(30_000);
  const [error, setError] = useState<unknown>(null);
  const [copied, setCopied] = useState(false);
  const s = status.data;
  if (!relevant || !s) return null;
  const zone = 'Asia/Ho_Chi_Minh';
  const driverLink = pass.data ? `${window.location.origin}/driver/${encodeURIComponent(s.reference)}?pass=${encodeURIComponent(pass.data.token)}` : null;

  async function step(action: TripYardStatus['nextActions'][number], reason?: string) {
    try {
      await yardsApi.action(s!.tripId, { action, ...(reason ? { reason } : {}) }, newIdempotencyKey());
      setError(null);
      await status.reload();
      onChanged();
    } catch (e) {
      setError(e);
    }
  }

  const m = s.timings;
  return (
    <section className="panel trip-yard" data-testid="trip-yard-panel" data-visit={s.visitStatus ?? 'none'}>
      <h2>{t('tripYard.title')}</h2>
      <p className="badges">
        <span className="badge" data-testid="trip-yard-status">{t(`tripYard.visit.${s.visitStatus ?? 'none'}`)}</span>
        <span className={`badge clearance-${s.clearanceStatus}`}>{t(`yard.clearance.${s.clearanceStatus}`)}</span>
        {s.held && <span className="badge bad">{t('yard.queue.held')}</span>}
      </p>
      {s.yard && <p>{t('driver.yard', { yard: localName(s.yard, lang) })}{s.lane && <> · {t('driver.lane', { lane: localName(s.lane, lang) })}</>}</p>}
      {s.position !== null && <p><strong>{t('driver.position', { n: s.position })}</strong> · {t('driver.ahead', { n: s.aheadCount ?? 0 })}</p>}
      {s.callDeadline && <p className="yard-countdown">{t('tripYard.callDeadline', { at: formatInstant(s.callDeadline, lang, zone) })}</p>}
      {s.eta && s.visitStatus === 'queued' && <EtaView eta={s.eta} timeZone={zone} now={now} />}
      {m.arrivedAt && (
        <ol className="trip-yard-times" data-testid="trip-yard-times">
          {STEPS.filter(([key]) => m[key]).map(([key, label]) => (
            <li key={key}><span className="muted">{t(`tripYard.step.${label}`)}</span> {formatInstant(m[key]!, lang, zone)}</li>
          ))}
        </ol>
      )}
      <p className="small">
        {m.arrivalToCallMinutes !== null && <>{t('tripYard.segment.arrivalToCall')}: <Waiting minutes={Math.round(m.arrivalToCallMinutes)} /> · </>}
        {m.callToGateMinutes !== null && <>{t('tripYard.segment.callToGate')}: <Waiting minutes={Math.round(m.callToGateMinutes)} /> · </>}
        {m.gateToOtherSideMinutes !== null && <>{t('tripYard.segment.gateToOtherSide')}: <Waiting minutes={Math.round(m.gateToOtherSideMinutes)} /></>}
        {m.dropBacks > 0 && <> · {t('yard.queue.dropBacks', { n: m.dropBacks })}</>}
      </p>
      {driverLink && (
        <p className="row">
          <Link className="button" to={driverLink.slice(window.location.origin.length)} data-testid="driver-link">{t('tripYard.driverPage')}</Link>
          <button type="button" className="secondary" onClick={() => void navigator.clipboard?.writeText(driverLink).then(() => setCopied(true))}>{copied ? t('tripYard.copied') : t('tripYard.copyLink')}</button>
        </p>
      )}
      {s.canAct && s.nextActions.length > 0 && (
        <div className="row">
          {s.nextActions.map((a) => a === 'check_out'
            ? <ReasonButton key={a} label={t(`yard.action.${a}`)} secondary onSubmit={(reason) => step(a, reason)} />
            : <button key={a} type="button" onClick={() => void step(a)} data-action={a}>{t(`yard.action.${a}`)}</button>)}
        </div>
      )}
      <ErrorMessage error={error ?? status.error} />
    </section>
  );
}
