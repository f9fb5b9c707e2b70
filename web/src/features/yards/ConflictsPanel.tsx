import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { yardsApi } from './api';
import { timeIn } from './labels';
import type { SyncedRecord } from './offline/outbox';
import { dropRejected, type RejectedEvent } from './offline/store';
import { ReasonButton } from './ReasonButton';
import { useServerList } from './useServerList';

/**
 * After offline work: conflicts the server keeps for an operator (the same truck recorded twice,
 * a step that no longer fits…), each with the device's record beside the server's, to accept or
 * discard; events the server refused outright; and what was synchronised lately.
 */
export function ConflictsPanel(props: { gateId: string; timeZone: string; version: unknown; online: boolean; canWrite: boolean; rejected: RejectedEvent[]; synced: Array<SyncedRecord & { syncedAt: string }>; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const load = useCallback(() => yardsApi.conflicts(props.gateId), [props.gateId]);
  const { items, error, reload } = useServerList(props.online ? load : null, props.version);
  const [actionError, setActionError] = useState<unknown>(null);
  const at = (iso: string) => timeIn(iso, props.timeZone, lang);

  async function resolve(id: string, action: 'accept' | 'discard', reason: string) {
    try {
      await yardsApi.resolveConflict(id, { action, reason });
      setActionError(null);
    } catch (e) {
      setActionError(e);
    }
    await reload();
    props.onDone();
  }

  if (items.length === 0 && props.rejected.length === 0 && props.synced.length === 0) return null;
  return (
    <section className="panel" data-testid="conflicts-panel">
      <h2>{t('yard.conflicts.title', { n: items.length + props.rejected.length })}</h2>
      <ErrorMessage error={(props.online && error) || actionError} />
      <ul className="yard-list">
        {items.map((c) => (
          <li key={c.id} className="yard-truck flagged" data-testid="conflict" data-reason={c.reason} data-type={c.type}>
            <div className="yard-truck-head">
              <span className="plate big-plate">{c.device.plate ?? c.tripReference ?? c.device.tripReference ?? '—'}</span>
              <span className="badge bad">{t(`yard.conflictReason.${c.reason}`)}</span>
            </div>
            <p>{t('yard.conflicts.device', { step: t(`yard.step.${c.type}`), at: at(c.device.occurredAt), device: c.deviceId, by: c.device.recordedBy })}</p>
            {typeof c.server.tripStatus === 'string' && <p className="small muted">{t('yard.conflicts.server', { status: t(`trips.status.${c.server.tripStatus}`, { defaultValue: c.server.tripStatus }) })}</p>}
            {props.canWrite && (
              <div className="row">
                <ReasonButton label={t('yard.conflicts.accept')} testId="conflict-accept" onSubmit={(reason) => resolve(c.id, 'accept', reason)} />
                <ReasonButton label={t('yard.conflicts.discard')} secondary testId="conflict-discard" onSubmit={(reason) => resolve(c.id, 'discard', reason)} />
              </div>
            )}
          </li>
        ))}
        {props.rejected.map((r) => (
          <li key={r.event.clientEventId} className="yard-truck flagged" data-testid="rejected-event">
            <div className="yard-truck-head">
              <span className="plate big-plate">{r.event.plate ?? r.event.tripReference}</span>
              <span className="badge bad">{t('yard.conflicts.refused')}</span>
            </div>
            <p>{t('yard.conflicts.device', { step: t(`yard.step.${r.event.type}`), at: at(r.event.occurredAt), device: r.event.deviceId, by: '' })}</p>
            <p className="small">{t(`errors.${r.code}`, { defaultValue: r.message })}</p>
            <button type="button" className="secondary" onClick={() => void dropRejected(r.event.clientEventId)}>{t('yard.conflicts.forget')}</button>
          </li>
        ))}
      </ul>
      {props.synced.length > 0 && (
        <details data-testid="synced-list">
          <summary>{t('yard.conflicts.synced', { n: props.synced.length })}</summary>
          <ul className="plain small">
            {props.synced.slice(0, 50).map((s) => (
              <li key={s.clientEventId} data-outcome={s.outcome}>
                {at(s.occurredAt)} · {s.truck} · {t(`yard.step.${s.type}`)} · {t(`yard.syncOutcome.${s.outcome}`)}
                {s.conflictReason && <> ({t(`yard.conflictReason.${s.conflictReason}`)})</>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
