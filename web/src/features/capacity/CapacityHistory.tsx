import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatInstant } from '../../components/format';
import { useApi } from '../../components/useApi';
import { capacityUrls, type CapacityChange } from './api';

/** Short text of a settings snapshot: day capacity, fixed hours. */
function describe(value: unknown): string {
  if (value === null || value === undefined) return '—';
  const v = value as { perDay?: number | null; hours?: Array<{ hour: number; capacity: number }>; exportPerDay?: number; importPerDay?: number };
  const parts: string[] = [];
  if (v.exportPerDay !== undefined) parts.push(`⇡${v.exportPerDay} ⇣${v.importPerDay}`);
  if (v.perDay !== undefined && v.perDay !== null) parts.push(`Σ${v.perDay}`);
  if (v.hours) parts.push(v.hours.length ? v.hours.map((h) => `${String(h.hour).padStart(2, '0')}h=${h.capacity}`).join(', ') : '∅');
  return parts.join(' · ') || '—';
}

/** Who changed the capacity, when and why (staff). */
export function CapacityHistory({ gateId, timeZone }: { gateId: string; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const { data, error } = useApi<{ items: CapacityChange[] }>(capacityUrls.history(gateId));
  return (
    <section className="panel" data-testid="capacity-history">
      <h2>{t('capacity.history.title')}</h2>
      <ErrorMessage error={error} />
      {data && (
        <div className="table-wrap">
          <table className="table">
            <thead><tr><th>{t('capacity.history.at')}</th><th>{t('capacity.history.by')}</th><th>{t('capacity.history.what')}</th><th>{t('capacity.history.reason')}</th></tr></thead>
            <tbody>
              {data.items.map((c, i) => (
                <tr key={i}>
                  <td>{formatInstant(c.at, i18n.language, timeZone)}</td>
                  <td>{c.by}</td>
                  <td>
                    {t(`capacity.history.scope.${c.scope}`, { date: c.date })}{c.direction && <> · {t(`capacity.direction.${c.direction}`)}</>}
                    <br /><span className="muted">{describe(c.before)} → {describe(c.after)}</span>
                  </td>
                  <td>{c.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
