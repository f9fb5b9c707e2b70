import { useTranslation } from 'react-i18next';
import { GOODS_CATEGORY_VALUES } from '../../../../shared/schemas/trips';
import { formatNumber } from './display';
import { hsDigits, useHsDescription } from './hsLookup';
import { FieldErrors } from './Problems';
import { problemsAt, type FieldProblem } from './problems';
import { emptyLine, isBlankLine, totalWeightKg, type CargoLineForm, type TripForm } from './tripForm';

interface Props {
  form: TripForm;
  change: (patch: Partial<TripForm>, paths: string[]) => void;
  problems: FieldProblem[];
  tonnageCapacity: number | null;
}

export function HsHint({ code, problems, path }: { code: string; problems: FieldProblem[]; path: string }) {
  const { t } = useTranslation();
  const { description, unknown } = useHsDescription(code);
  if (problemsAt(problems, path).length > 0) return null;
  if (description) return <span className="hint" data-testid="hs-description">{description}</span>;
  if (unknown) return <span className="hint bad">{t('tripErrors.hs.unknown_code')}</span>;
  const digits = hsDigits(code);
  if (digits && !/^[0-9]{0,8}$/.test(digits)) return <span className="hint bad">{t('tripErrors.hs.invalid_format')}</span>;
  return null;
}

/** Fresh fruit to China needs its growing-area and packing-house codes; show the inputs when they may apply. */
function needsFruitCodes(direction: string, line: CargoLineForm, problems: FieldProblem[], at: string) {
  if (line.growingAreaCode || line.packingHouseCode) return true;
  if (problemsAt(problems, `${at}/growingAreaCode`).length + problemsAt(problems, `${at}/packingHouseCode`).length > 0) return true;
  return direction === 'export' && (line.perishable || hsDigits(line.hsCode).startsWith('08'));
}

