import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VEHICLE_TYPES, type CreateVehicleRequest } from '../../../../shared/schemas/fleet';
import { ApiError } from '../../api/client';
import { formatDate } from '../../components/format';
import { fleetApi, type Vehicle } from './api';
import { FieldErrors, ProblemSummary } from './Problems';
import { fieldProblems, type FieldProblem } from './problems';
import { useIdempotencyKey } from './useKey';

const EMPTY = { plate: '', plateCountry: '', type: 'truck', axles: '2', tonnageCapacity: '', trailerPlate: '', containerNumbers: '', inspectionExpiresOn: '' };
type Form = typeof EMPTY;

function formOf(v: Vehicle): Form {
  return {
    plate: v.plate, plateCountry: v.plateCountry, type: v.type, axles: String(v.axles), tonnageCapacity: String(v.tonnageCapacity),
    trailerPlate: v.trailerPlate ?? '', containerNumbers: v.containerNumbers.join(', '), inspectionExpiresOn: v.inspectionExpiresOn ?? '',
  };
}

/** A duplicate plate is a 409 without a field list: it belongs next to the plate. */
function problemsOf(error: unknown): FieldProblem[] {
  if (error instanceof ApiError && error.problem.code === 'fleet.duplicate_vehicle') {
    return [{ path: '/plate', code: error.problem.code, message: error.problem.messages ?? error.problem.title }];
  }
  return fieldProblems(error);
}

export function VehiclesPanel({ vehicles, onChanged }: { vehicles: Vehicle[]; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState<Form>(EMPTY);
  const [editing, setEditing] = useState<Vehicle | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [key, renewKey] = useIdempotencyKey();
  const problems = problemsOf(error);
  const set = (k: keyof Form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setSaved(null);
    const containers = form.containerNumbers.split(/[,;\n]+/).map((c) => c.trim()).filter(Boolean);
    const common = {
      type: form.type as CreateVehicleRequest['type'],
      axles: Number(form.axles),
      tonnageCapacity: Number(form.tonnageCapacity),
      trailerPlate: form.trailerPlate.trim() || null,
      containerNumbers: containers,
      inspectionExpiresOn: form.inspectionExpiresOn || null,
    };
    try {
      const v = editing
        ? await fleetApi.updateVehicle(editing.id, { version: editing.version, ...common })
        : await fleetApi.createVehicle({ plate: form.plate.trim(), ...(form.plateCountry ? { plateCountry: form.plateCountry as 'VN' | 'CN' } : {}), ...common }, key);
      setError(null);
      setSaved(v.plate);
      setForm(EMPTY);
      setEditing(null);
      renewKey();
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function toggleActive(v: Vehicle) {
    try {
      await fleetApi.updateVehicle(v.id, { version: v.version, active: !v.active });
      onChanged();
    } catch (err) {
      setError(err);
    }
  }

  const field = (k: keyof Form) => ({ name: k, value: form[k], onChange: set(k), 'data-path': `/${k}`, 'aria-invalid': problems.some((p) => p.path.startsWith(`/${k}`)) || undefined });

  return (
    <section data-testid="vehicles">
      <h2>{t('fleet.vehicles')}</h2>
      {vehicles.length === 0 && <p className="muted">{t('fleet.noVehicles')}</p>}
      <ul className="cards">
        {vehicles.map((v) => (
          <li key={v.id} className={`card ${v.active ? '' : 'inactive'}`} data-testid="vehicle-card" data-plate={v.plate}>
            <h3 className="plate">{v.plate}{v.trailerPlate && <small> + {v.trailerPlate}</small>}</h3>
            <p>{t(`fleet.vehicleType.${v.type}`)} · {t('fleet.axlesN', { count: v.axles })} · {v.tonnageCapacity} t</p>
            {v.containerNumbers.length > 0 && <p className="muted">{v.containerNumbers.join(', ')}</p>}
            <p className="badges">
              {v.inspectionExpiresOn && (
                <span className={`badge ${v.inspectionExpired ? 'bad' : ''}`} data-testid={v.inspectionExpired ? 'expired' : undefined}>
                  {v.inspectionExpired ? t('fleet.inspectionExpired') : t('fleet.inspectionUntil')} {formatDate(v.inspectionExpiresOn, i18n.language)}
                </span>
              )}
              {!v.active && <span className="badge">{t('fleet.inactive')}</span>}
            </p>
            <p className="row">
              <button type="button" className="link" onClick={() => { setEditing(v); setForm(formOf(v)); setError(null); }}>{t('fleet.edit')}</button>
              <button type="button" className="link" onClick={() => void toggleActive(v)}>{v.active ? t('fleet.deactivate') : t('fleet.activate')}</button>
            </p>
          </li>
        ))}
      </ul>

      <form className="panel" onSubmit={submit} data-testid="vehicle-form" noValidate>
        <h3>{editing ? t('fleet.editVehicle', { plate: editing.plate }) : t('fleet.addVehicle')}</h3>
        <div className="grid">
          <label>{t('fleet.plate')}
            <input {...field('plate')} disabled={!!editing} placeholder="11C-123.45 / 桂F·12345" autoComplete="off" />
            <FieldErrors problems={problems} path="/plate" />
          </label>
          <label>{t('fleet.plateCountry')}
            <select {...field('plateCountry')} disabled={!!editing}>
              <option value="">{t('fleet.plateCountryAuto')}</option>
              <option value="VN">{t('fleet.country.VN')}</option>
              <option value="CN">{t('fleet.country.CN')}</option>
            </select>
          </label>
          <label>{t('fleet.type')}
            <select {...field('type')}>
              {VEHICLE_TYPES.map((k) => <option key={k} value={k}>{t(`fleet.vehicleType.${k}`)}</option>)}
            </select>
          </label>
          <label>{t('fleet.axles')}
            <input {...field('axles')} type="number" min={2} max={12} inputMode="numeric" />
            <FieldErrors problems={problems} path="/axles" />
          </label>
          <label>{t('fleet.tonnage')}
            <input {...field('tonnageCapacity')} type="number" min={0} max={100} step="0.1" inputMode="decimal" />
            <FieldErrors problems={problems} path="/tonnageCapacity" />
          </label>
          <label>{t('fleet.trailerPlate')}
            <input {...field('trailerPlate')} placeholder="11R-012.34" autoComplete="off" />
            <FieldErrors problems={problems} path="/trailerPlate" />
          </label>
          <label>{t('fleet.containers')}
            <input {...field('containerNumbers')} placeholder="MSCU1234566" autoComplete="off" />
            <FieldErrors problems={problems} path="/containerNumbers" prefix />
          </label>
          <label>{t('fleet.inspectionExpiresOn')}
            <input {...field('inspectionExpiresOn')} type="date" />
            <FieldErrors problems={problems} path="/inspectionExpiresOn" />
          </label>
        </div>
        <ProblemSummary error={error} placed={(p) => /^\/(plate|trailerPlate|containerNumbers|inspectionExpiresOn|axles|tonnageCapacity)/.test(p)} />
        {saved && <p role="status" className="ok">{t('fleet.vehicleSaved', { plate: saved })}</p>}
        <p className="row">
          <button type="submit" disabled={busy}>{editing ? t('tripsCommon.save') : t('fleet.register')}</button>
          {editing && <button type="button" className="secondary" onClick={() => { setEditing(null); setForm(EMPTY); setError(null); }}>{t('common.cancel')}</button>}
        </p>
      </form>
    </section>
  );
}
