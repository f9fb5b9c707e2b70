import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { DELEGATION_DIRECTIONS, type Delegation, type Plan } from '../../../../shared/schemas/plans';
import { DELEGATION_STATUSES, type DelegationAction } from '../../../../shared/workflows/delegation';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDate, formatInstant } from '../../components/format';
import { useApi } from '../../components/useApi';
import { urls } from './api';
import { DelegationActionForm, DelegationForm } from './DelegationForm';
import { agencyName, PLAN_TIME_ZONE, useAgencies } from './labels';
import { PlanLayout } from './PlanLayout';
import { readFilters, toQuery } from './query';
import { KeywordInput } from './TaskFilters';
import { FileLink } from './TaskHistory';

const FILTER_KEYS = ['direction', 'status', 'year', 'q'];

function DelegationCard({ plan, d, onChanged }: { plan: Plan; d: Delegation; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const agencies = useAgencies();
  const [action, setAction] = useState<DelegationAction | null>(null);
  const dates = [d.startDate, d.endDate].filter((x): x is string => !!x).map((x) => formatDate(x, lang)).join(' – ');
  return (
    <li className="card" data-testid="delegation" data-status={d.status} data-direction={d.direction}>
      <p className="badges">
        <span className="badge">{t(`plans.delegations.directions.${d.direction}`)}</span>
        <span className={`badge delegation-${d.status}`}>{t(`plans.delegations.statuses.${d.status}`)}</span>
        {!d.inOriginalPlan && <span className="badge">{t('plans.delegations.added')}</span>}
      </p>
      <p lang="vi"><strong>{d.purposeVi}</strong></p>
      <dl className="facts">
        <dt>{t('plans.delegations.counterpart')}</dt>
        <dd lang="vi">{d.counterpartVi}{d.countryVi && ` (${d.countryVi})`}</dd>
        {dates && <><dt>{t('plans.delegations.dates')}</dt><dd>{dates}</dd></>}
        {d.leaderVi && <><dt>{t('plans.delegations.leader')}</dt><dd lang="vi">{d.leaderVi}</dd></>}
        {d.members.length > 0 && (
          <>
            <dt>{t('plans.delegations.members', { count: d.members.length })}</dt>
            <dd lang="vi">{d.members.map((m) => (m.positionVi ? `${m.nameVi} (${m.positionVi})` : m.nameVi)).join('; ')}</dd>
          </>
        )}
        {d.gateId && <><dt>{t('plans.delegations.gate')}</dt><dd><Link to={`/gates/${d.gateId}`}>{d.gateId}</Link></dd></>}
        {d.hostAgency && <><dt>{t('plans.delegations.host')}</dt><dd>{agencyName(d.hostAgency, lang, agencies)}</dd></>}
        {d.approvalRef && <><dt>{t('plans.delegations.approvalRef')}</dt><dd>{d.approvalRef}</dd></>}
      </dl>
      {d.reportVi && (
        <div className="delegation-report">
          <h3>{t('plans.delegations.report')}{d.reportedAt && <span className="muted small"> · {formatInstant(d.reportedAt, lang, PLAN_TIME_ZONE)}</span>}</h3>
          <p className="prewrap" lang="vi">{d.reportVi}</p>
          {d.reportFiles.length > 0 && <ul className="plain">{d.reportFiles.map((f) => <li key={f.id}><FileLink file={f} /></li>)}</ul>}
        </div>
      )}
      {/* Only the plan owner records approval steps; the buttons are the steps the server allows now. */}
      {plan.canManage && d.allowedActions.length > 0 && (
        <div className="row">
          {d.allowedActions.map((a) => (
            <button key={a} type="button" data-action={a} className={a === 'cancel' || a === 'reject' ? 'danger' : ''} onClick={() => setAction(a)}>
              {t(`plans.delegations.actions.${a}`)}
            </button>
          ))}
        </div>
      )}
      {plan.canManage && d.allowedActions.length > 0 && <DelegationForm key={d.version} planId={plan.id} delegation={d} onSaved={onChanged} />}
      {action && (
        <DelegationActionForm
          planId={plan.id}
          delegation={d}
          action={action}
          onCancel={() => setAction(null)}
          onDone={() => {
            setAction(null);
            onChanged();
          }}
        />
      )}
    </li>
  );
}

function Delegations({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params, FILTER_KEYS);
  const { data, error, reload } = useApi<{ items: Delegation[] }>(urls.delegations(plan.id, toQuery(filters)));
  const set = (key: string) => (e: { target: { value: string } }) => {
    const next = { ...filters, [key]: e.target.value };
    if (!e.target.value) delete next[key];
    setParams(new URLSearchParams(next), { replace: true });
  };
  const counts = (dir: string) => data?.items.filter((d) => d.direction === dir).length ?? 0;

  return (
    <section data-testid="plan-delegations">
      <h2>{t('plans.delegations.title')}</h2>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>{t('plans.delegations.direction')}
          <select name="direction" value={filters.direction ?? ''} onChange={set('direction')}>
            <option value="">{t('common.all')}</option>
            {DELEGATION_DIRECTIONS.map((d) => <option key={d} value={d}>{t(`plans.delegations.directions.${d}`)}</option>)}
          </select>
        </label>
        <label>{t('plans.filter.status')}
          <select name="status" value={filters.status ?? ''} onChange={set('status')}>
            <option value="">{t('common.all')}</option>
            {DELEGATION_STATUSES.map((s) => <option key={s} value={s}>{t(`plans.delegations.statuses.${s}`)}</option>)}
          </select>
        </label>
        <label>{t('plans.filter.year')}<input type="number" name="year" min={2000} max={2100} value={filters.year ?? ''} onChange={set('year')} /></label>
        <KeywordInput value={filters.q ?? ''} onCommit={(q) => set('q')({ target: { value: q } })} />
      </form>
      {plan.canManage && <DelegationForm planId={plan.id} onSaved={() => void reload()} />}
      <ErrorMessage error={error} />
      {data && (
        <>
          <p className="muted">{t('plans.delegations.count', { outgoing: counts('outgoing'), incoming: counts('incoming') })}</p>
          {data.items.length === 0 && <p className="muted">{t('plans.delegations.none')}</p>}
          <ul className="cards delegation-cards">
            {data.items.map((d) => <DelegationCard key={d.id} plan={plan} d={d} onChanged={() => void reload()} />)}
          </ul>
        </>
      )}
    </section>
  );
}

export function PlanDelegationsPage() {
  return <PlanLayout>{(plan) => <Delegations plan={plan} />}</PlanLayout>;
}
