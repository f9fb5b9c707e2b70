import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PublicNotice } from './api';
import { CHINA_TIME_ZONE, formatPeriod, gateLabel, pick } from './display';

/** One notice in the reader's language, with its period in the gate's time and in China's. */
export function NoticeCard({ notice, compact = false }: { notice: PublicNotice; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const zone = notice.gates[0]?.timeZone ?? 'Asia/Ho_Chi_Minh';
  return (
    <article className={`notice-card severity-${notice.severity}`} data-testid="notice-card" data-notice={notice.id} data-kind={notice.kind}>
      <p className="notice-head">
        <span className={`badge notice-${notice.severity}`}>{t(`gateNotices.kind.${notice.kind}`)}</span>
        {notice.status !== 'published' && <span className="badge">{t(`gateNotices.status.${notice.status}`)}</span>}
        <span className="muted">{notice.gates.map((g) => gateLabel(g, lang)).join(', ')}</span>
      </p>
      <h3>{compact ? <Link to={`/gate-notices/${notice.id}`}>{pick(notice.title, lang)}</Link> : pick(notice.title, lang)}</h3>
      {!compact && <p className="notice-body">{pick(notice.body, lang)}</p>}
      <p className="notice-period">
        <span>{t('gateNotices.periodVn')}: {formatPeriod(notice.validFrom, notice.validTo, lang, zone)}</span>
        <span className="muted">{t('gateNotices.periodCn')}: {formatPeriod(notice.validFrom, notice.validTo, lang, CHINA_TIME_ZONE)}</span>
      </p>
    </article>
  );
}
