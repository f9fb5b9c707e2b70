import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDate } from '../../components/format';
import { capacityApi, type GateCapacity } from './api';

/** Dates that have their own capacity in this direction, today and later. */
export function OverridesList({ capacity, direction, canEdit, onView, onSaved }: {
  capacity: GateCapacity;
  direction: 'export' | 'import';
  canEdit: boolean;
  onView: (date: string) => void;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const list = capacity.overrides.filter((o) => o.direction === direction);

  async function remove(date: string) {
    try {
      await capacityApi.setDate(capacity.gateId, date, { version: capacity.version, direction, perDay: null, hours: [], reason: `${t('capacity.overrides.removeReason')} ${date}` }, newIdempotencyKey());
      setError(null);
      onSaved();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="panel" data-testid="capacity-overrides">
      <h2>{t('capacity.overrides.title')}</h2>
      {list.length === 0 ? <p className="muted">{t('capacity.overrides.none')}</p> : (
        <ul className="plain">
          {list.map((o) => (
            <li key={o.date} data-date={o.date}>
              <strong>{formatDate(o.date, i18n.language)}</strong>
              {o.perDay !== null && <> · {t('capacity.overrides.perDay')}: {o.perDay}</>}
              {o.hours.length > 0 && <> · {t('capacity.overrides.hours')}: {o.hours.map((h) => `${String(h.hour).padStart(2, '0')}h=${h.capacity}`).join(', ')}</>}
              <span className="muted"> · {o.reason}</span>{' '}
              <button type="button" className="link" onClick={() => onView(o.date)}>{t('capacity.overrides.view')}</button>
              {canEdit && <> · <button type="button" className="link" onClick={() => void remove(o.date)}>{t('capacity.overrides.remove')}</button></>}
            </li>
          ))}
        </ul>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
