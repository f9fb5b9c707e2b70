import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DRIVER_DOCUMENT_TYPES, type CreateDriverRequest } from '../../../../shared/schemas/fleet';
import { ApiError } from '../../api/client';
import { formatDate } from '../../components/format';
import { fleetApi, type Driver } from './api';
import { countryName } from './display';
import { FieldErrors, ProblemSummary } from './Problems';
import { fieldProblems, type FieldProblem } from './problems';
import { useIdempotencyKey } from './useKey';

const EMPTY = { fullName: '', nationality: 'VN', documentType: 'passport', documentNumber: '', documentExpiresOn: '', phone: '' };
type Form = typeof EMPTY;

function formOf(d: Driver): Form {
  return { fullName: d.fullName, nationality: d.nationality, documentType: d.documentType, documentNumber: d.documentNumber, documentExpiresOn: d.documentExpiresOn, phone: d.phone ?? '' };
}

/** A document registered twice is a 409 without a field list: it belongs next to the number. */
function problemsOf(error: unknown): FieldProblem[] {
  if (error instanceof ApiError && error.problem.code === 'fleet.duplicate_driver') {
    return [{ path: '/documentNumber', code: error.problem.code, message: error.problem.messages ?? error.problem.title }];
  }
  return fieldProblems(error);
}

export function DriversPanel({ drivers, onChanged }: { drivers: Driver[]; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [form, setForm] = useState<Form>(EMPTY);
  const [editing, setEditing] = useState<Driver | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [key, renewKey] = useIdempotencyKey();
  const problems = problemsOf(error);
  const set = (k: keyof Form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const field = (k: keyof Form) => ({ name: k, value: form[k], onChange: set(k), 'data-path': `/${k}`, 'aria-invalid': problems.some((p) => p.path === `/${k}`) || undefined });

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setSaved(null);
    const common = {
      fullName: form.fullName.trim(),
      documentType: form.documentType as CreateDriverRequest['documentType'],
      documentNumber: form.documentNumber.trim(),
      documentExpiresOn: form.documentExpiresOn,
      phone: form.phone.trim() || null,
    };
    try {
      const d = editing
        ? await fleetApi.updateDriver(editing.id, { version: editing.version, ...common })
        : await fleetApi.createDriver({ ...common, nationality: form.nationality.trim().toUpperCase() }, key);
      setError(null);
      setSaved(d.fullName);
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

  async function toggleActive(d: Driver) {
    try {
      await fleetApi.updateDriver(d.id, { version: d.version, active: !d.active });
      onChanged();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section data-testid="drivers">
      <h2>{t('fleet.drivers')}</h2>
      {drivers.length === 0 && <p className="muted">{t('fleet.noDrivers')}</p>}
      <ul className="cards">
        {drivers.map((d) => (
          <li key={d.id} className={`card ${d.active ? '' : 'inactive'}`} data-testid="driver-card" data-document={d.documentNumber}>
            <h3>{d.fullName}</h3>
            <p>{countryName(d.nationality, lang)} · {t(`fleet.documentType.${d.documentType}`)} <span className="mono">{d.documentNumber}</span></p>
            <p className="badges">
              <span className={`badge ${d.documentExpired ? 'bad' : ''}`} data-testid={d.documentExpired ? 'expired' : undefined}>
                {d.documentExpired ? t('fleet.documentExpired') : t('fleet.documentUntil')} {formatDate(d.documentExpiresOn, lang)}
              </span>
              {!d.active && <span className="badge">{t('fleet.inactive')}</span>}
            </p>
            {d.phone && <p className="muted">{d.phone}</p>}
            <p className="row">
              <button type="button" className="link" onClick={() => { setEditing(d); setForm(formOf(d)); setError(null); }}>{t('fleet.edit')}</button>
              <button type="button" className="link" onClick={() => void toggleActive(d)}>{d.active ? t('fleet.deactivate') : t('fleet.activate')}</button>
            </p>
          </li>
        ))}
      </ul>

      <form className="panel" onSubmit={submit} data-testid="driver-form" noValidate>
        <h3>{editing ? t('fleet.editDriver', { name: editing.fullName }) : t('fleet.addDriver')}</h3>
        <div className="grid">
          <label>{t('fleet.fullName')}
            <input {...field('fullName')} autoComplete="off" />
            <FieldErrors problems={problems} path="/fullName" />
          </label>
          <label>{t('fleet.nationality')}
            <select {...field('nationality')} disabled={!!editing}>
              {['VN', 'CN', 'LA', 'KH', 'TH'].map((c) => <option key={c} value={c}>{countryName(c, lang)}</option>)}
            </select>
            <FieldErrors problems={problems} path="/nationality" />
          </label>
          <label>{t('fleet.documentTypeLabel')}
            <select {...field('documentType')}>
              {DRIVER_DOCUMENT_TYPES.map((k) => <option key={k} value={k}>{t(`fleet.documentType.${k}`)}</option>)}
            </select>
          </label>
          <label>{t('fleet.documentNumber')}
            <input {...field('documentNumber')} autoComplete="off" />
            <FieldErrors problems={problems} path="/documentNumber" />
          </label>
          <label>{t('fleet.documentExpiresOn')}
            <input {...field('documentExpiresOn')} type="date" />
            <FieldErrors problems={problems} path="/documentExpiresOn" />
          </label>
          <label>{t('fleet.phone')}
            <input {...field('phone')} type="tel" autoComplete="off" />
            <FieldErrors problems={problems} path="/phone" />
          </label>
        </div>
        <ProblemSummary error={error} placed={(p) => /^\/(fullName|nationality|documentNumber|documentExpiresOn|phone)$/.test(p)} />
        {saved && <p role="status" className="ok">{t('fleet.driverSaved', { name: saved })}</p>}
        <p className="row">
          <button type="submit" disabled={busy}>{editing ? t('tripsCommon.save') : t('fleet.register')}</button>
          {editing && <button type="button" className="secondary" onClick={() => { setEditing(null); setForm(EMPTY); setError(null); }}>{t('common.cancel')}</button>}
        </p>
      </form>
    </section>
  );
}
