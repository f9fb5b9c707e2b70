import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorMessage } from '../../components/ErrorMessage';
import { capacityApi, type Gate } from './api';

/** Day capacity per direction: the gate's own figures (PATCH on the gate, versioned with it). */
export function DayCapacityEditor({ gate, canEdit, onSaved }: { gate: Gate; canEdit: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ exportPerDay: String(gate.capacity.exportPerDay), importPerDay: String(gate.capacity.importPerDay), reason: '' });
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setSaved(false);
    try {
      await capacityApi.setDayCapacity(gate, Number(form.exportPerDay), Number(form.importPerDay), form.reason.trim());
      setError(null);
      setSaved(true);
      setForm({ ...form, reason: '' });
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel" data-testid="day-capacity" onSubmit={(e) => void save(e)}>
      <h2>{t('capacity.day.title')}</h2>
      <p className="muted">{t('capacity.day.hint')}</p>
      <div className="day-capacity">
        {(['export', 'import'] as const).map((d) => {
          const key = d === 'export' ? 'exportPerDay' : 'importPerDay';
          return canEdit ? (
            <label key={d}>{t(`capacity.direction.${d}`)}
              <input type="number" min={0} max={100000} required name={key} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
            </label>
          ) : (
            <p key={d}><strong>{t(`capacity.direction.${d}`)}</strong><br />{t('capacity.day.perDay', { value: gate.capacity[key] })}</p>
          );
        })}
      </div>
      {canEdit && (
        <div className="row">
          <label className="grow">{t('capacity.reason')}
            <input name="reason" required minLength={3} maxLength={1000} value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} />
          </label>
          <button type="submit" disabled={busy || form.reason.trim().length < 3} data-testid="save-day-capacity">{t('capacity.day.save')}</button>
          {saved && <span role="status" className="ok">{t('capacity.saved')}</span>}
        </div>
      )}
      <ErrorMessage error={error} />
      <p className="hint">{t('capacity.day.calendar')} <Link to={`/gates/${gate.id}`}>{t('capacity.day.openCalendar')}</Link></p>
    </form>
  );
}
