import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { useSession } from '../../session';

/** The clearance screens' own navigation, shown to whoever may read clearance. */
export function ClearanceNav() {
  const { t } = useTranslation();
  return (
    <nav className="clearance-nav" aria-label={t('clearanceNav.label')}>
      <NavLink to="/clearance" end>{t('clearanceNav.worklist')}</NavLink>
      <NavLink to="/clearance/rules">{t('clearanceNav.rules')}</NavLink>
      <NavLink to="/clearance/approved-codes">{t('clearanceNav.codes')}</NavLink>
    </nav>
  );
}

/** Renders its children only for users with clearance:read; says why otherwise. */
export function ClearanceGuard({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { me, can, loading } = useSession();
  if (loading) return <p>{t('common.loading')}</p>;
  if (!me || !can('clearance:read')) return <p className="alert" role="alert" data-testid="clearance-forbidden">{t('clearance.forbidden')}</p>;
  return (
    <div className="clearance-page">
      <ClearanceNav />
      {children}
    </div>
  );
}
