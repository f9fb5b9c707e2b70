import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { yardsApi } from './api';
import { timeIn } from './labels';
import { ReasonButton } from './ReasonButton';
import { useServerList } from './useServerList';

/** Trucks flagged instead of admitted (unknown, unpaid, wrong gate, full yard…) and held trucks. */
export function FlagsPanel({ gateId, timeZone, version, canWrite, onDone }: { gateId: string; timeZone: string; version: unknown; canWrite: boolean; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const load = useCallback(() => yardsApi.flags(gateId), [gateId]);
  const { items, error, reload } = useServerList(load, version);
  const [actionError, setActionError] = useState<unknown>(null);

  async function resolve(id: string, action: 'dismiss' | 'release_hold', reason: string) {
    try {
      await yardsApi.resolveFlag(id, { action, reason });
      setActionError(null);
    } catch (e) {
      setActionError(e);
    }
    await reload();
    onDone();
  }

  if (items.length === 0 && !error && !actionError) return null;
  return (
    <section className="panel yard-flags" data-testid="flags-panel">
      <h2>{t('yard.flags.title', { n: items.length })}</h2>
      <ErrorMessage error={error ?? actionError} />
      <ul className="yard-list">
        {items.map((f) => (
          <li key={f.id} className="yard-truck flagged" data-testid="flag" data-reason={f.reason} data-plate={f.plate ?? ''}>
            <div className="yard-truck-head">
              <span className="plate big-plate">{f.plate ?? '—'}</span>
              {f.tripReference && <span className="reference small">{f.tripReference}</span>}
            </div>
            <p><strong>{t(`yard.flagReason.${f.reason}`)}</strong></p>
            <p className="small muted">{t('yard.flags.raised', { source: t(`yard.source.${f.source}`), at: timeIn(f.raisedAt, timeZone, i18n.language) })}</p>
            {canWrite && (
              <div className="row">
                {f.reason === 'repeated_drop_back' && <ReasonButton label={t('yard.flags.release')} testId="flag-release" onSubmit={(reason) => resolve(f.id, 'release_hold', reason)} />}
                <ReasonButton label={t('yard.flags.dismiss')} secondary testId="flag-dismiss" onSubmit={(reason) => resolve(f.id, 'dismiss', reason)} />
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
