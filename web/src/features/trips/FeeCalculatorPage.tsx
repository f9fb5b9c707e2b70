import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GOODS_CATEGORIES, REGIMES, type QuoteRequest } from '../../../../server/src/fees/fees.schemas';
import type { GateSummary } from '../../../../shared/schemas/gates';
import { ErrorMessage } from '../../components/ErrorMessage';
import { gateName } from '../../components/format';
import { useApi } from '../../components/useApi';
import { urls } from './api';
import { HsHint } from './CargoLinesEditor';
import { todayIn } from './display';
import { FeeQuoteView, useFeeQuote } from './FeeQuoteView';
import { FieldErrors, ProblemSummary } from './Problems';
import { fieldProblems } from './problems';
import { goodsGates } from './TripRouteFields';
import { num } from './tripForm';

interface Line { hsCode: string; grossWeightKg: string; declaredValue: string; currency: string; origin: string; goodsCategory: string; taxableImport: '' | 'yes' | 'no' }
const newLine = (): Line => ({ hsCode: '', grossWeightKg: '', declaredValue: '', currency: 'USD', origin: 'VN', goodsCategory: '', taxableImport: '' });

interface Calc {
  gateId: string;
  date: string;
  regime: QuoteRequest['regime'];
  tonnage: string;
  axles: string;
  containers20: string;
  containers40: string;
  lines: Line[];
  disinfection: boolean;
  coSets: string;
  carriedInland: boolean;
  wharfOnly: boolean;
}

function requestOf(c: Calc, gate: GateSummary | undefined): QuoteRequest | null {
  if (!gate) return null;
  const lines = c.lines.filter((l) => /^[0-9]{6,8}$/.test(l.hsCode.replace(/[.\s]/g, '')) && num(l.grossWeightKg) !== undefined && num(l.declaredValue) !== undefined && /^[A-Za-z]{3}$/.test(l.currency) && /^[A-Za-z]{2}$/.test(l.origin));
  if (lines.length === 0 && c.regime !== 'empty_return') return null;
  const count = (v: string) => Math.min(4, Math.max(0, Math.round(num(v) ?? 0)));
  return {
    province: gate.province,
    gateId: gate.id,
    date: c.date || todayIn(gate.timeZone),
    regime: c.regime,
    vehicle: { ...(num(c.tonnage) !== undefined ? { grossTonnageCapacity: num(c.tonnage) } : {}), ...(num(c.axles) !== undefined ? { axles: Math.round(num(c.axles)!) } : {}) },
    containers: [...Array(count(c.containers20)).fill({ size: '20' }), ...Array(count(c.containers40)).fill({ size: '40' })].slice(0, 4),
    cargoLines: lines.map((l) => ({
      hsCode: l.hsCode.trim(), grossWeightKg: num(l.grossWeightKg)!, declaredValue: num(l.declaredValue)!, currency: l.currency.toUpperCase(), origin: l.origin.toUpperCase(),
      ...(l.goodsCategory ? { goodsCategory: l.goodsCategory as QuoteRequest['cargoLines'][number]['goodsCategory'] } : {}),
      ...(l.taxableImport ? { taxableImport: l.taxableImport === 'yes' } : {}),
    })),
    options: {
      ...(c.disinfection ? { disinfection: true } : {}),
      ...(num(c.coSets) ? { coSets: Math.round(num(c.coSets)!) } : {}),
      ...(c.carriedInland ? { carriedInland: true } : {}),
      ...(c.wharfOnly ? { wharfOnly: true } : {}),
    },
  };
}

