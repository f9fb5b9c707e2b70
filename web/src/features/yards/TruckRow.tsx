import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClearanceStatus } from '../../../../shared/workflows/trip';
import type { QueueBand, SyncEventType } from '../../../../shared/schemas/yards';
import { countdown, durationParts, minutesBetween } from './labels';

// One truck in the operator's lists: who it is, how long it has waited, its clearance, the
// countdown of a called truck before it drops back, steps not yet synchronised, and the steps
// the operator may record now (big buttons; check-out asks for a reason).

export interface TruckRowData {
  key: string;
  /** The yard the truck waits in, when not the operator's own. */
  otherYard: string | null;
  tripId: string | null;
  reference: string | null;
  plate: string;
  lane: string | null;
  laneName: string | null;
  status: string;
  called: boolean;
  position: number | null;
  arrivedAt: string | null;
  callDeadline: string | null;
  clearanceStatus: ClearanceStatus | null;
  band: QueueBand | null;
  held: boolean;
  dropBacks: number;
  enterpriseName: string | null;
  pending: SyncEventType[];
  doubtful: boolean;
  actions: SyncEventType[];
}

export function Waiting({ minutes }: { minutes: number }) {
  const { t } = useTranslation();
  const { h, m } = durationParts(minutes);
  return <>{h > 0 ? t('yard.duration.hm', { h, m }) : t('yard.duration.m', { m })}</>;
}

export function TruckRow({ row, now, onStep }: { row: TruckRowData; now: number; onStep: (row: TruckRowData, step: SyncEventType, reason?: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<SyncEventType | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const left = row.callDeadline ? countdown(row.callDeadline, now) : null;

  async function act(step: SyncEventType, why?: string) {
    setBusy(true);
    try {
      await onStep(row, step, why);
      setAsking(null);
      setReason('');
    } finally {
      setBusy(false);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (asking) void act(asking, reason.trim());
  }

  return (
    <li className={`yard-truck${row.called ? ' called' : ''}${row.pending.length ? ' unsynced' : ''}`} data-testid="yard-truck" data-reference={row.reference ?? ''} data-plate={row.plate} data-status={row.status} data-unsynced={row.pending.length > 0}>
      <div className="yard-truck-head">
        {row.position != null && <span className="yard-pos" aria-label={t('yard.queue.position')}>{row.position}</span>}
        <span className="plate big-plate">{row.plate}</span>
        {row.reference && <span className="reference small">{row.reference}</span>}
      </div>
      <div className="badges">
        {row.otherYard && <span className="badge" data-testid="other-yard">{row.otherYard}</span>}
        {row.laneName && <span className="badge">{row.laneName}</span>}
        {row.band && <span className={`badge band-${row.band}`}>{t(`yard.band.${row.band}`)}</span>}
        {row.clearanceStatus && <span className={`badge clearance-${row.clearanceStatus}`} data-testid="clearance">{t(`yard.clearance.${row.clearanceStatus}`)}</span>}
        {row.held && <span className="badge bad">{t('yard.queue.held')}</span>}
        {row.dropBacks > 0 && <span className="badge">{t('yard.queue.dropBacks', { n: row.dropBacks })}</span>}
        {row.pending.length > 0 && (
          <span className="badge unsynced-badge" data-testid="unsynced">
            {t('yard.sync.unsynced')}: {row.pending.map((s) => t(`yard.step.${s}`)).join(', ')}
          </span>
        )}
        {row.doubtful && <span className="badge bad">{t('yard.sync.doubtful')}</span>}
      </div>
      <p className="small muted">
        {row.enterpriseName}
        {row.enterpriseName && row.arrivedAt && ' · '}
        {row.arrivedAt && <>{t('yard.queue.waiting')} <Waiting minutes={minutesBetween(row.arrivedAt, now)} /></>}
      </p>
      {left && (
        <p className={`yard-countdown${left.overdue ? ' overdue' : ''}`} data-testid="countdown">
          {t(left.overdue ? 'yard.queue.overdue' : 'yard.queue.leaveWithin', { time: left.text })}
        </p>
      )}
      {row.actions.length > 0 && (
        <div className="row yard-actions">
          {row.actions.map((step) => (
            <button key={step} type="button" className={`big${step === 'check_out' ? ' secondary' : ''}`} disabled={busy} data-action={step}
              onClick={() => (step === 'check_out' ? setAsking(step) : void act(step))}>
              {t(`yard.action.${step}`)}
            </button>
          ))}
        </div>
      )}
      {asking && (
        <form className="row" onSubmit={submit}>
          <input value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} placeholder={t('yard.action.reasonFor', { step: t(`yard.action.${asking}`) })} aria-label={t('yard.checkIn.reason')} />
          <button type="submit" disabled={busy || reason.trim().length < 3} data-testid="confirm-step">{t('yard.action.confirm')}</button>
          <button type="button" className="link" onClick={() => setAsking(null)}>{t('yard.action.cancel')}</button>
        </form>
      )}
    </li>
  );
}
