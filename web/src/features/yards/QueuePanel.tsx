import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallNextResponse, CrossingDirection, QueueResponse, SyncEventType, YardLane } from '../../../../shared/schemas/yards';
import { newIdempotencyKey } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { yardsApi } from './api';
import { useNow } from './labels';
import type { LocalView } from './offline/localView';
import { queueRows } from './rows';
import { TruckRow, type TruckRowData } from './TruckRow';

/** The live queue of one direction: capacity now, "call next", called trucks, then each lane in call order. */
export function QueuePanel(props: {
  gateId: string;
  yardId: string;
  directions: CrossingDirection[];
  direction: CrossingDirection;
  onDirection: (d: CrossingDirection) => void;
  online: boolean;
  canWrite: boolean;
  queue: QueueResponse | null;
  local: LocalView;
  lanes: YardLane[];
  onStep: (row: TruckRowData, step: SyncEventType, reason?: string) => Promise<void>;
  onCalled: () => void;
}) {
  const { t, i18n } = useTranslation();
  const now = useNow(1000);
  const [called, setCalled] = useState<CallNextResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { direction, queue, online } = props;
  const rows = queueRows(direction, online, queue, props.local, props.lanes, i18n.language, props.yardId).map((r) => (props.canWrite ? r : { ...r, actions: [] }));
  const calledRows = rows.filter((r) => r.called);
  const waiting = rows.filter((r) => !r.called);
  const laneCodes = [...props.lanes].sort((a, b) => a.priority - b.priority).map((l) => l.code);
  const groups = [...laneCodes, ...new Set(waiting.map((r) => r.lane ?? '').filter((c) => !laneCodes.includes(c)))]
    .map((code) => ({ code, rows: waiting.filter((r) => (r.lane ?? '') === code) }))
    .filter((g) => g.rows.length > 0);
  const cap = online && queue?.direction === direction ? queue.capacity : null;

  async function callNext() {
    setBusy(true);
    setError(null);
    try {
      setCalled(await yardsApi.callNext({ gateId: props.gateId, direction }, newIdempotencyKey()));
      props.onCalled();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel yard-queue" data-testid="queue-panel" data-direction={direction}>
      <div className="yard-tabs" role="tablist">
        {props.directions.map((d) => (
          <button key={d} type="button" role="tab" aria-selected={d === direction} className={d === direction ? 'big' : 'big secondary'} onClick={() => props.onDirection(d)} data-testid={`direction-${d}`}>
            {t(`yard.direction.${d}`)}
          </button>
        ))}
      </div>
      {cap ? (
        <p className="yard-capacity" data-testid="capacity" data-free={cap.free}>
          {cap.open ? t('yard.capacity.open', { free: cap.free, perHour: cap.perHour, used: cap.usedThisHour, called: cap.calledNow, max: cap.maxCalledAtOnce }) : t('yard.capacity.closed')}
        </p>
      ) : (
        <p className="yard-capacity muted">{t('yard.capacity.unknownOffline')}</p>
      )}
      {online && props.canWrite && (
        <div className="row">
          <button type="button" className="big" onClick={() => void callNext()} disabled={busy || !cap?.open} data-testid="call-next">{t('yard.queue.callNext')}</button>
          {called && (
            <span role="status" data-testid="call-result">
              {called.called.length > 0 ? t('yard.queue.calledTrucks', { plates: called.called.map((c) => c.plate).join(', ') }) : t(`yard.callStop.${called.stoppedBecause}`)}
            </span>
          )}
        </div>
      )}
      {!online && props.canWrite && <p className="small muted">{t('yard.queue.offlineCalls')}</p>}
      <ErrorMessage error={error} />

      <h3>{t('yard.queue.calledTitle', { n: calledRows.length })}</h3>
      {calledRows.length === 0 ? <p className="muted">{t('yard.queue.noneCalled')}</p> : (
        <ul className="yard-list" data-testid="called-list">{calledRows.map((r) => <TruckRow key={r.key} row={r} now={now} onStep={props.onStep} />)}</ul>
      )}
      <h3>{t('yard.queue.waitingTitle', { n: waiting.length })}</h3>
      {waiting.length === 0 && <p className="muted">{t('yard.queue.empty')}</p>}
      {groups.map((g) => (
        <div key={g.code} className="yard-lane" data-lane={g.code}>
          <h4>{g.rows[0].laneName ?? t('yard.queue.noLane')} · {g.rows.length}</h4>
          <ul className="yard-list" data-testid="queued-list">{g.rows.map((r) => <TruckRow key={r.key} row={r} now={now} onStep={props.onStep} />)}</ul>
        </div>
      ))}
    </section>
  );
}
