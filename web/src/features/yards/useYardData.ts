import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CrossingDirection, QueueResponse, YardSnapshot } from '../../../../shared/schemas/yards';
import { ApiError } from '../../api/client';
import { yardsApi } from './api';
import { localView, type LocalView } from './offline/localView';
import type { OutboxEvent } from './offline/outbox';
import { loadSnapshot, onStoreChange, outbox as readOutbox, recentlySynced, rejected as readRejected, saveSnapshot, type RejectedEvent } from './offline/store';
import { isNetworkError, startSync, syncNow, type SyncState } from './offline/sync';
import type { SyncedRecord } from './offline/outbox';

// Everything the yard page shows, kept live: the gate's queue (polled every few seconds while the
// server answers), the yard's snapshot (kept in IndexedDB for offline work), the outbox and the
// state of synchronisation. The connection is judged by the polls themselves, not only by
// navigator.onLine (a Wi-Fi without internet reports "online").

export const QUEUE_POLL_MS = 2500;
const SNAPSHOT_REFRESH_MS = 30_000;

export type Connection = 'online' | 'offline' | 'signin';

export interface YardData {
  connection: Connection;
  snapshot: YardSnapshot | null;
  snapshotSavedAt: string | null;
  queue: QueueResponse | null;
  queueError: unknown;
  snapshotError: unknown;
  outbox: OutboxEvent[];
  rejected: RejectedEvent[];
  synced: Array<SyncedRecord & { syncedAt: string }>;
  sync: SyncState | null;
  local: LocalView;
  /** Bumped after each successful poll, so side panels reload when the counts change. */
  tick: number;
  refreshQueue: () => Promise<void>;
  refreshSnapshot: () => Promise<void>;
  /** Call when a request failed for lack of network. */
  markOffline: () => void;
}

export function useYardData(yardId: string, direction: CrossingDirection | null, gateId: string): YardData {
  const [connection, setConnection] = useState<Connection>(typeof navigator !== 'undefined' && navigator.onLine === false ? 'offline' : 'online');
  const [snapshot, setSnapshot] = useState<{ savedAt: string; snapshot: YardSnapshot } | null>(null);
  const [queue, setQueue] = useState<QueueResponse | null>(null);
  const [queueError, setQueueError] = useState<unknown>(null);
  const [snapshotError, setSnapshotError] = useState<unknown>(null);
  const [outbox, setOutbox] = useState<OutboxEvent[]>([]);
  const [rejected, setRejected] = useState<RejectedEvent[]>([]);
  const [synced, setSynced] = useState<Array<SyncedRecord & { syncedAt: string }>>([]);
  const [sync, setSync] = useState<SyncState | null>(null);
  const [tick, setTick] = useState(0);
  const connectionRef = useRef(connection);
  connectionRef.current = connection;

  const noteFailure = useCallback((error: unknown) => {
    if (error instanceof ApiError && error.problem.status === 401) setConnection('signin');
    else if (isNetworkError(error)) setConnection('offline');
  }, []);

  const reloadLocal = useCallback(async () => {
    const [o, r, s, snap] = await Promise.all([readOutbox(), readRejected(), recentlySynced(), loadSnapshot(yardId)]);
    setOutbox(o);
    setRejected(r);
    setSynced(s);
    if (snap) setSnapshot(snap);
  }, [yardId]);

  const refreshSnapshot = useCallback(async () => {
    try {
      const fresh = await yardsApi.snapshot(yardId);
      await saveSnapshot(fresh);
      setSnapshot({ savedAt: new Date().toISOString(), snapshot: fresh });
      setSnapshotError(null);
    } catch (error) {
      noteFailure(error);
      if (!isNetworkError(error)) setSnapshotError(error);
    }
  }, [yardId, noteFailure]);

  const refreshQueue = useCallback(async () => {
    if (!direction) return;
    try {
      const q = await yardsApi.queue(gateId, direction);
      setQueue(q);
      setQueueError(null);
      if (connectionRef.current !== 'online') {
        setConnection('online');
        void syncNow();
        void refreshSnapshot();
      }
      setTick((n) => n + 1);
    } catch (error) {
      noteFailure(error);
      if (!isNetworkError(error)) setQueueError(error);
    }
  }, [gateId, direction, noteFailure, refreshSnapshot]);

  useEffect(() => {
    setQueue(null);
    void reloadLocal();
    return onStoreChange(() => void reloadLocal());
  }, [reloadLocal, direction]);

  useEffect(() => startSync(setSync), []);

  useEffect(() => {
    void refreshSnapshot();
    const timer = setInterval(() => {
      if (connectionRef.current === 'online') void refreshSnapshot();
    }, SNAPSHOT_REFRESH_MS);
    return () => clearInterval(timer);
  }, [refreshSnapshot]);

  useEffect(() => {
    void refreshQueue();
    const timer = setInterval(() => void refreshQueue(), QUEUE_POLL_MS);
    const goOffline = () => setConnection('offline');
    const goOnline = () => void refreshQueue();
    window.addEventListener('offline', goOffline);
    window.addEventListener('online', goOnline);
    return () => {
      clearInterval(timer);
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
    };
  }, [refreshQueue]);

  const local = useMemo(() => localView(snapshot?.snapshot ?? null, outbox), [snapshot, outbox]);
  const markOffline = useCallback(() => setConnection('offline'), []);

  return {
    connection, snapshot: snapshot?.snapshot ?? null, snapshotSavedAt: snapshot?.savedAt ?? null, queue, queueError, snapshotError, outbox, rejected, synced, sync, local, tick,
    refreshQueue, refreshSnapshot, markOffline,
  };
}
