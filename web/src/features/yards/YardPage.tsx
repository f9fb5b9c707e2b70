import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { CrossingDirection, SyncEventType } from '../../../../shared/schemas/yards';
import { ErrorMessage } from '../../components/ErrorMessage';
import { AtGatePanel } from './AtGatePanel';
import { CheckInPanel } from './CheckInPanel';
import { ConflictsPanel } from './ConflictsPanel';
import { FeedbackView } from './FeedbackView';
import { FlagsPanel } from './FlagsPanel';
import { localName } from './labels';
import { linkManifest, registerYardServiceWorker } from './offline/serviceWorker';
import { QueuePanel } from './QueuePanel';
import { ReadingsPanel } from './ReadingsPanel';
import { StatusBar } from './StatusBar';
import type { TruckRowData } from './TruckRow';
import { useOperator } from './useOperator';
import { useYardData } from './useYardData';
import { recordStep, type Feedback, type YardScope } from './yardActions';
import { LAST_YARD_KEY } from './YardChooser';

/**
 * The yard operator's page (/yards/:gateId/:yardId), made for a tablet or phone at the yard gate:
 * check-in, the live queue with call-forward, trucks on their way across, and what needs an
 * operator (unsure plate readings, flagged trucks, offline conflicts). Works offline: see offline/.
 */
export function YardPage() {
  const { gateId = '', yardId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { me, loading } = useOperator();
  const [direction, setDirection] = useState<CrossingDirection | null>(null);
  const [offlineReady, setOfflineReady] = useState(false);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const data = useYardData(yardId, direction, gateId);
  const snapshot = data.snapshot;
  const directions = useMemo(() => snapshot?.yard.directions ?? [], [snapshot]);
  const online = data.connection === 'online';
  const canWrite = !!me?.permissions.includes('yards:write');
  const timeZone = snapshot?.gate.timeZone ?? data.queue?.timeZone ?? 'Asia/Ho_Chi_Minh';
  const lanes = data.queue?.lanes ?? snapshot?.rules.lanes ?? [];

  useEffect(() => {
    localStorage.setItem(LAST_YARD_KEY, `${gateId}/${yardId}`);
    const unlink = linkManifest();
    void registerYardServiceWorker().then(async (reg) => {
      if (!reg) return;
      await navigator.serviceWorker.ready;
      setOfflineReady(true);
    });
    return unlink;
  }, [gateId, yardId]);

  useEffect(() => {
    if (directions.length === 0) return;
    const remembered = localStorage.getItem(`cks.yard.${yardId}.direction`) as CrossingDirection | null;
    setDirection((d) => (d && directions.includes(d) ? d : remembered && directions.includes(remembered) ? remembered : directions[0]));
  }, [directions, yardId]);

  const chooseDirection = (d: CrossingDirection) => {
    localStorage.setItem(`cks.yard.${yardId}.direction`, d);
    setDirection(d);
  };

  const scope: YardScope = { gateId, yardId, online, snapshot, local: data.local, markOffline: data.markOffline };
  const { refreshQueue, refreshSnapshot } = data;
  const refresh = useCallback(() => {
    void refreshQueue();
    void refreshSnapshot();
  }, [refreshQueue, refreshSnapshot]);

  const onStep = async (row: TruckRowData, step: SyncEventType, reason?: string) => {
    setFeedback(await recordStep(scope, row, step, reason));
    refresh();
  };

  if (loading) return <p>{t('common.loading')}</p>;
  if (!me) return <p className="panel">{t('yard.signInFirst')} <Link to="/login">{t('yard.status.signIn')}</Link></p>;
  if (!me.permissions.includes('yards:read')) return <p className="alert">{t('yard.noRight')}</p>;

  const liveYard = data.queue?.yards.find((y) => y.id === yardId);
  const occupancy = liveYard ?? (snapshot ? { occupancy: snapshot.yard.occupancy, capacity: snapshot.yard.capacity } : null);
  const counts = data.queue?.counts;
  const version = `${data.tick > 0 ? 1 : 0}:${counts?.openFlags}:${counts?.pendingReadings}:${counts?.openConflicts}:${Math.floor(data.tick / 8)}`;

  return (
    <article className="yard-page" data-testid="yard-page" data-gate={gateId} data-yard={yardId}>
      <header className="yard-header">
        <h1>
          {snapshot ? `${localName(snapshot.gate, lang)} · ${localName(snapshot.yard, lang)}` : yardId}
        </h1>
        {occupancy && <p className="yard-occupancy" data-testid="occupancy">{t('yard.occupancy', { n: occupancy.occupancy, capacity: occupancy.capacity })}</p>}
        <Link to="/yard?choose=1" className="small">{t('yard.chooser.change')}</Link>
      </header>
      <StatusBar connection={data.connection} sync={data.sync} pending={data.outbox.length} snapshotSavedAt={data.snapshotSavedAt} offlineReady={offlineReady} timeZone={timeZone} />
      <ErrorMessage error={data.snapshotError ?? data.queueError} />
      {!snapshot && !online && <p className="alert">{t('yard.noOfflineData')}</p>}

      <div className="yard-grid">
        <div className="yard-col">
          {canWrite && <CheckInPanel scope={scope} lanes={lanes} onDone={refresh} />}
          {online && <ReadingsPanel gateId={gateId} timeZone={timeZone} version={version} canWrite={canWrite} onDone={refresh} />}
          {online && <FlagsPanel gateId={gateId} timeZone={timeZone} version={version} canWrite={canWrite} onDone={refresh} />}
          <ConflictsPanel gateId={gateId} timeZone={timeZone} version={version} online={online} canWrite={canWrite} rejected={data.rejected} synced={data.synced} onDone={refresh} />
        </div>
        <div className="yard-col">
          <FeedbackView feedback={feedback} />
          {direction && (
            <QueuePanel gateId={gateId} yardId={yardId} directions={directions} direction={direction} onDirection={chooseDirection} online={online} canWrite={canWrite}
              queue={data.queue} local={data.local} lanes={lanes} onStep={onStep} onCalled={refresh} />
          )}
          <AtGatePanel local={data.local} lanes={lanes} directions={directions} canWrite={canWrite} onStep={onStep} />
        </div>
      </div>
    </article>
  );
}