export function CargoLinesEditor({ form, change, problems, tonnageCapacity }: Props) {
  const { t, i18n } = useTranslation();
  const lines = form.cargoLines;
  const setLine = (i: number, patch: Partial<CargoLineForm>, field: string) =>
    change({ cargoLines: lines.map((l, j) => (j === i ? { ...l, ...patch } : l)) }, [`/cargoLines/${i}/${field}`, '/cargoLines']);
  const remove = (i: number) => change({ cargoLines: lines.filter((_, j) => j !== i) }, ['/cargoLines']);
  const duplicate = (i: number) => change({ cargoLines: [...lines.slice(0, i + 1), { ...lines[i] }, ...lines.slice(i + 1)] }, ['/cargoLines']);
  const add = () => change({ cargoLines: [...lines, emptyLine({ currency: lines.at(-1)?.currency, origin: lines.at(-1)?.origin })] }, []);
  const kg = totalWeightKg(form);
  const over = tonnageCapacity !== null && kg > tonnageCapacity * 1000;

  const input = (i: number, k: keyof CargoLineForm, extra: React.InputHTMLAttributes<HTMLInputElement> = {}) => {
    const path = `/cargoLines/${i}/${k}`;
    return (
      <>
        <input name={`${k}-${i}`} data-path={path} aria-invalid={problemsAt(problems, path).length > 0 || undefined} value={lines[i][k] as string}
          onChange={(e) => setLine(i, { [k]: e.target.value } as Partial<CargoLineForm>, k)} autoComplete="off" {...extra} />
        <FieldErrors problems={problems} path={path} />
      </>
    );
  };

  if (form.direction === 'empty_return' && lines.every(isBlankLine)) {
    return (
      <fieldset className="panel" data-testid="cargo-lines">
        <legend>{t('tripForm.cargo')}</legend>
        <p className="muted">{t('tripForm.emptyReturn')}</p>
        <FieldErrors problems={problems} path="/cargoLines" />
      </fieldset>
    );
  }

  return (
    <fieldset className="panel" data-testid="cargo-lines">
      <legend>{t('tripForm.cargo')}</legend>
      <p className={`hint ${over ? 'bad' : ''}`} data-testid="cargo-weight">
        {t('tripForm.totalWeight', { weight: formatNumber(kg / 1000, i18n.language) })}
        {tonnageCapacity !== null && ` / ${t('tripForm.capacity', { capacity: formatNumber(tonnageCapacity, i18n.language) })}`}
      </p>
      <FieldErrors problems={problems} path="/cargoLines" />
      {lines.map((l, i) => {
        const at = `/cargoLines/${i}`;
        return (
          <fieldset key={i} className="cargo-line" data-testid="cargo-line">
            <legend>{t('tripForm.line', { n: i + 1 })}</legend>
            <div className="grid">
              <label>{t('tripForm.hsCode')}
                {input(i, 'hsCode', { inputMode: 'numeric', placeholder: '0810.90.10', maxLength: 14 })}
                <HsHint code={l.hsCode} problems={problems} path={`${at}/hsCode`} />
              </label>
              <label className="wide">{t('tripForm.description')}{input(i, 'description', { maxLength: 500 })}</label>
              <label>{t('tripForm.packages')}{input(i, 'packages', { type: 'number', min: 0, inputMode: 'numeric' })}</label>
              <label>{t('tripForm.packageKind')}{input(i, 'packageKind', { maxLength: 50, placeholder: t('tripForm.packageKindHint') })}</label>
              <label>{t('tripForm.quantity')}{input(i, 'quantity', { type: 'number', min: 0, step: 'any', inputMode: 'decimal' })}</label>
              <label>{t('tripForm.unit')}{input(i, 'unit', { maxLength: 3, list: 'trip-units' })}</label>
              <label>{t('tripForm.grossWeightKg')}{input(i, 'grossWeightKg', { type: 'number', min: 0, step: 'any', inputMode: 'decimal' })}</label>
              <label>{t('tripForm.volumeM3')}{input(i, 'volumeM3', { type: 'number', min: 0, step: 'any', inputMode: 'decimal' })}</label>
              <label>{t('tripForm.declaredValue')}{input(i, 'declaredValue', { type: 'number', min: 0, step: 'any', inputMode: 'decimal' })}</label>
              <label>{t('tripForm.currency')}{input(i, 'currency', { maxLength: 3, list: 'trip-currencies' })}</label>
              <label>{t('tripForm.origin')}{input(i, 'origin', { maxLength: 2, list: 'trip-countries' })}</label>
              <label>{t('tripForm.goodsCategory')}
                <select name={`goodsCategory-${i}`} data-path={`${at}/goodsCategory`} value={l.goodsCategory} onChange={(e) => setLine(i, { goodsCategory: e.target.value }, 'goodsCategory')}>
                  <option value="">{t('tripForm.categoryFromHs')}</option>
                  {GOODS_CATEGORY_VALUES.map((c) => <option key={c} value={c}>{t(`tripForm.category.${c}`)}</option>)}
                </select>
                <FieldErrors problems={problems} path={`${at}/goodsCategory`} />
              </label>
              {form.direction === 'import' && (
                <label>{t('tripForm.taxableImport')}
                  <select name={`taxableImport-${i}`} data-path={`${at}/taxableImport`} value={l.taxableImport} onChange={(e) => setLine(i, { taxableImport: e.target.value as CargoLineForm['taxableImport'] }, 'taxableImport')}>
                    <option value="">—</option>
                    <option value="yes">{t('common.yes')}</option>
                    <option value="no">{t('common.no')}</option>
                  </select>
                  <FieldErrors problems={problems} path={`${at}/taxableImport`} />
                </label>
              )}
              <label className="inline">
                <input type="checkbox" name={`perishable-${i}`} checked={l.perishable} onChange={(e) => setLine(i, { perishable: e.target.checked }, 'perishable')} />
                {t('tripForm.perishable')}
              </label>
            </div>
            {needsFruitCodes(form.direction, l, problems, at) && (
              <div className="grid fruit" data-testid="fruit-codes">
                <label>{t('tripForm.growingAreaCode')}{input(i, 'growingAreaCode', { placeholder: 'VNORC-0123', maxLength: 40 })}</label>
                <label>{t('tripForm.packingHouseCode')}{input(i, 'packingHouseCode', { placeholder: 'VNPHC-0456', maxLength: 40 })}</label>
              </div>
            )}
            <p className="row">
              <button type="button" className="secondary" onClick={() => duplicate(i)}>{t('tripForm.duplicateLine')}</button>
              <button type="button" className="secondary" onClick={() => remove(i)} aria-label={t('tripForm.removeLineN', { n: i + 1 })}>{t('tripForm.removeLine')}</button>
            </p>
          </fieldset>
        );
      })}
      <p><button type="button" className="secondary" onClick={add} data-testid="add-line">+ {t('tripForm.addLine')}</button></p>
      <datalist id="trip-units">{['KGM', 'TNE', 'PCE', 'CT', 'LTR', 'MTQ'].map((u) => <option key={u} value={u} />)}</datalist>
      <datalist id="trip-currencies">{['USD', 'CNY', 'VND', 'EUR'].map((u) => <option key={u} value={u} />)}</datalist>
      <datalist id="trip-countries">{['VN', 'CN', 'TH', 'LA', 'KH'].map((u) => <option key={u} value={u} />)}</datalist>
    </fieldset>
  );
}
