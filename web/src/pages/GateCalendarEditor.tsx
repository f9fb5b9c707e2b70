import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SPECIAL_DAY_KINDS, type Gate, type SpecialDay, type WeeklyHours } from '../../../shared/schemas/gates';
import { api } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';

export function GateCalendarEditor({ gate, onSaved }: { gate: Gate; onSaved: (g: Gate) => void }) {
  const { t } = useTranslation();
  const [hours, setHours] = useState<WeeklyHours[]>(gate.weeklyHours);
  const [days, setDays] = useState<SpecialDay[]>(gate.specialDays);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  const setHour = (i: number, patch: Partial<WeeklyHours>) => setHours(hours.map((h, j) => (j === i ? { ...h, ...patch } : h)));
  const setDay = (i: number, patch: Partial<SpecialDay>) => setDays(days.map((d, j) => (j === i ? { ...d, ...patch } : d)));

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setSaved(false);
    try {
      const specialDays = days.map((d) => {
        const withHours = d.kind === 'special_hours' || d.kind === 'extended_hours';
        return { ...d, opens: withHours ? d.opens : null, closes: withHours ? d.closes : null };
      });
      const updated = await api<Gate>('PUT', `/api/v1/gates/${gate.id}/calendar`, { version: gate.version, reason, weeklyHours: hours, specialDays });
      setError(null);
      setSaved(true);
      setReason('');
      onSaved(updated);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <form className="panel" onSubmit={submit} data-testid="calendar-editor">
      <h2>{t('gate.editCalendar')}</h2>
      <h3>{t('gate.weeklyHours')}</h3>
      {hours.map((h, i) => (
        <div className="row" key={i}>
          <select value={h.weekday} onChange={(e) => setHour(i, { weekday: Number(e.target.value) })} aria-label={t('gate.date')}>
            {[1, 2, 3, 4, 5, 6, 7].map((d) => <option key={d} value={d}>{t(`weekday.${d}`)}</option>)}
          </select>
          <input type="time" value={h.opens} onChange={(e) => setHour(i, { opens: e.target.value })} aria-label={t('gate.opens')} />
          <input type="time" value={h.closes} onChange={(e) => setHour(i, { closes: e.target.value })} aria-label={t('gate.closes')} />
          <button type="button" className="link" onClick={() => setHours(hours.filter((_, j) => j !== i))}>{t('gate.remove')}</button>
        </div>
      ))}
      <button type="button" onClick={() => setHours([...hours, { weekday: 1, opens: '07:00', closes: '19:00' }])}>{t('gate.addInterval')}</button>
      <h3>{t('gate.specialDays')}</h3>
      {days.map((d, i) => (
        <div className="row" key={i} data-testid="special-day-row">
          <input type="date" value={d.date} onChange={(e) => setDay(i, { date: e.target.value })} aria-label={t('gate.date')} name="specialDate" />
          <select value={d.kind} onChange={(e) => setDay(i, { kind: e.target.value as SpecialDay['kind'] })} aria-label={t('gate.kind')} name="specialKind">
            {SPECIAL_DAY_KINDS.map((k) => <option key={k} value={k}>{t(`specialKind.${k}`)}</option>)}
          </select>
          {(d.kind === 'special_hours' || d.kind === 'extended_hours') && (
            <>
              <input type="time" value={d.opens ?? ''} onChange={(e) => setDay(i, { opens: e.target.value })} aria-label={t('gate.opens')} />
              <input type="time" value={d.closes ?? ''} onChange={(e) => setDay(i, { closes: e.target.value })} aria-label={t('gate.closes')} />
            </>
          )}
          <input value={d.nameVi} onChange={(e) => setDay(i, { nameVi: e.target.value })} aria-label={t('gate.name')} placeholder={t('gate.name')} name="specialName" />
          <button type="button" className="link" onClick={() => setDays(days.filter((_, j) => j !== i))}>{t('gate.remove')}</button>
        </div>
      ))}
      <button type="button" onClick={() => setDays([...days, { date: '', kind: 'closed', nameVi: '' }])} data-testid="add-special-day">{t('gate.addSpecialDay')}</button>
      <label>{t('gate.reason')}
        <input required minLength={3} value={reason} onChange={(e) => setReason(e.target.value)} name="calendarReason" />
      </label>
      <ErrorMessage error={error} />
      {saved && <p role="status">{t('common.saved')}</p>}
      <button type="submit">{t('common.save')}</button>
    </form>
  );
}
