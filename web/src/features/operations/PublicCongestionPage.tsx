import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDate, intervalsText } from '../../components/format';
import { NoticeStrip } from '../notices/NoticeStrip';
import { BorderMap } from './BorderMap';
import { ConnectionBadge } from './BoardPage';
import { gateLabel, localTime, minutesText } from './format';
import { LevelBadge } from './LevelBadge';
import { usePublicFeed } from './live';

/** Congestion at the gates for everyone (no account): level, trucks waiting, expected delay, hours. */
export function PublicCongestionPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { feed, error, connection } = usePublicFeed();
  return (
    <section className="ops-page" data-testid="public-congestion">
      <header className="row spread">
        <h1>{t('operations.public.title')}</h1>
        <ConnectionBadge connection={connection} />
      </header>
      <p className="muted">{t('operations.public.intro')}</p>
      <ErrorMessage error={error} />
      {!feed && !error && <p>{t('common.loading')}</p>}
      {feed && (
        <>
          <NoticeStrip gateIds={feed.gates.map((g) => g.id)} />
          <section className="panel national" data-testid="national">
            <h2>{t('operations.national.title')}</h2>
            <p className="row">
              <span className="kpi-value" data-testid="national-waiting">{feed.national.waiting}</span>
              <LevelBadge level={feed.national.level} testId="national-level" />
            </p>
            <p className="muted small">{t('operations.national.scale', feed.national.thresholds)}</p>
          </section>
          <BorderMap gates={feed.gates.filter((g) => g.location).map((g) => ({ id: g.id, name: gateLabel(g, lang), lat: g.location!.lat, lon: g.location!.lon, level: g.level, waiting: g.trucksWaiting.total }))} />
          <ul className="cards public-gates">
            {feed.gates.map((g) => (
              <li key={g.id} className={`card level-card ${g.open ? '' : 'closed'}`} data-testid="public-gate" data-gate={g.id} data-level={g.level}>
                <p className="row spread">
                  <strong>{gateLabel(g, lang)}</strong>
                  <LevelBadge level={g.level} />
                </p>
                <p className="muted small">↔ {lang === 'zh' ? (g.counterpartNameZh ?? g.counterpartNameVi) : g.counterpartNameVi}</p>
                <dl className="facts small">
                  <dt>{t('operations.waiting')}</dt>
                  <dd data-testid="public-waiting">{g.trucksWaiting.total} ({t('operations.public.split', { ex: g.trucksWaiting.export, im: g.trucksWaiting.import })})</dd>
                  <dt>{t('operations.public.delay')}</dt>
                  <dd>{minutesText(t, g.expectedDelayMinutes.max)}</dd>
                  <dt>{t('operations.public.hours')}</dt>
                  <dd>
                    {g.open ? t('operations.open') : t('operations.closed')}
                    {g.specialDay ? ` · ${t(`specialKind.${g.specialDay}`, { defaultValue: g.specialDay })}` : ''}
                    <br />
                    {t('operations.public.vnTime')}: {intervalsText(g.hoursToday.intervals) || '—'}
                    <br />
                    {t('operations.public.cnTime')}: {intervalsText(g.hoursToday.counterpartIntervals) || '—'}
                  </dd>
                  <dt>{t('operations.public.capacity')}</dt>
                  <dd>{t('operations.public.capacityValue', { ex: g.capacityOpen.exportPerHour, im: g.capacityOpen.importPerHour, exDay: g.capacityOpen.exportPerDay, imDay: g.capacityOpen.importPerDay })}</dd>
                </dl>
              </li>
            ))}
          </ul>
          <p className="muted small">
            {t('operations.public.updated', { time: localTime(feed.updatedAt, 'Asia/Ho_Chi_Minh'), date: formatDate(feed.gates[0]?.hoursToday.date ?? feed.updatedAt.slice(0, 10), lang) })}
          </p>
          <details className="panel">
            <summary>{t('operations.public.openData')}</summary>
            <p className="small">{t('operations.public.method')}</p>
            <p className="row small">
              <a href="/api/v1/public/congestion">JSON</a>
              <a href="/api/v1/public/congestion.xml">XML</a>
              <a href="/docs">{t('operations.public.docs')}</a>
            </p>
          </details>
        </>
      )}
    </section>
  );
}
