import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { PlanSummary } from '../../../../shared/schemas/plans';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDate } from '../../components/format';
import { useApi } from '../../components/useApi';
import { useSession } from '../../session';
import { urls } from './api';
import { agencyName, useAgencies } from './labels';
import { PlansGuard } from './PlansNav';
import { PLAN_FILTER_KEYS, readFilters, toQuery, type Filters } from './query';
import { TaskFilters } from './TaskFilters';
import { Progress } from './TaskList';

const STATUS_COUNTS = [
  ['not_started', 'notStarted'],
  ['in_progress', 'inProgress'],
  ['done', 'done'],
  ['overdue', 'overdue'],
  ['cancelled', 'cancelled'],
] as const;

/** Share of the plan's live (not cancelled) tasks that are done. */
function donePercent(p: PlanSummary): number {
  const live = p.counts.total - p.counts.cancelled;
  return live > 0 ? Math.round((100 * p.counts.done) / live) : 0;
}

export function PlanCounts({ plan }: { plan: PlanSummary }) {
  const { t } = useTranslation();
  const c = plan.counts;
  const link = (query: string, text: string, cls = '') => (
    <Link key={query} to={`/plans/${plan.id}${query}`} className={`badge ${cls}`}>{text}</Link>
  );
  return (
    <p className="badges" data-testid="plan-counts">
      {link('', t('plans.counts.total', { count: c.total }))}
      {STATUS_COUNTS.filter(([, key]) => c[key] > 0).map(([status, key]) => link(`?status=${status}`, `${t(`plans.status.${status}`)}: ${c[key]}`, `task-${status}`))}
    </p>
  );
}

function Plans() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { can } = useSession();
  const agencies = useAgencies();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params, PLAN_FILTER_KEYS);
  const { data, error, loading } = useApi<{ items: PlanSummary[] }>(urls.plans(toQuery(filters)));
  const change = (next: Filters) => setParams(new URLSearchParams(next), { replace: true });

  return (
    <section data-testid="plans-page">
      <h1>{t('plans.list.title')}</h1>
      <p className="muted">{t('plans.list.intro')}</p>
      {can('plans:manage') && (
        <p className="row">
          <Link to="/plans/new" className="button" data-testid="create-plan">{t('plans.create.title')}</Link>
          <Link to="/plans/import" className="button" data-testid="import-plan">{t('plans.import.title')}</Link>
        </p>
      )}
      <TaskFilters filters={filters} onChange={change} fields={['q', 'province', 'agency', 'status', 'year', 'gate']} />
      <ErrorMessage error={error} />
      {loading && !data && <p>{t('common.loading')}</p>}
      {data && (
        <>
          <p className="muted" data-testid="plan-count">{t('plans.list.count', { count: data.items.length })}</p>
          {data.items.length === 0 && <p>{t('plans.list.empty')}</p>}
          <ul className="cards plan-cards">
            {data.items.map((p) => (
              <li key={p.id} className="card" data-testid="plan-card" data-plan={p.id}>
                <h2>
                  <Link to={`/plans/${p.id}`}>{lang !== 'vi' && p.titleEn ? p.titleEn : p.titleVi}</Link>
                </h2>
                <p className="muted small">
                  {p.number && <>{t('plans.plan.number')} {p.number} · </>}
                  {p.issuedOn && <>{formatDate(p.issuedOn, lang)} · </>}
                  {agencyName(p.issuer, lang, agencies)}
                </p>
                <p className="badges">
                  <span className="badge">{t(`province.${p.province}`, { defaultValue: p.province })}</span>
                  <span className="badge">{p.startYear === p.endYear ? p.startYear : `${p.startYear}–${p.endYear}`}</span>
                  {p.canManage && <span className="badge owner-badge">{t('plans.plan.youManage')}</span>}
                  <Progress percent={donePercent(p)} />
                </p>
                <PlanCounts plan={p} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function PlansPage() {
  return (
    <PlansGuard>
      <Plans />
    </PlansGuard>
  );
}
