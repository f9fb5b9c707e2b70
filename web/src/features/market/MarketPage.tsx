import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useApi } from '../../components/useApi';
import { useSession } from '../../session';
import { marketUrls, type MarketReference, type PriceEntry, type Trend } from './api';
import { addDays, nameIn, todayVn } from './format';
import { PriceForm } from './PriceForm';
import { PriceTable } from './PriceTable';
import type { ChartLine } from './TrendChart';
import './market.css';

// ECharts is loaded only with this page, so the other pages stay light on a phone.
const TrendChart = lazy(() => import('./TrendChart').then((m) => ({ default: m.TrendChart })));

const PERIODS = [30, 90, 180];
const CURRENCIES = ['VND', 'CNY'] as const;

/** Border-market prices for everyone: per gate, one chart in VND and one in CNY (never converted). */
export function MarketPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { can } = useSession();
  const [commodity, setCommodity] = useState('durian');
  const [days, setDays] = useState(30);
  const [province, setProvince] = useState('');
  const reference = useApi<MarketReference>(marketUrls.reference);
  const to = todayVn();
  const from = addDays(to, -(days - 1));
  const trend = useApi<Trend>(marketUrls.trends({ commodity, from, to, province }));
  const prices = useApi<{ items: PriceEntry[] }>(marketUrls.prices({ commodity, limit: '20' }));

  const ref = reference.data;
  const marketById = useMemo(() => new Map((ref?.markets ?? []).map((m) => [m.id, m])), [ref]);
  const byGate = useMemo(() => {
    const groups = new Map<string, Trend['series']>();
    for (const s of trend.data?.series ?? []) groups.set(s.gateId, [...(groups.get(s.gateId) ?? []), s]);
    return [...groups.entries()];
  }, [trend.data]);
  const selected = ref?.commodities.find((c) => c.code === commodity);
  const unit = trend.data ? t(`market.units.${trend.data.unit}`) : '';
  const lines = (series: Trend['series'], currency: string): ChartLine[] =>
    series
      .filter((s) => s.currency === currency)
      .map((s) => ({
        name: `${marketById.get(s.marketId) ? nameIn(marketById.get(s.marketId)!, lang) : s.marketId} · ${t(`market.sources.${s.source}`)}`,
        official: s.source === 'authority',
        points: s.points,
      }));
  const reload = () => {
    void trend.reload();
    void prices.reload();
  };

  return (
    <section className="market-page" data-testid="market-page">
      <h1>{t('market.title')}</h1>
      <p className="muted">{t('market.intro')}</p>
      <ErrorMessage error={reference.error ?? trend.error} />
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>{t('market.commodity')}
          <select name="commodity" value={commodity} onChange={(e) => setCommodity(e.target.value)}>
            {(ref?.commodities ?? []).map((c) => <option key={c.code} value={c.code}>{nameIn(c, lang)}</option>)}
          </select>
        </label>
        <label>{t('market.period')}
          <select name="days" value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {PERIODS.map((d) => <option key={d} value={d}>{t('market.lastDays', { count: d })}</option>)}
          </select>
        </label>
        <label>{t('market.province')}
          <select name="province" value={province} onChange={(e) => setProvince(e.target.value)}>
            <option value="">{t('common.all')}</option>
            <option value="CB">{t('province.CB')}</option>
            <option value="TQ">{t('province.TQ')}</option>
          </select>
        </label>
      </form>
      {selected && <p className="muted">{t('market.hsHeadings')}: {selected.hsPrefixes.join(', ')} · {t('market.pricesPer', { unit })}</p>}
      {trend.data && byGate.length === 0 && <p data-testid="no-trend">{t('market.noTrend')}</p>}
      {byGate.map(([gateId, series]) => (
        <section key={gateId} className="panel gate-trend" data-testid="gate-trend" data-gate={gateId}>
          <h2>{marketById.get(gateId) ? nameIn(marketById.get(gateId)!, lang) : gateId}</h2>
          <div className="trend-pair">
            {CURRENCIES.map((c) => {
              const l = lines(series, c);
              return (
                <figure key={c}>
                  <figcaption>{c}/{unit}</figcaption>
                  {l.length > 0 ? <Suspense fallback={<p className="muted">{t('common.loading')}</p>}><TrendChart lines={l} label={`${c}/${unit}`} testId={`chart-${gateId}-${c}`} /></Suspense> : <p className="muted">{t('market.noCurrency', { currency: c })}</p>}
                </figure>
              );
            })}
          </div>
        </section>
      ))}
      <h2>{t('market.latest')}</h2>
      {ref && prices.data && <PriceTable items={prices.data.items} reference={ref} onChanged={reload} />}
      {ref && can('market:write') && <PriceForm key={commodity} reference={ref} commodity={commodity} onPublished={reload} />}
    </section>
  );
}
