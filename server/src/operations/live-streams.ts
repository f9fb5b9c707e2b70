import type { ServerResponse } from 'node:http';
import type { GateLive } from '../../../shared/schemas/operations';
import { listGateRows } from '../gates/gates.repository';
import type { AppServices } from '../platform/context';
import { eventsAfter, type EventHub, type HubEvent } from './event-hub';
import { isMonitored } from './gate-status';
import { gateLives, toPublicLive } from './live';

// Server-sent event streams of one server process. Each open board or public page is a small
// record (its response and the gates it follows); the hub's events are written to the streams
// of their gate at once (`domain`), and each touched gate's live status is computed once and
// written to every stream that follows it (`gate`). One timer sends heartbeats to all.

export interface StreamClient {
  res: ServerResponse;
  kind: 'board' | 'public';
  /** Gates followed; null = every gate (public page, administrators' overview). */
  gateIds: ReadonlySet<string> | null;
  /** Whether domain events may carry plates (actors who read trips). */
  showPlates: boolean;
  /** Events with an id up to this were already sent (replay), so the live path skips them. */
  sentUpTo: number;
  ready: boolean;
  backlog: HubEvent[];
}

const MAX_BUFFERED_BYTES = 1_000_000;
const LIVE_THROTTLE_MS = 250;
const REPLAY_LIMIT = 1000;
const SHARED_FOR_MS = 1000;
// Payload fields a board may show; anything else (enterprise ids, free texts) stays on the server.
const BOARD_FIELDS = ['yardId', 'lane', 'source', 'reason', 'agency', 'outcome', 'channel', 'level', 'previousLevel', 'date', 'hour', 'expectedWaitMinutes', 'waiting'];

export class LiveStreams {
  readonly clients = new Set<StreamClient>();
  #heartbeat: NodeJS.Timeout;
  #unsubscribe: () => void;
  #pending = new Set<string>();
  #timer: NodeJS.Timeout | null = null;
  #computing: Promise<void> | null = null;
  readonly latest = new Map<string, GateLive>();
  #shared: Promise<GateLive[]> | null = null;
  #sharedAt = 0;

  constructor(
    private readonly services: AppServices,
    private readonly hub: EventHub,
    heartbeatSeconds: number,
  ) {
    this.#unsubscribe = hub.subscribe({}, (events) => this.#onEvents(events));
    this.#heartbeat = setInterval(() => this.#broadcastRaw(': ping\n\n', () => true), heartbeatSeconds * 1000);
    this.#heartbeat.unref();
  }

  close(): void {
    clearInterval(this.#heartbeat);
    if (this.#timer) clearTimeout(this.#timer);
    this.#unsubscribe();
    for (const c of this.clients) c.res.end();
    this.clients.clear();
  }

  /** Opens a stream on a hijacked response; replays events after `lastEventId` first (board only). */
  async open(client: Omit<StreamClient, 'sentUpTo' | 'ready' | 'backlog'>, lastEventId: number | null): Promise<void> {
    const c: StreamClient = { ...client, sentUpTo: 0, ready: false, backlog: [] };
    c.res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
    });
    c.res.write('retry: 3000\n\n');
    this.clients.add(c);
    c.res.on('close', () => this.clients.delete(c));
    let sent = new Map<string, string>();
    try {
      if (c.kind === 'board' && lastEventId !== null) {
        const missed = await eventsAfter(this.services, lastEventId, c.gateIds ? [...c.gateIds] : null, REPLAY_LIMIT + 1);
        if (missed.length > REPLAY_LIMIT) {
          // Too far behind to replay: the page reloads its snapshot.
          write(c, `event: reset\ndata: {}\n\n`);
        } else {
          for (const e of missed) write(c, domainFrame(e, c.showPlates));
        }
        c.sentUpTo = missed.length ? missed[missed.length - 1].id : lastEventId;
      }
      // The current status of the followed gates, so a (re)connected page starts right.
      const lives = await this.#current();
      for (const live of lives) if (c.gateIds === null || c.gateIds.has(live.gateId)) write(c, gateFrame(c, live));
      sent = new Map(lives.map((l) => [l.gateId, l.computedAt]));
    } finally {
      c.ready = true;
      const queued = c.backlog.filter((e) => e.id > c.sentUpTo);
      c.backlog = [];
      for (const e of queued) write(c, domainFrame(e, c.showPlates));
      // A status computed for others while this stream was opening.
      for (const live of this.latest.values()) {
        const followed = c.gateIds === null || c.gateIds.has(live.gateId);
        if (followed && live.computedAt > (sent.get(live.gateId) ?? '')) write(c, gateFrame(c, live));
      }
    }
  }

