import { useTranslation } from 'react-i18next';
import type { DriverTripView } from '../../../../shared/schemas/yards';
import { LANGUAGES, setLanguage, type Language } from '../../i18n/index';
import { countdown, durationParts, timeIn, trilingual } from './labels';

// Pieces of the driver's page: language buttons, the call-forward notice, and the estimate in words.

export function LanguageButtons() {
  const { t, i18n } = useTranslation();
  return (
    <div className="driver-langs" role="group" aria-label={t('nav.language')}>
      {LANGUAGES.map((lang: Language) => (
        <button key={lang} type="button" className={i18n.language === lang ? '' : 'secondary'} aria-pressed={i18n.language === lang} onClick={() => setLanguage(lang)} data-testid={`driver-lang-${lang}`}>
          {t(`driver.lang.${lang}`)}
        </button>
      ))}
    </div>
  );
}

export function CallNotice({ notice, now }: { notice: NonNullable<DriverTripView['callNotice']>; now: number }) {
  const { t, i18n } = useTranslation();
  const left = countdown(notice.deadlineAt, now);
  return (
    <section className="driver-call" role="alert" data-testid="driver-call-notice">
      <h2>{t('driver.call.title')}</h2>
      <p className="driver-call-message">{trilingual(notice.message, i18n.language)}</p>
      <p className="driver-call-yard">{t('driver.call.goFrom', { yard: i18n.language === 'en' ? notice.yard.nameEn : i18n.language === 'zh' ? notice.yard.nameZh ?? notice.yard.nameEn : notice.yard.nameVi })}</p>
      <p className={`driver-countdown${left.overdue ? ' overdue' : ''}`} data-testid="driver-countdown">
        {t(left.overdue ? 'driver.call.overdue' : 'driver.call.leaveWithin', { time: left.text })}
      </p>
    </section>
  );
}

function Minutes({ minutes }: { minutes: number }) {
  const { t } = useTranslation();
  const { h, m } = durationParts(minutes);
  return <>{h > 0 ? t('yard.duration.hm', { h, m }) : t('yard.duration.m', { m })}</>;
}

/** The estimate with its range and how sure it is, said in words; or why there is none. */
export function EtaView({ eta, timeZone, now }: { eta: NonNullable<DriverTripView['eta']>; timeZone: string; now: number }) {
  const { t, i18n } = useTranslation();
  if (eta.minutes === null) return <p className="driver-eta muted" data-testid="driver-eta" data-reason={eta.reason}>{t(`driver.etaReason.${eta.reason}`)}</p>;
  const at = timeIn(new Date(now + eta.minutes * 60_000).toISOString(), timeZone, i18n.language);
  return (
    <div className="driver-eta" data-testid="driver-eta" data-confidence={eta.confidence}>
      <p className="driver-big">{t('driver.eta.in')} <strong><Minutes minutes={eta.minutes} /></strong> <span className="muted">({t('driver.eta.around', { at })})</span></p>
      {eta.low !== null && eta.high !== null && <p>{t('driver.eta.range')} <Minutes minutes={eta.low} /> – <Minutes minutes={eta.high} /></p>}
      <p className={`driver-confidence conf-${eta.confidence}`}>{t(`driver.confidence.${eta.confidence}`)}</p>
      <p className="small muted">
        {eta.basis === 'measured' ? t('driver.eta.measured', { n: eta.sampleSize, hours: eta.windowHours }) : t('driver.eta.fromCapacity')}
        {eta.reason !== 'ok' && <> · {t(`driver.etaReason.${eta.reason}`)}</>}
      </p>
    </div>
  );
}
