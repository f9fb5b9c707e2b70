import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useApi } from '../../components/useApi';
import { useSession } from '../../session';
import { noticeUrls, type PublicNoticeList } from './api';
import { NoticeCard } from './NoticeCard';
import './notices.css';

const PROVINCES = ['CB', 'TQ'];

/** Everyone's page: the notices of the gates in force now or coming, most severe first. */
export function PublicNoticesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [province, setProvince] = useState('');
  const { data, error, loading } = useApi<PublicNoticeList>(noticeUrls.public({ province }));
  return (
    <section className="notices-page" data-testid="public-notices">
      <h1>{t('gateNotices.publicTitle')}</h1>
      <p className="muted">{t('gateNotices.publicIntro')}</p>
      {can('notices:write') && <p><Link className="button" to="/gate-notices/manage">{t('gateNotices.manageTitle')}</Link></p>}
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('gateNotices.province')}
          <select name="province" value={province} onChange={(e) => setProvince(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {PROVINCES.map((p) => <option key={p} value={p}>{t(`province.${p}`)}</option>)}
          </select>
        </label>
      </form>
      <ErrorMessage error={error} />
      {loading && !data && <p>{t('common.loading')}</p>}
      {data && data.items.length === 0 && <p data-testid="no-notices">{t('gateNotices.none')}</p>}
      {data?.items.map((n) => <NoticeCard key={n.id} notice={n} />)}
    </section>
  );
}
