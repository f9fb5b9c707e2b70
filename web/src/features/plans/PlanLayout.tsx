import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useParams } from 'react-router-dom';
import type { Plan } from '../../../../shared/schemas/plans';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDate } from '../../components/format';
import { useApi } from '../../components/useApi';
import { urls } from './api';
import { agencyName, useAgencies } from './labels';
import { PlanEditor } from './PlanEditors';
import { PlanCounts } from './PlansPage';
import { PlansGuard } from './PlansNav';

export function planTitle(plan: Pick<Plan, 'titleVi' | 'titleEn'>, lang: string): string {
  return lang !== 'vi' && plan.titleEn ? plan.titleEn : plan.titleVi;
}

function PlanHeader({ plan, reload }: { plan: Plan; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const agencies = useAgencies();
  const base = `/plans/${plan.id}`;
  return (
    <header className="plan-header" data-testid="plan-header" data-can-manage={plan.canManage}>
      <p><Link to="/plans">← {t('plans.nav.plans')}</Link></p>
      <h1>{planTitle(plan, lang)}</h1>
      {lang !== 'vi' && plan.titleEn && <p className="muted" lang="vi">{plan.titleVi}</p>}
      <dl className="facts">
        {plan.number && (
          <>
            <dt>{t('plans.plan.number')}</dt>
            <dd>{plan.number}{plan.issuedOn && ` · ${formatDate(plan.issuedOn, lang)}`}</dd>
          </>
        )}
        <dt>{t('plans.plan.issuer')}</dt>
        <dd>{agencyName(plan.issuer, lang, agencies)}{plan.canManage && <span className="badge owner-badge">{t('plans.plan.youManage')}</span>}</dd>
        <dt>{t('plans.plan.years')}</dt>
        <dd>{plan.startYear === plan.endYear ? plan.startYear : `${plan.startYear}–${plan.endYear}`} · {t(`province.${plan.province}`, { defaultValue: plan.province })}</dd>
      </dl>
      <PlanCounts plan={plan} />
      {(plan.goals.length > 0 || plan.legalBases.length > 0 || plan.reportSchedule.length > 0) && (
        <details className="plan-more">
          <summary>{t('plans.plan.more')}</summary>
          {plan.goals.length > 0 && (
            <>
              <h2>{t('plans.plan.goals')}</h2>
              <ul className="plain" lang="vi">{plan.goals.map((g, i) => <li key={i}>{g}</li>)}</ul>
            </>
          )}
          {plan.reportSchedule.length > 0 && (
            <>
              <h2>{t('plans.plan.reportSchedule')}</h2>
              <ul className="plain" lang="vi">{plan.reportSchedule.map((r, i) => <li key={i}><strong>{t(`plans.scheduleKind.${r.kind}`)}</strong>: {r.textVi}</li>)}</ul>
            </>
          )}
          {plan.legalBases.length > 0 && (
            <>
              <h2>{t('plans.plan.legalBases')}</h2>
              <ul className="plain" lang="vi">{plan.legalBases.map((g, i) => <li key={i}>{g}</li>)}</ul>
            </>
          )}
        </details>
      )}
      {plan.canManage && <PlanEditor key={plan.version} plan={plan} onSaved={reload} />}
      <nav className="tabs" aria-label={t('plans.plan.sections')}>
        <NavLink to={base} end>{t('plans.tabs.tasks')}</NavLink>
        <NavLink to={`${base}/reports`}>{t('plans.tabs.reports')}</NavLink>
        <NavLink to={`${base}/kpis`}>{t('plans.tabs.kpis')}</NavLink>
        <NavLink to={`${base}/delegations`}>{t('plans.tabs.delegations')}</NavLink>
      </nav>
    </header>
  );
}

/** A plan page: the plan's header and section tabs, then the section itself. */
export function PlanLayout({ children }: { children: (plan: Plan, reloadPlan: () => void) => ReactNode }) {
  const { id = '' } = useParams();
  return (
    <PlansGuard>
      <PlanLoader id={id}>{children}</PlanLoader>
    </PlansGuard>
  );
}

function PlanLoader({ id, children }: { id: string; children: (plan: Plan, reloadPlan: () => void) => ReactNode }) {
  const { t } = useTranslation();
  const { data: plan, error, reload } = useApi<Plan>(urls.plan(id));
  if (error) return <ErrorMessage error={error} />;
  if (!plan || plan.id !== id) return <p>{t('common.loading')}</p>;
  const reloadPlan = () => void reload();
  return (
    <article data-testid="plan-detail" data-plan={plan.id}>
      <PlanHeader plan={plan} reload={reloadPlan} />
      {children(plan, reloadPlan)}
    </article>
  );
}
