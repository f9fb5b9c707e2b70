import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HourLimit } from '../../../../shared/schemas/capacity';
import { newIdempotencyKey } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useApi } from '../../components/useApi';
import { capacityApi, capacityUrls, type Availability, type GateCapacity } from './api';

interface Props {
  gateId: string;
  capacity: GateCapacity;
  direction: 'export' | 'import';
  date: string;
  onDate: (date: string) => void;
  canEdit: boolean;
  onSaved: () => void;
}

type Scope = 'profile' | 'date';
const toPins = (hours: HourLimit[]) => Object.fromEntries(hours.map((h) => [h.hour, String(h.capacity)])) as Record<number, string>;

/**
 * Capacity hour by hour on one date, as in force now (pinned or shared from the day), with the
 * bookings made; the authority pins hours for every day (the profile) or for this date only.
 */
export function HourlyEditor({ gateId, capacity, direction, date, onDate, canEdit, onSaved }: Props) {
  const { t } = useTranslation();
  const { data, error: loadError } = useApi<Availability>(capacityUrls.availability(gateId, date, direction));
  const override = capacity.overrides.find((o) => o.date === date && o.direction === direction) ?? null;
  const profile = capacity.profiles[direction];
  const [scope, setScope] = useState<Scope>(override ? 'date' : 'profile');
  const [pins, setPins] = useState<Record<number, string>>(() => toPins(override ? override.hours : profile));
  const [perDay, setPerDay] = useState(override?.perDay?.toString() ?? '');
  const [reason, setReason] = useState('');
  const [key, setKey] = useState(newIdempotencyKey);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const day = data?.days[0];

  function switchScope(next: Scope) {
    setScope(next);
    setPins(toPins(next === 'date' ? (override?.hours ?? []) : profile));
  }

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const hours = Object.entries(pins).filter(([, v]) => v.trim() !== '').map(([hour, v]) => ({ hour: Number(hour), capacity: Number(v) }));
      const base = { version: capacity.version, direction, hours, reason: reason.trim() };
      if (scope === 'profile') await capacityApi.setProfile(gateId, base, key);
      else await capacityApi.setDate(gateId, date, { ...base, perDay: perDay.trim() === '' ? null : Number(perDay) }, key);
      setKey(newIdempotencyKey());
      setError(null);
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const placeholder = (hour: number) => (scope === 'date' && profile.some((p) => p.hour === hour) ? String(profile.find((p) => p.hour === hour)!.capacity) : t('capacity.hours.auto'));
  return (
    <form className="panel" data-testid="hourly-capacity" onSubmit={(e) => void save(e)}>
      <h2>{t('capacity.hours.title')} · {t(`capacity.direction.${direction}`)}</h2>
      <div className="row">
        <label>{t('capacity.hours.previewDate')}
          <input type="date" name="previewDate" value={date} onChange={(e) => e.target.value && onDate(e.target.value)} data-testid="preview-date" />
        </label>
        {canEdit && (
          <fieldset className="switch" aria-label={t('capacity.hours.scope')}>
            {(['profile', 'date'] as const).map((s) => (
              <button key={s} type="button" aria-pressed={scope === s} onClick={() => switchScope(s)} data-testid={`scope-${s}`}>
                {s === 'profile' ? t('capacity.hours.scopeProfile') : t('capacity.hours.scopeDate')}
              </button>
            ))}
          </fieldset>
        )}
      </div>
      <ErrorMessage error={loadError} />
      {day && (
        <>
          {day.overridden && <p className="hint">{t('capacity.hours.overridden')}</p>}
          {day.fruitOnly && <p className="hint">{t('capacity.hours.fruitOnly')}</p>}
          {day.hours.length === 0 ? <p className="hint bad">{t('capacity.hours.closedDay')}</p> : (
            <div className="table-wrap">
              <table className="table hours-table" data-testid="hours-table">
                <thead>
                  <tr><th>{t('capacity.hours.hour')}</th><th>{t('capacity.hours.capacity')}</th><th>{t('capacity.hours.booked')}</th>{canEdit && <th>{t('capacity.hours.pinned')}</th>}</tr>
                </thead>
                <tbody>
                  {day.hours.map((h) => (
                    <tr key={h.hour} className={h.booked > h.capacity ? 'over' : ''} data-hour={h.hour}>
                      <td className="mono">{h.from}–{h.to}</td>
                      <td className="num" data-testid={`capacity-${h.hour}`}>{h.capacity}{h.pinned ? ' •' : ''}</td>
                      <td className="num">{h.booked}{h.booked > h.capacity && <span className="hint">{t('capacity.hours.over', { value: h.booked - h.capacity })}</span>}</td>
                      {canEdit && (
                        <td>
                          <input type="number" min={0} max={10000} aria-label={`${t('capacity.hours.pinned')} ${h.from}`} name={`pin-${h.hour}`}
                            placeholder={placeholder(h.hour)} value={pins[h.hour] ?? ''} onChange={(e) => setPins({ ...pins, [h.hour]: e.target.value })} />
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr><th>{t('capacity.hours.total')}</th><td className="num" data-testid="capacity-day">{day.perDay}</td><td className="num">{day.booked}</td>{canEdit && <td />}</tr>
                </tfoot>
              </table>
            </div>
          )}
        </>
      )}
      {canEdit && (
        <>
          <p className="hint">{t('capacity.hours.hint')}</p>
          {scope === 'date' && (
            <label>{t('capacity.hours.perDayOverride')}
              <input type="number" min={0} max={100000} name="perDay" value={perDay} onChange={(e) => setPerDay(e.target.value)} />
            </label>
          )}
          <div className="row">
            <label className="grow">{t('capacity.reason')}
              <input name="reason" required minLength={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
            </label>
            <button type="submit" disabled={busy || reason.trim().length < 3} data-testid="save-hours">{t('capacity.hours.save')}</button>
          </div>
          <ErrorMessage error={error} />
        </>
      )}
    </form>
  );
}
