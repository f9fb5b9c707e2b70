import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useApi } from '../../components/useApi';
import { useSession } from '../../session';
import { BOARD_PATH, marketUrls, type LeadersView } from './api';
import { formatNumber } from './format';
import './market.css';

type Period = LeadersView['today'];

function PeriodCard({ title, p, testId }: { title: string; p: Period; testId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const n = (v: number, d = 0) => formatNumber(v, lang, d);
  return (
    <section className="card leader-card" data-testid={testId}>
      <h2>{title}</h2>
      <p className="muted">{p.from === p.to ? p.from : `${p.from} – ${p.to}`}</p>
      <table className="table compact">
        <thead><tr><th /><th>{t('statistics.directions.export')}</th><th>{t('statistics.directions.import')}</th></tr></thead>
        <tbody>
          <tr><th>{t('leaders.declared')}</th><td data-testid={`${testId}-declared-export`}>{n(p.declared.export)}</td><td data-testid={`${testId}-declared-import`}>{n(p.declared.import)}</td></tr>
          <tr><th>{t('leaders.crossed')}</th><td data-testid={`${testId}-crossed-export`}>{n(p.crossed.export)}</td><td data-testid={`${testId}-crossed-import`}>{n(p.crossed.import)}</td></tr>
          <tr><th>{t('leaders.tonnes')}</th><td>{n(p.crossedTonnes.export, 1)}</td><td>{n(p.crossedTonnes.import, 1)}</td></tr>
          <tr><th>{t('leaders.valueBn')}</th><td>{n(p.crossedValueVnd.export / 1e9, 2)}</td><td>{n(p.crossedValueVnd.import / 1e9, 2)}</td></tr>
        </tbody>
      </table>
      <p>{t('leaders.newEnterprises')}: <strong>{n(p.newTradingEnterprises)}</strong></p>
    </section>
  );
}

/** A province at a glance for its leaders: today, this month, the queue now and the plans' KPI figures. */
export function LeadersPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { me, can, loading } = useSession();
  const [province, setProvince] = useState('');
  const allowed = can('statistics:read');
  const { data, error } = useApi<LeadersView>(allowed ? marketUrls.leaders(province || undefined) : null);
  if (loading) return <p>{t('common.loading')}</p>;
  if (!allowed) return <p className="alert" role="alert">{t('statistics.notAllowed')}</p>;
  const growth = data?.kpis.valueGrowth;
  return (
    <section className="market-page leaders-page" data-testid="leaders-page">
      <h1>{t('leaders.title')}{data?.provinceName ? ` — ${data.provinceName}` : ''}</h1>
      {me?.role === 'admin' && (
        <form className="filters" onSubmit={(e) => e.preventDefault()}>
          <label>{t('market.province')}
            <select name="province" value={province} onChange={(e) => setProvince(e.target.value)}>
              <option value="">—</option>
              <option value="CB">{t('province.CB')}</option>
              <option value="TQ">{t('province.TQ')}</option>
            </select>
          </label>
        </form>
      )}
      <ErrorMessage error={error} />
      {!data && !error && <p>{t('common.loading')}</p>}
      {data && (
        <>
          <div className="leader-grid">
            <PeriodCard title={t('leaders.today')} p={data.today} testId="leaders-today" />
            <PeriodCard title={t('leaders.month')} p={data.month} testId="leaders-month" />
            <section className="card leader-card" data-testid="leaders-queue">
              <h2>{t('leaders.queueNow')}</h2>
              <p className="big">{formatNumber(data.queueNow.total, lang)}</p>
              <ul className="plain">
                {data.queueNow.byGate.map((g) => <li key={g.gateId}>{g.gateId}: {t('leaders.queueLine', { checkedIn: g.checkedIn, called: g.called })}</li>)}
              </ul>
              <p><Link to={BOARD_PATH}>{t('leaders.openBoard')}</Link></p>
            </section>
            <section className="card leader-card" data-testid="leaders-kpis">
              <h2>{t('leaders.kpis', { year: data.kpis.year })}</h2>
              <dl className="facts">
                <dt>{t('leaders.electronicShare')}</dt>
                <dd title={data.kpis.electronicProcedureShare.detail}>{data.kpis.electronicProcedureShare.value === null ? '—' : `${formatNumber(data.kpis.electronicProcedureShare.value, lang, 1)}%`}</dd>
                <dt>{t('leaders.newEnterprisesYear')}</dt>
                <dd title={data.kpis.newTradingEnterprises.detail}>{data.kpis.newTradingEnterprises.value ?? '—'}</dd>
                <dt>{t('leaders.valueGrowth')}</dt>
                <dd>{growth?.percent === null || growth === undefined ? t('leaders.noComparison') : `${growth.percent > 0 ? '+' : ''}${formatNumber(growth.percent, lang, 1)}%`}</dd>
                <dt>{t('leaders.valueYtd')}</dt>
                <dd>{formatNumber((growth?.yearToDateVnd ?? 0) / 1e9, lang, 2)} {t('leaders.bnVnd')}</dd>
              </dl>
            </section>
          </div>
          <section className="panel">
            <h2>{t('leaders.links')}</h2>
            <ul className="plain">
              <li><Link to={BOARD_PATH}>{t('leaders.openBoard')}</Link></li>
              <li><Link to="/statistics">{t('statistics.title')}</Link></li>
              {data.plans.map((p) => (
                <li key={p.id}>
                  {p.titleVi}: {p.hasKpis && <><Link to={`/plans/${p.id}/kpis`}>{t('leaders.planKpis')}</Link> · </>}
                  <Link to={`/plans/${p.id}/reports`}>{t('leaders.planReports')}</Link>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </section>
  );
}