/** "Tra cứu phí": what a described trip would pay at a gate, for anyone, without an account. */
export function FeeCalculatorPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const gates = useApi<{ items: GateSummary[] }>(urls.gates);
  const [c, setC] = useState<Calc>({ gateId: 'tra-linh', date: '', regime: 'export', tonnage: '15', axles: '3', containers20: '0', containers40: '0', lines: [newLine()], disinfection: false, coSets: '', carriedInland: false, wharfOnly: false });
  const gate = gates.data?.items.find((g) => g.id === c.gateId);
  const { quote, error, loading } = useFeeQuote(requestOf(c, gate));
  const problems = fieldProblems(error);
  const set = <K extends keyof Calc>(k: K, v: Calc[K]) => setC({ ...c, [k]: v });
  const setLine = (i: number, patch: Partial<Line>) => set('lines', c.lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  return (
    <section className="trips-page fee-calculator" data-testid="fee-calculator">
      <h1>{t('feeCalc.title')}</h1>
      <p className="muted">{t('feeCalc.intro')}</p>
      <ErrorMessage error={gates.error} />
      <div className="trip-editor">
        <form className="trip-main" onSubmit={(e) => e.preventDefault()}>
          <fieldset className="panel">
            <legend>{t('tripForm.route')}</legend>
            <div className="grid">
              <label className="wide">{t('tripForm.gate')}
                <select name="gateId" value={c.gateId} onChange={(e) => set('gateId', e.target.value)}>
                  {goodsGates(gates.data?.items ?? []).map((g) => <option key={g.id} value={g.id}>{gateName(g, lang)} · {t(`province.${g.province}`, { defaultValue: g.province })}</option>)}
                </select>
              </label>
              <label>{t('feeCalc.regime')}
                <select name="regime" value={c.regime} onChange={(e) => set('regime', e.target.value as Calc['regime'])}>
                  {REGIMES.map((r) => <option key={r} value={r}>{t(`feeCalc.regimes.${r}`)}</option>)}
                </select>
              </label>
              <label>{t('tripForm.plannedDate')}<input type="date" name="date" value={c.date} onChange={(e) => set('date', e.target.value)} /></label>
              <label>{t('fleet.tonnage')}<input type="number" name="tonnage" min={0} step="0.1" inputMode="decimal" value={c.tonnage} onChange={(e) => set('tonnage', e.target.value)} /></label>
              <label>{t('fleet.axles')}<input type="number" name="axles" min={2} max={12} inputMode="numeric" value={c.axles} onChange={(e) => set('axles', e.target.value)} /></label>
              <label>{t('feeCalc.containers20')}<input type="number" name="containers20" min={0} max={4} inputMode="numeric" value={c.containers20} onChange={(e) => set('containers20', e.target.value)} /></label>
              <label>{t('feeCalc.containers40')}<input type="number" name="containers40" min={0} max={4} inputMode="numeric" value={c.containers40} onChange={(e) => set('containers40', e.target.value)} /></label>
            </div>
          </fieldset>
          <fieldset className="panel">
            <legend>{t('tripForm.cargo')}</legend>
            {c.lines.map((l, i) => {
              const at = `/cargoLines/${i}`;
              return (
                <fieldset key={i} className="cargo-line" data-testid="calc-line">
                  <legend>{t('tripForm.line', { n: i + 1 })}</legend>
                  <div className="grid">
                    <label>{t('tripForm.hsCode')}
                      <input name={`hsCode-${i}`} data-path={`${at}/hsCode`} inputMode="numeric" placeholder="0810.90.10" value={l.hsCode} onChange={(e) => setLine(i, { hsCode: e.target.value })} />
                      <HsHint code={l.hsCode} problems={problems} path={`${at}/hsCode`} />
                      <FieldErrors problems={problems} path={`${at}/hsCode`} />
                    </label>
                    <label>{t('tripForm.grossWeightKg')}<input type="number" name={`grossWeightKg-${i}`} min={0} step="any" inputMode="decimal" value={l.grossWeightKg} onChange={(e) => setLine(i, { grossWeightKg: e.target.value })} /></label>
                    <label>{t('tripForm.declaredValue')}<input type="number" name={`declaredValue-${i}`} min={0} step="any" inputMode="decimal" value={l.declaredValue} onChange={(e) => setLine(i, { declaredValue: e.target.value })} /></label>
                    <label>{t('tripForm.currency')}<input name={`currency-${i}`} maxLength={3} value={l.currency} onChange={(e) => setLine(i, { currency: e.target.value })} /></label>
                    <label>{t('tripForm.origin')}<input name={`origin-${i}`} maxLength={2} value={l.origin} onChange={(e) => setLine(i, { origin: e.target.value })} /></label>
                    <label>{t('tripForm.goodsCategory')}
                      <select name={`goodsCategory-${i}`} value={l.goodsCategory} onChange={(e) => setLine(i, { goodsCategory: e.target.value })}>
                        <option value="">{t('tripForm.categoryFromHs')}</option>
                        {GOODS_CATEGORIES.map((g) => <option key={g} value={g}>{t(`tripForm.category.${g}`)}</option>)}
                      </select>
                    </label>
                    {c.regime === 'import' && (
                      <label>{t('tripForm.taxableImport')}
                        <select name={`taxableImport-${i}`} data-path={`${at}/taxableImport`} value={l.taxableImport} onChange={(e) => setLine(i, { taxableImport: e.target.value as Line['taxableImport'] })}>
                          <option value="">—</option><option value="yes">{t('common.yes')}</option><option value="no">{t('common.no')}</option>
                        </select>
                        <FieldErrors problems={problems} path={`${at}/taxableImport`} />
                      </label>
                    )}
                  </div>
                  {c.lines.length > 1 && <button type="button" className="secondary" onClick={() => set('lines', c.lines.filter((_, j) => j !== i))}>{t('tripForm.removeLine')}</button>}
                </fieldset>
              );
            })}
            <p><button type="button" className="secondary" onClick={() => set('lines', [...c.lines, newLine()])}>+ {t('tripForm.addLine')}</button></p>
          </fieldset>
          <fieldset className="panel">
            <legend>{t('feeCalc.services')}</legend>
            <div className="grid">
              <label className="inline"><input type="checkbox" checked={c.disinfection} onChange={(e) => set('disinfection', e.target.checked)} />{t('tripForm.disinfection')}</label>
              <label>{t('tripForm.coSets')}<input type="number" name="coSets" min={0} max={100} value={c.coSets} onChange={(e) => set('coSets', e.target.value)} /></label>
              {c.regime === 'import' && <label className="inline"><input type="checkbox" checked={c.carriedInland} onChange={(e) => set('carriedInland', e.target.checked)} />{t('tripForm.carriedInland')}</label>}
              {c.regime === 'import' && <label className="inline"><input type="checkbox" checked={c.wharfOnly} onChange={(e) => set('wharfOnly', e.target.checked)} />{t('tripForm.wharfOnly')}</label>}
            </div>
          </fieldset>
        </form>
        <aside className="panel fee-panel" aria-live="polite" data-testid="fee-panel">
          <h2>{t('tripFees.title')}</h2>
          {!quote && !error && !loading && <p className="muted">{t('feeCalc.fillIn')}</p>}
          {loading && <p className="muted">{t('tripFees.computing')}</p>}
          <ProblemSummary error={error} placed={(p) => /^\/cargoLines\/\d+\/(hsCode|taxableImport)$/.test(p)} />
          {quote && <FeeQuoteView quote={quote} />}
        </aside>
      </div>
    </section>
  );
}
