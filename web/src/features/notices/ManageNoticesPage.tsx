import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { NOTICE_STATUSES } from '../../../../shared/schemas/notices';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useApi } from '../../components/useApi';
import { useSession } from '../../session';
import { noticeUrls, type GateNotice } from './api';
import { CHINA_TIME_ZONE, formatPeriod, pick } from './display';
import './notices.css';

/** The authority's notices about its gates, drafts included. */
export function ManageNoticesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { can, loading: sessionLoading } = useSession();
  const [status, setStatus] = useState('');
  const allowed = can('notices:write');
  const { data, error } = useApi<{ items: GateNotice[] }>(allowed ? noticeUrls.manage(status) : null);
  if (sessionLoading) return <p>{t('common.loading')}</p>;
  if (!allowed) return <p className="alert" role="alert">{t('gateNotices.notAllowed')}</p>;
  return (
    <section className="notices-page" data-testid="manage-notices">
      <h1>{t('gateNotices.manageTitle')}</h1>
      <p className="row">
        <Link className="button" to="/gate-notices/manage/new" data-testid="new-notice">+ {t('gateNotices.new')}</Link>
        <Link to="/gate-notices">{t('gateNotices.publicTitle')}</Link>
      </p>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('gateNotices.statusLabel')}
          <select name="status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {NOTICE_STATUSES.map((s) => <option key={s} value={s}>{t(`gateNotices.status.${s}`)}</option>)}
          </select>
        </label>
      </form>
      <ErrorMessage error={error} />
      {data && data.items.length === 0 && <p>{t('gateNotices.none')}</p>}
      <ul className="notice-rows">
        {data?.items.map((n) => (
          <li key={n.id} className="card" data-testid="notice-row" data-status={n.status}>
            <p className="row spread">
              <Link to={`/gate-notices/manage/${n.id}`}>{pick(n.title, lang)}</Link>
              <span className={`badge notice-status-${n.status}`}>{t(`gateNotices.status.${n.status}`)}</span>
            </p>
            <p className="muted">
              {t(`gateNotices.kind.${n.kind}`)} · {n.gates.map((g) => g.id).join(', ')}
            </p>
            <p className="muted">{formatPeriod(n.validFrom, n.validTo, lang, n.gates[0]?.timeZone ?? 'Asia/Ho_Chi_Minh')} ({t('gateNotices.cnShort')} {formatPeriod(n.validFrom, n.validTo, lang, CHINA_TIME_ZONE)})</p>
            {n.missingTranslations.length > 0 && <p className="warn-text">{t('gateNotices.missing', { fields: n.missingTranslations.join(', ') })}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
