import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { marketApi, type MarketReference, type PriceEntry } from './api';
import { formatNumber, nameIn } from './format';

/** The latest entries, official ones marked, each attributed to its publisher. */
export function PriceTable({ items, reference, onChanged }: { items: PriceEntry[]; reference: MarketReference; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [error, setError] = useState<unknown>(null);
  const market = new Map(reference.markets.map((m) => [m.id, m]));
  const price = (e: PriceEntry) => {
    const range = e.priceMin !== null && e.priceMax !== null ? `${formatNumber(e.priceMin, lang)}–${formatNumber(e.priceMax, lang)}` : '';
    const avg = e.priceAvg !== null ? formatNumber(e.priceAvg, lang) : '';
    return [avg, range && `(${range})`].filter(Boolean).join(' ');
  };
  const retract = async (e: PriceEntry) => {
    const reason = window.prompt(t('market.retractReason'));
    if (!reason || reason.trim().length < 3) return;
    try {
      await marketApi.retract(e.id, reason.trim());
      setError(null);
      onChanged();
    } catch (err) {
      setError(err);
    }
  };
  if (items.length === 0) return <p className="muted">{t('market.noEntries')}</p>;
  return (
    <div className="table-wrap">
      <ErrorMessage error={error} />
      <table className="table" data-testid="price-table">
        <thead>
          <tr>
            <th>{t('market.date')}</th><th>{t('market.market')}</th><th>{t('market.price')}</th><th>{t('market.volume')}</th><th>{t('market.source')}</th><th />
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id} data-testid="price-row">
              <td>{e.date}</td>
              <td>{market.get(e.marketId) ? nameIn(market.get(e.marketId)!, lang) : e.marketId}</td>
              <td>{price(e)} {e.currency}/{t(`market.units.${e.unit}`)}</td>
              <td>{e.volumeTonnes !== null ? `${formatNumber(e.volumeTonnes, lang, 1)} t` : '—'}</td>
              <td>{e.official ? <span className="badge official">{t('market.official')}</span> : null} {e.publisher}</td>
              <td>{e.canRetract && <button type="button" className="link" onClick={() => void retract(e)}>{t('market.retract')}</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
