import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { timeIn } from './labels';
import { syncNow, type SyncState } from './offline/sync';
import type { Connection } from './useYardData';

/** Online / offline / synchronising, how many records wait, and how old the offline data is. */
export function StatusBar({ connection, sync, pending, snapshotSavedAt, offlineReady, timeZone }: { connection: Connection; sync: SyncState | null; pending: number; snapshotSavedAt: string | null; offlineReady: boolean; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const phase = connection === 'online' && pending > 0 ? sync?.phase ?? 'idle' : null;
  const state = connection !== 'online' ? connection : phase === 'syncing' ? 'syncing' : sync?.phase === 'signin' ? 'signin' : 'online';
  return (
    <div className={`yard-status status-${state}`} role="status" aria-live="polite" data-testid="connection" data-state={state} data-pending={pending}>
      <strong>{t(`yard.status.${state}`)}</strong>
      <span data-testid="pending-count">{pending > 0 ? t('yard.status.pending', { n: pending }) : t('yard.status.allSynced')}</span>
      {snapshotSavedAt && <span className="small">{t('yard.status.snapshot', { at: timeIn(snapshotSavedAt, timeZone, i18n.language) })}</span>}
      <span className="small">{offlineReady ? t('yard.status.offlineReady') : t('yard.status.offlineNotReady')}</span>
      {state === 'signin' && <Link to="/login">{t('yard.status.signIn')}</Link>}
      {pending > 0 && connection === 'online' && <button type="button" className="secondary" onClick={() => void syncNow()} data-testid="sync-now">{t('yard.status.syncNow')}</button>}
    </div>
  );
}
