import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GateSummary } from '../../../../shared/schemas/gates';
import { ErrorMessage } from '../../components/ErrorMessage';
import { gateName } from '../../components/format';
import { useApi } from '../../components/useApi';
import { useSession } from '../../session';
import { marketUrls, type DailyStatistics, type MarketReference } from './api';
import { formatNumber, nameIn, todayVn } from './format';
import './market.css';

type Totals = DailyStatistics['totals'][number];

function values(v: Record<string, number>, lang: string): string {
  const entries = Object.entries(v);
  return entries.length ? entries.map(([c, n]) => `${formatNumber(n, lang)} ${c}`).join(' · ') : '—';
}

/** Daily figures from the platform's own records, with CSV and XLSX export (statistics:read). */
export function StatisticsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { can, loading: sessionLoading } = useSession();
  const today = todayVn();
  const [filters, setFilters] = useState({ from: `${today.slice(0, 7)}-01`, to: today, basis: 'crossed', direction: '', gateId: '' });
  const allowed = can('statistics:read');
  const query = useMemo(() => ({ ...filters }), [filters]);
  const stats = useApi<DailyStatistics>(allowed ? marketUrls.daily(query) : null);
  const gates = useApi<{ items: GateSummary[] }>(marketUrls.gates);
  const reference = useApi<MarketReference>(marketUrls.reference);
  const set = (k: keyof typeof filters) => (e: { target: { value: string } }) => setFilters({ ...filters, [k]: e.target.value });

  if (sessionLoading) return <p>{t('common.loading')}</p>;
  if (!allowed) return <p className="alert" role="alert">{t('statistics.notAllowed')}</p>;
  const data = stats.data;
  const scoped = new Set(data?.gateIds ?? []);
  const gateById = new Map((gates.data?.items ?? []).map((g) => [g.id, g]));
  const commodity = (code: string) => {
    const c = reference.data?.commodities.find((x) => x.code === code);
    return c ? nameIn(c, lang) : t(`statistics.commodity.${code}`, { defaultValue: code });
  };
  const sum = (rows: Totals[]) => rows.reduce((acc, r) => ({ trucks: acc.trucks + r.trucks, kg: acc.kg + r.grossWeightKg, vnd: acc.vnd + r.valueVnd }), { trucks: 0, kg: 0, vnd: 0 });
  const all = sum(data?.totals ?? []);

  return (
    <section className="market-page" data-testid="statistics-page">
      <h1>{t('statistics.title')}</h1>
      <p className="muted">{t('statistics.intro')}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>{t('statistics.from')}<input type="date" name="from" value={filters.from} onChange={set('from')} /></label>
        <label>{t('statistics.to')}<input type="date" name="to" value={filters.to} onChange={set('to')} /></label>
        <label>{t('statistics.basis')}
          <select name="basis" value={filters.basis} onChange={set('basis')}>
            <option value="crossed">{t('statistics.bases.crossed')}</option>
            <option value="declared">{t('statistics.bases.declared')}</option>
          </select>
        </label>
        <label>{t('statistics.direction')}
          <select name="direction" value={filters.direction} onChange={set('direction')}>
            <option value="">{t('common.all')}</option>
            <option value="export">{t('statistics.directions.export')}</option>
            <option value="import">{t('statistics.directions.import')}</option>
          </select>
        </label>
        <label>{t('statistics.gate')}
          <select name="gateId" value={filters.gateId} onChange={set('gateId')}>
            <option value="">{t('common.all')}</option>
            {(gates.data?.items ?? []).filter((g) => scoped.size === 0 || scoped.has(g.id) || g.id === filters.gateId).map((g) => <option key={g.id} value={g.id}>{gateName(g, lang)}</option>)}
          </select>
        </label>
      </form>
      <p className="row">
        <a className="button" href={marketUrls.dailyCsv(query)} download data-testid="export-csv">{t('statistics.exportCsv')}</a>
        <a className="button" href={marketUrls.dailyXlsx(query)} download data-testid="export-xlsx">{t('statistics.exportXlsx')}</a>
      </p>
      <ErrorMessage error={stats.error} />
      {data && (
        <>
          <p data-testid="statistics-summary">
            {t('statistics.summary', { trucks: formatNumber(all.trucks, lang), tonnes: formatNumber(all.kg / 1000, lang, 1), vnd: formatNumber(all.vnd, lang, 0) })}
          </p>
          <h2>{t('statistics.totalsTitle')}</h2>
          <div className="table-wrap">
            <table className="table" data-testid="statistics-totals">
              <thead><tr><th>{t('statistics.date')}</th><th>{t('statistics.gate')}</th><th>{t('statistics.direction')}</th><th>{t('statistics.trucks')}</th><th>{t('statistics.tonnes')}</th><th>{t('statistics.value')}</th><th>{t('statistics.valueVnd')}</th></tr></thead>
              <tbody>
                {data.totals.map((r) => (
                  <tr key={`${r.date}${r.gateId}${r.direction}`}>
                    <td>{r.date}</td><td>{gateById.get(r.gateId) ? gateName(gateById.get(r.gateId)!, lang) : r.gateId}</td><td>{t(`statistics.directions.${r.direction}`)}</td>
                    <td>{r.trucks}</td><td>{formatNumber(r.grossWeightKg / 1000, lang, 3)}</td><td>{values(r.values, lang)}</td><td>{formatNumber(r.valueVnd, lang, 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>{t('statistics.byCommodity')}</h2>
          <p className="muted">{t('statistics.mixedNote')}</p>
          <div className="table-wrap">
            <table className="table" data-testid="statistics-rows">
              <thead><tr><th>{t('statistics.date')}</th><th>{t('statistics.gate')}</th><th>{t('statistics.direction')}</th><th>{t('statistics.commodityLabel')}</th><th>{t('statistics.trucks')}</th><th>{t('statistics.tonnes')}</th><th>{t('statistics.value')}</th></tr></thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr key={`${r.date}${r.gateId}${r.direction}${r.commodity}`}>
                    <td>{r.date}</td><td>{r.gateId}</td><td>{t(`statistics.directions.${r.direction}`)}</td><td>{commodity(r.commodity)}</td>
                    <td>{r.trucks}</td><td>{formatNumber(r.grossWeightKg / 1000, lang, 3)}</td><td>{values(r.values, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {data.rateTables.length > 0 && (
            <p className="muted">{t('statistics.rates')}: {data.rateTables.map((r) => `${r.effectiveFrom}: ${Object.entries(r.rates).map(([c, v]) => `${c} ${formatNumber(v, lang)}`).join(', ')}`).join(' · ')}</p>
          )}
        </>
      )}
    </section>
  );
}
