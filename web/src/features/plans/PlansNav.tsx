import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router-dom';
import type { Notice } from '../../../../shared/schemas/notifications';
import { useApi } from '../../components/useApi';
import { useSession } from '../../session';
import { urls } from './api';

const POLL_MS = 60_000;

/** The bell: my unread in-app notices, refreshed every minute while a plans page is open. */
export function NoticeBell() {
  const { t } = useTranslation();
  const { data, reload } = useApi<{ items: Notice[]; unread: number }>(urls.notices('?unread=true&limit=1'));
  useEffect(() => {
    const timer = setInterval(() => void reload(), POLL_MS);
    window.addEventListener('plans:notices-changed', reload);
    return () => {
      clearInterval(timer);
      window.removeEventListener('plans:notices-changed', reload);
    };
  }, [reload]);
  const unread = data?.unread ?? 0;
  return (
    <NavLink to="/notices" className="bell" data-testid="notice-bell" aria-label={t('plans.notices.bell', { count: unread })}>
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
      </svg>
      {unread > 0 && <span className="bell-count" data-testid="notice-count">{unread}</span>}
    </NavLink>
  );
}

/** Tells the bell to recount (after a notice was read). */
export function noticesChanged() {
  window.dispatchEvent(new Event('plans:notices-changed'));
}

/** The plans section's own navigation, shown on each of its pages. */
export function PlansNav() {
  const { t } = useTranslation();
  const { me } = useSession();
  return (
    <nav className="subnav" aria-label={t('plans.nav.section')}>
      <NavLink to="/plans" end>{t('plans.nav.plans')}</NavLink>
      {me?.agency && <NavLink to="/my-tasks">{t('plans.nav.myTasks')}</NavLink>}
      <NavLink to="/plan-tasks">{t('plans.nav.search')}</NavLink>
      <NoticeBell />
    </nav>
  );
}

/** Pages of the plans section need a signed-in user with plans:read. */
export function PlansGuard({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  const { me, loading, can } = useSession();
  if (loading) return <p>{t('common.loading')}</p>;
  if (!me) return <p className="alert" role="alert"><Link to="/login">{t('plans.signInFirst')}</Link></p>;
  if (!can('plans:read')) return <p className="alert" role="alert">{t('plans.noAccess')}</p>;
  return (
    <div className="plans">
      <PlansNav />
      {children}
    </div>
  );
}
