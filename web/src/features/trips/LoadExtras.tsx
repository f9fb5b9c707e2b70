import { useTranslation } from 'react-i18next';
import { FieldErrors } from './Problems';
import { problemsAt, type FieldProblem } from './problems';
import type { ContainerForm, TripForm } from './tripForm';

interface Props {
  form: TripForm;
  change: (patch: Partial<TripForm>, paths: string[]) => void;
  problems: FieldProblem[];
  vehicleContainers: string[];
}

/** Containers on the truck and the services asked at the gate (they change the fee). */
export function LoadExtras({ form, change, problems, vehicleContainers }: Props) {
  const { t } = useTranslation();
  const list = form.containers;
  const setContainer = (i: number, patch: Partial<ContainerForm>) => change({ containers: list.map((c, j) => (j === i ? { ...c, ...patch } : c)) }, [`/containers/${i}/number`]);
  const setOption = (patch: Partial<TripForm['options']>, key: string) => change({ options: { ...form.options, ...patch } }, [`/options/${key}`]);
  const unused = vehicleContainers.filter((n) => !list.some((c) => c.number.replace(/\s|-/g, '').toUpperCase() === n));

  return (
    <fieldset className="panel" data-testid="trip-extras">
      <legend>{t('tripForm.containersAndOptions')}</legend>
      {list.map((c, i) => (
        <div key={i} className="grid" data-testid="container-row">
          <label>{t('tripForm.containerNumber')}
            <input name={`container-${i}`} data-path={`/containers/${i}/number`} value={c.number} placeholder="MSCU1234566" autoComplete="off"
              aria-invalid={problemsAt(problems, `/containers/${i}/number`).length > 0 || undefined} onChange={(e) => setContainer(i, { number: e.target.value })} />
            <FieldErrors problems={problems} path={`/containers/${i}/number`} />
          </label>
          <label>{t('tripForm.containerSize')}
            <select name={`containerSize-${i}`} value={c.size} onChange={(e) => setContainer(i, { size: e.target.value as ContainerForm['size'] })}>
              <option value="20">20′</option>
              <option value="40">40′</option>
            </select>
          </label>
          <label>{t('tripForm.sealNumber')}
            <input name={`seal-${i}`} value={c.sealNumber} maxLength={30} autoComplete="off" onChange={(e) => setContainer(i, { sealNumber: e.target.value })} />
          </label>
          <p className="row"><button type="button" className="secondary" onClick={() => change({ containers: list.filter((_, j) => j !== i) }, ['/containers'])}>{t('tripForm.removeContainer')}</button></p>
        </div>
      ))}
      <p className="row">
        {list.length < 4 && <button type="button" className="secondary" onClick={() => change({ containers: [...list, { number: '', size: '40', sealNumber: '' }] }, [])}>+ {t('tripForm.addContainer')}</button>}
        {unused.map((n) => (
          <button key={n} type="button" className="secondary" onClick={() => change({ containers: [...list, { number: n, size: '40', sealNumber: '' }] }, [])}>+ {n}</button>
        ))}
      </p>
      <div className="grid">
        <label className="inline"><input type="checkbox" name="disinfection" checked={form.options.disinfection} onChange={(e) => setOption({ disinfection: e.target.checked }, 'disinfection')} />{t('tripForm.disinfection')}</label>
        <label>{t('tripForm.coSets')}
          <input type="number" name="coSets" data-path="/options/coSets" min={0} max={100} inputMode="numeric" value={form.options.coSets} onChange={(e) => setOption({ coSets: e.target.value }, 'coSets')} />
          <FieldErrors problems={problems} path="/options/coSets" />
        </label>
        {form.direction === 'import' && (
          <>
            <label className="inline"><input type="checkbox" name="carriedInland" checked={form.options.carriedInland} onChange={(e) => setOption({ carriedInland: e.target.checked }, 'carriedInland')} />{t('tripForm.carriedInland')}</label>
            <label className="inline"><input type="checkbox" name="wharfOnly" checked={form.options.wharfOnly} onChange={(e) => setOption({ wharfOnly: e.target.checked }, 'wharfOnly')} />{t('tripForm.wharfOnly')}</label>
          </>
        )}
      </div>
      <FieldErrors problems={problems.filter((p) => p.path !== '/options/coSets')} path="/options" prefix />
      <label>{t('tripForm.notes')}
        <textarea name="notes" data-path="/notes" rows={2} maxLength={2000} value={form.notes} onChange={(e) => change({ notes: e.target.value }, ['/notes'])} />
      </label>
    </fieldset>
  );
}
