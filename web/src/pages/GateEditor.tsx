import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GATE_CLASSES, GATE_STATUSES, TRAFFIC_KINDS, type Gate } from '../../../shared/schemas/gates';
import { api } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';

export function GateEditor({ gate, onSaved }: { gate: Gate; onSaved: (g: Gate) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({
    status: gate.status,
    class: gate.class,
    plannedClass: gate.plannedClass ?? '',
    targetYear: gate.targetYear?.toString() ?? '',
    traffic: gate.traffic,
    exportPerDay: String(gate.capacity.exportPerDay),
    importPerDay: String(gate.capacity.importPerDay),
    reason: '',
  });
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setSaved(false);
    try {
      const updated = await api<Gate>('PATCH', `/api/v1/gates/${gate.id}`, {
        version: gate.version,
        reason: form.reason,
        status: form.status,
        class: form.class,
        plannedClass: form.plannedClass || null,
        targetYear: form.targetYear ? Number(form.targetYear) : null,
        traffic: form.traffic,
        capacity: { exportPerDay: Number(form.exportPerDay), importPerDay: Number(form.importPerDay) },
      });
      setError(null);
      setSaved(true);
      setForm({ ...form, reason: '' });
      onSaved(updated);
    } catch (err) {
      setError(err);
    }
  }

  const toggle = (kind: (typeof TRAFFIC_KINDS)[number]) =>
    setForm({ ...form, traffic: form.traffic.includes(kind) ? form.traffic.filter((k) => k !== kind) : [...form.traffic, kind] });

  return (
    <form className="panel" onSubmit={submit} data-testid="gate-editor">
      <h2>{t('gate.edit')}</h2>
      <div className="grid">
        <label>{t('gate.status')}
          <select value={form.status} onChange={(e) => setForm({ ...form, status: e.target.value as Gate['status'] })} name="status">
            {GATE_STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </select>
        </label>
        <label>{t('gate.class')}
          <select value={form.class} onChange={(e) => setForm({ ...form, class: e.target.value as Gate['class'] })} name="class">
            {GATE_CLASSES.map((c) => <option key={c} value={c}>{t(`class.${c}`)}</option>)}
          </select>
        </label>
        <label>{t('gate.plannedClass')}
          <select value={form.plannedClass} onChange={(e) => setForm({ ...form, plannedClass: e.target.value })} name="plannedClass">
            <option value="">—</option>
            {GATE_CLASSES.map((c) => <option key={c} value={c}>{t(`class.${c}`)}</option>)}
          </select>
        </label>
        <label>{t('gate.targetYear')}
          <input type="number" min={2000} max={2100} value={form.targetYear} onChange={(e) => setForm({ ...form, targetYear: e.target.value })} name="targetYear" />
        </label>
        <label>{t('gate.exportPerDay')}
          <input type="number" min={0} value={form.exportPerDay} onChange={(e) => setForm({ ...form, exportPerDay: e.target.value })} name="exportPerDay" />
        </label>
        <label>{t('gate.importPerDay')}
          <input type="number" min={0} value={form.importPerDay} onChange={(e) => setForm({ ...form, importPerDay: e.target.value })} name="importPerDay" />
        </label>
      </div>
      <fieldset>
        <legend>{t('gate.traffic')}</legend>
        {TRAFFIC_KINDS.map((k) => (
          <label key={k} className="inline">
            <input type="checkbox" checked={form.traffic.includes(k)} onChange={() => toggle(k)} /> {t(`traffic.${k}`)}
          </label>
        ))}
      </fieldset>
      <label>{t('gate.reason')}
        <input required minLength={3} value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} name="reason" />
      </label>
      <ErrorMessage error={error} />
      {saved && <p role="status">{t('common.saved')}</p>}
      <button type="submit">{t('common.save')}</button>
    </form>
  );
}