  #onEvents(events: HubEvent[]): void {
    for (const c of this.clients) {
      if (c.kind !== 'board') continue;
      const mine = events.filter((e) => e.gateId !== null && (c.gateIds === null || c.gateIds.has(e.gateId)));
      if (!c.ready) c.backlog.push(...mine);
      else for (const e of mine) if (e.id > c.sentUpTo) write(c, domainFrame(e, c.showPlates));
    }
    for (const e of events) if (e.gateId) this.#pending.add(e.gateId);
    // A stream opening from now on must see these events' effect.
    this.#shared = null;
    this.#schedule();
  }

  #schedule(): void {
    if (this.#timer || this.#pending.size === 0) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#flush();
    }, LIVE_THROTTLE_MS);
    this.#timer.unref();
  }

  async #flush(): Promise<void> {
    if (this.#computing) return void this.#computing.then(() => this.#schedule());
    const gateIds = [...this.#pending].filter((id) => [...this.clients].some((c) => c.gateIds === null || c.gateIds.has(id)));
    this.#pending.clear();
    if (gateIds.length === 0) return;
    this.#computing = (async () => {
      try {
        const lives = await this.#compute(gateIds);
        for (const live of lives) {
          for (const c of this.clients) if (c.ready && (c.gateIds === null || c.gateIds.has(live.gateId))) write(c, gateFrame(c, live));
        }
      } catch (error) {
        this.services.log.warn({ err: error }, 'live streams: computing gate status failed');
      } finally {
        this.#computing = null;
      }
    })();
    await this.#computing;
    this.#schedule();
  }

  /**
   * Every gate's status for streams that open: computed once for all gates and shared by the
   * connections opening within a moment (2,000 boards reconnecting cost one computation).
   */
  #current(): Promise<GateLive[]> {
    if (this.#shared && Date.now() - this.#sharedAt < SHARED_FOR_MS) return this.#shared;
    this.#sharedAt = Date.now();
    this.#shared = this.#compute(null).catch((error) => {
      this.#shared = null;
      throw error;
    });
    return this.#shared;
  }

  async #compute(gateIds: string[] | null): Promise<GateLive[]> {
    const gates = (await listGateRows(this.services.db, {})).filter((g) => isMonitored(g) && (gateIds === null || gateIds.includes(g.id)));
    const lives = await gateLives(this.services.db, gates, this.services.now());
    for (const live of lives.values()) this.latest.set(live.gateId, live);
    return [...lives.values()];
  }

  #broadcastRaw(frame: string, when: (c: StreamClient) => boolean): void {
    for (const c of this.clients) if (when(c)) write(c, frame);
  }
}

function write(c: StreamClient, frame: string): void {
  if (c.res.destroyed) return;
  // A reader that does not keep up is cut off; it reconnects with Last-Event-ID.
  if (c.res.writableLength > MAX_BUFFERED_BYTES) {
    c.res.destroy();
    return;
  }
  c.res.write(frame);
}

function domainFrame(e: HubEvent, showPlates: boolean): string {
  const data: Record<string, unknown> = {};
  for (const k of BOARD_FIELDS) if (e.payload[k] !== undefined) data[k] = e.payload[k];
  if (showPlates && typeof e.payload.plate === 'string') data.plate = e.payload.plate;
  const body = { id: e.id, type: e.type, occurredAt: e.occurredAt.toISOString(), gateId: e.gateId, direction: e.direction, tripId: showPlates ? e.tripId : null, data };
  return `id: ${e.id}\nevent: domain\ndata: ${JSON.stringify(body)}\n\n`;
}

function gateFrame(c: StreamClient, live: GateLive): string {
  return `event: gate\ndata: ${JSON.stringify(c.kind === 'public' ? toPublicLive(live) : live)}\n\n`;
}
