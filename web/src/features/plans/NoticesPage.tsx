import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Notice } from '../../../../shared/schemas/notifications';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatInstant } from '../../components/format';
import { useApi } from '../../components/useApi';
import { markAllNoticesRead, markNoticeRead, urls } from './api';
import { PLAN_TIME_ZONE } from './labels';
import { noticesChanged, PlansGuard } from './PlansNav';
import { toQuery } from './query';

function Notices() {
  const { t, i18n } = useTranslation();
  const vi = i18n.language === 'vi';
  const [unreadOnly, setUnreadOnly] = useState(false);
  const { data, error, reload } = useApi<{ items: Notice[]; unread: number }>(urls.notices(toQuery({ unread: unreadOnly, limit: 200 })));
  const [actionError, setActionError] = useState<unknown>(null);

  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      setActionError(null);
      await reload();
      noticesChanged();
    } catch (err) {
      setActionError(err);
    }
  };

  return (
    <section data-testid="notices">
      <h1>{t('plans.notices.title')}</h1>
      <div className="row">
        <label className="inline">
          <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} name="unreadOnly" /> {t('plans.notices.unreadOnly')}
        </label>
        {data && data.unread > 0 && (
          <button type="button" onClick={() => void act(markAllNoticesRead)} data-testid="read-all">{t('plans.notices.readAll')}</button>
        )}
      </div>
      <ErrorMessage error={error ?? actionError} />
      {data && (
        <>
          <p className="muted">{t('plans.notices.unread', { count: data.unread })}</p>
          {data.items.length === 0 && <p className="muted">{t('plans.notices.none')}</p>}
          <ul className="history">
            {data.items.map((n) => (
              <li key={n.id} className={`card${n.readAt ? '' : ' unread'}`} data-testid="notice" data-kind={n.kind} data-read={!!n.readAt}>
                <p className="muted small">{formatInstant(n.createdAt, i18n.language, PLAN_TIME_ZONE)}</p>
                <p><strong>{vi ? n.titleVi : n.titleEn}</strong></p>
                <p className="prewrap">{vi ? n.bodyVi : n.bodyEn}</p>
                <div className="row">
                  {n.link?.startsWith('/') && (
                    <Link to={n.link} onClick={() => !n.readAt && void markNoticeRead(n.id).then(noticesChanged)}>{t('plans.notices.open')}</Link>
                  )}
                  {!n.readAt && (
                    <button type="button" className="secondary" onClick={() => void act(() => markNoticeRead(n.id))}>{t('plans.notices.markRead')}</button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function NoticesPage() {
  return (
    <PlansGuard>
      <Notices />
    </PlansGuard>
  );
}
