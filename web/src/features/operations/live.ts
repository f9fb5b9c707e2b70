import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import type { BoardEvent, GateLive, OperationsBoard, PublicCongestionFeed, PublicGateLive } from './api';
import { opsUrls } from './api';

// Live data for the board and the public page: a snapshot first, then server-sent events
// (EventSource) that update the gates as trucks move, without reloading. Without EventSource, or
// when the stream keeps failing, the page polls the snapshot instead. The detailed figures (per
// hour, waits) are refreshed from the snapshot a little after events arrive.

export type Connection = 'connecting' | 'live' | 'reconnecting' | 'polling';

const POLL_MS = 15_000;
const REFRESH_AFTER_EVENTS_MS = 5_000;
const FAILURES_BEFORE_POLLING = 3;
const RECENT = 30;

function canStream(): boolean {
  return typeof window !== 'undefined' && typeof window.EventSource === 'function';
}

/** Follows a board snapshot URL and its stream; returns the board with live gate figures. */
export function useLiveBoard(scope: { gateId?: string; province?: string } | null) {
  const [board, setBoard] = useState<OperationsBoard | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [connection, setConnection] = useState<Connection>('connecting');
  const [recent, setRecent] = useState<BoardEvent[]>([]);
  const key = scope ? `${scope.gateId ?? ''}|${scope.province ?? ''}` : null;
  const lastEventId = useRef(0);

  const load = useCallback(async () => {
    if (!scope) return null;
    try {
      const snapshot = await api<OperationsBoard>('GET', opsUrls.board(scope));
      lastEventId.current = Math.max(lastEventId.current, snapshot.lastEventId);
      setBoard(snapshot);
      setError(null);
      return snapshot;
    } catch (e) {
      setError(e);
      return null;
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  useEffect(() => {
    if (!scope) return;
    let closed = false;
    let source: EventSource | null = null;
    let poll: ReturnType<typeof setInterval> | null = null;
    let refresh: ReturnType<typeof setTimeout> | null = null;
    let failures = 0;
    setRecent([]);
    lastEventId.current = 0;

    const startPolling = () => {
      source?.close();
      setConnection('polling');
      if (!poll) poll = setInterval(() => void load(), POLL_MS);
    };
    const scheduleRefresh = () => {
      if (refresh) return;
      refresh = setTimeout(() => {
        refresh = null;
        void load();
      }, REFRESH_AFTER_EVENTS_MS);
    };

    void load().then((snapshot) => {
      if (closed) return;
      if (!snapshot || !canStream()) return startPolling();
      source = new EventSource(opsUrls.stream({ ...scope, lastEventId: snapshot.lastEventId }));
      source.onopen = () => {
        failures = 0;
        setConnection('live');
      };
      source.onerror = () => {
        failures++;
        if (failures >= FAILURES_BEFORE_POLLING) startPolling();
        else setConnection('reconnecting');
      };
      source.addEventListener('gate', (e) => {
        const live = JSON.parse((e as MessageEvent<string>).data) as GateLive;
        setBoard((b) => (b ? mergeLive(b, live) : b));
      });
      source.addEventListener('domain', (e) => {
        const event = JSON.parse((e as MessageEvent<string>).data) as BoardEvent;
        lastEventId.current = Math.max(lastEventId.current, event.id);
        setRecent((r) => [event, ...r].slice(0, RECENT));
        scheduleRefresh();
      });
      source.addEventListener('reset', () => void load());
    });
    return () => {
      closed = true;
      source?.close();
      if (poll) clearInterval(poll);
      if (refresh) clearTimeout(refresh);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, load]);

  return { board, error, connection, recent, reload: load };
}

/** Replaces a gate's live figures (and the totals) with what the stream just sent. */
export function mergeLive(board: OperationsBoard, live: GateLive): OperationsBoard {
  if (!board.gates.some((g) => g.gateId === live.gateId)) return board;
  const gates = board.gates.map((g) => (g.gateId === live.gateId && live.lastEventId >= g.live.lastEventId ? { ...g, live } : g));
  const waiting = gates.reduce((s, g) => s + g.live.waiting, 0);
  return { ...board, gates, totals: { ...board.totals, waiting }, national: { ...board.national, waiting, level: nationalLevelOf(waiting, board.national.thresholds) } };
}

/** The national single window's level for a count, from the thresholds the server sent. */
export function nationalLevelOf(waiting: number, t: { yellow: number; orange: number; red: number }): GateLive['level'] {
  return waiting >= t.red ? 'red' : waiting >= t.orange ? 'orange' : waiting >= t.yellow ? 'yellow' : 'green';
}

/** The public feed, updated by the public stream (or polled). */
export function usePublicFeed() {
  const [feed, setFeed] = useState<PublicCongestionFeed | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [connection, setConnection] = useState<Connection>('connecting');

  useEffect(() => {
    let closed = false;
    let source: EventSource | null = null;
    let poll: ReturnType<typeof setInterval> | null = null;
    let failures = 0;
    const load = async () => {
      try {
        const data = await api<PublicCongestionFeed>('GET', opsUrls.feed);
        if (!closed) {
          setFeed(data);
          setError(null);
        }
      } catch (e) {
        if (!closed) setError(e);
      }
    };
    const startPolling = () => {
      source?.close();
      setConnection('polling');
      if (!poll) poll = setInterval(() => void load(), POLL_MS * 2);
    };
    void load().then(() => {
      if (closed) return;
      if (!canStream()) return startPolling();
      source = new EventSource(opsUrls.publicStream);
      source.onopen = () => {
        failures = 0;
        setConnection('live');
      };
      source.onerror = () => {
        if (++failures >= FAILURES_BEFORE_POLLING) startPolling();
        else setConnection('reconnecting');
      };
      source.addEventListener('gate', (e) => {
        const live = JSON.parse((e as MessageEvent<string>).data) as PublicGateLive;
        setFeed((f) => (f ? mergePublic(f, live) : f));
      });
    });
    return () => {
      closed = true;
      source?.close();
      if (poll) clearInterval(poll);
    };
  }, []);
  return { feed, error, connection };
}

export function mergePublic(feed: PublicCongestionFeed, live: PublicGateLive): PublicCongestionFeed {
  const gates = feed.gates.map((g) =>
    g.id === live.gateId
      ? {
          ...g,
          open: live.open,
          level: live.level,
          trucksWaiting: { total: live.waiting, export: live.waitingExport, import: live.waitingImport },
          expectedDelayMinutes: { ...g.expectedDelayMinutes, max: live.expectedDelayMinutes },
          updatedAt: live.updatedAt,
        }
      : g,
  );
  const waiting = gates.reduce((s, g) => s + g.trucksWaiting.total, 0);
  return { ...feed, gates, national: { ...feed.national, waiting, level: nationalLevelOf(waiting, feed.national.thresholds) } };
}
