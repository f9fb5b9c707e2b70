import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useSession } from '../../session';
import { marketApi, type MarketReference } from './api';
import { nameIn, todayVn } from './format';

/**
 * Publish a price: the authority's are official (markets of its gates), an enterprise's are shown
 * under its name. The server checks units, ranges and scope and lists every problem at once.
 */
export function PriceForm({ reference, commodity, onPublished }: { reference: MarketReference; commodity: string; onPublished: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { me } = useSession();
  const official = me?.role !== 'enterprise';
  const [form, setForm] = useState({ commodity, marketId: '', date: todayVn(), currency: 'VND', unit: 'kg', priceMin: '', priceMax: '', priceAvg: '', volumeTonnes: '', note: '' });
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const key = useRef(newIdempotencyKey());
  const units = reference.commodities.find((c) => c.code === form.commodity)?.units ?? ['kg'];
  // The authority speaks for the markets of its own gates; enterprises for any market.
  const markets = reference.markets.filter((m) => !official || me?.role === 'admin' || me?.role === 'agency_staff' || me?.gateIds.includes(m.gateId));
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const num = (s: string) => (s.trim() === '' ? null : Number(s));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      await marketApi.publish(
        {
          commodity: form.commodity,
          marketId: form.marketId,
          date: form.date,
          currency: form.currency as 'VND' | 'CNY',
          unit: form.unit,
          priceMin: num(form.priceMin),
          priceMax: num(form.priceMax),
          priceAvg: num(form.priceAvg),
          volumeTonnes: num(form.volumeTonnes),
          note: form.note.trim() || null,
        },
        key.current,
      );
      key.current = newIdempotencyKey();
      setError(null);
      setDone(true);
      setForm({ ...form, priceMin: '', priceMax: '', priceAvg: '', volumeTonnes: '', note: '' });
      onPublished();
    } catch (err) {
      setError(err);
      setDone(false);
    }
  };

  return (
    <form className="panel" onSubmit={submit} data-testid="price-form">
      <h2>{official ? t('market.form.titleOfficial') : t('market.form.titleEnterprise')}</h2>
      <div className="grid">
        <label>{t('market.commodity')}
          <select name="commodity" value={form.commodity} onChange={set('commodity')}>
            {reference.commodities.map((c) => <option key={c.code} value={c.code}>{nameIn(c, lang)}</option>)}
          </select>
        </label>
        <label>{t('market.market')}
          <select name="marketId" required value={form.marketId} onChange={set('marketId')}>
            <option value="">—</option>
            {markets.map((m) => <option key={m.id} value={m.id}>{nameIn(m, lang)}</option>)}
          </select>
        </label>
        <label>{t('market.date')}<input type="date" name="date" required max={todayVn()} value={form.date} onChange={set('date')} /></label>
        <label>{t('market.currency')}
          <select name="currency" value={form.currency} onChange={set('currency')}>
            <option value="VND">VND</option>
            <option value="CNY">CNY</option>
          </select>
        </label>
        <label>{t('market.unit')}
          <select name="unit" value={form.unit} onChange={set('unit')}>
            {units.map((u) => <option key={u} value={u}>{t(`market.units.${u}`)}</option>)}
          </select>
        </label>
        <label>{t('market.priceMin')}<input type="number" step="any" min="0" name="priceMin" value={form.priceMin} onChange={set('priceMin')} /></label>
        <label>{t('market.priceMax')}<input type="number" step="any" min="0" name="priceMax" value={form.priceMax} onChange={set('priceMax')} /></label>
        <label>{t('market.priceAvg')}<input type="number" step="any" min="0" name="priceAvg" value={form.priceAvg} onChange={set('priceAvg')} /></label>
        <label>{t('market.volume')}<input type="number" step="any" min="0" name="volumeTonnes" value={form.volumeTonnes} onChange={set('volumeTonnes')} /></label>
        <label>{t('market.note')}<input name="note" maxLength={500} value={form.note} onChange={set('note')} /></label>
      </div>
      <p className="muted">{t('market.form.hint')}</p>
      <ErrorMessage error={error} />
      {done && <p role="status" className="ok">{t('market.form.done')}</p>}
      <p><button type="submit" data-testid="publish-price">{t('market.form.submit')}</button></p>
    </form>
  );
}
