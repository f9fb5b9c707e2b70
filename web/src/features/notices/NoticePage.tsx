import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useApi } from '../../components/useApi';
import { noticeUrls, type PublicNotice } from './api';
import { NoticeCard } from './NoticeCard';
import './notices.css';

/** One published notice (the link in the SMS and e-mail to affected enterprises). */
export function NoticePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { data, error } = useApi<PublicNotice>(noticeUrls.publicOne(id));
  return (
    <section className="notices-page">
      <p><Link to="/gate-notices">← {t('gateNotices.publicTitle')}</Link></p>
      <ErrorMessage error={error} />
      {!data && !error && <p>{t('common.loading')}</p>}
      {data && <NoticeCard notice={data} />}
    </section>
  );
}
