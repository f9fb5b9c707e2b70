import { AsyncResource } from 'node:async_hooks';
import { sql } from 'kysely';
import type { AppServices } from '../platform/context';
import { EVENTS_CHANNEL } from '../platform/events';

// The event hub of one server process: it LISTENs on cks_events (woken after every commit that
// emitted a domain event, in this process or any other on the same database), also polls as a
// fallback, reads the new rows by id, and fans them out to in-process subscribers (board streams,
// live summaries). Events committed out of id order (a long transaction that took its id
// earlier) leave a gap that is re-read for a while, so no committed event is skipped.

export interface HubEvent {
  id: number;
  type: string;
  occurredAt: Date;
  gateId: string | null;
  tripId: string | null;
  direction: string | null;
  payload: Record<string, unknown>;
}

export interface EventFilter {
  /** Only events of these gates; null or absent = every gate (and events without a gate). */
  gateIds?: ReadonlySet<string> | null;
  types?: ReadonlySet<string> | null;
}

type Subscriber = { filter: EventFilter; cb: (events: HubEvent[]) => void };

const GAP_RETRY_MS = 15_000;
// A NOTIFY is delivered while the notifying transaction commits, inside its async context (on
// PGlite, where the driver refuses queries from inside a transaction). Reads run in this
// module's own context instead.
const ROOT = new AsyncResource('cks-event-hub');
const BATCH = 500;
const MAX_GAP = 1000;

export class EventHub {
  #lastId = 0;
  #gaps = new Map<number, number>();
  #subscribers = new Set<Subscriber>();
  #stopListening: (() => Promise<void>) | null = null;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #again = false;
  #stopped = false;
  #started = false;

  constructor(
    private readonly services: AppServices,
    private readonly pollMs: number,
  ) {}

  get lastId(): number {
    return this.#lastId;
  }

  get subscriberCount(): number {
    return this.#subscribers.size;
  }

  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    this.#lastId = await currentMaxId(this.services);
    try {
      this.#stopListening = await this.services.listen(EVENTS_CHANNEL, () => void ROOT.runInAsyncScope(() => this.wake()));
    } catch (error) {
      // Without LISTEN the poll still delivers, only later.
      this.services.log.warn({ err: error }, 'event hub: LISTEN failed; polling only');
    }
    this.#timer = setInterval(() => void ROOT.runInAsyncScope(() => this.wake()), this.pollMs);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    this.#subscribers.clear();
    await this.#running?.catch(() => {});
    await this.#stopListening?.().catch(() => {});
    this.#stopListening = null;
  }

  /** Calls `cb` with each batch of new events matching the filter; returns the unsubscribe function. */
  subscribe(filter: EventFilter, cb: (events: HubEvent[]) => void): () => void {
    const sub: Subscriber = { filter, cb };
    this.#subscribers.add(sub);
    return () => void this.#subscribers.delete(sub);
  }

  /** Reads new events now (also what a NOTIFY or the poll does); resolves when they were fanned out. */
  wake(): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      try {
        do {
          this.#again = false;
          await this.#fetch();
        } while (this.#again && !this.#stopped);
      } catch (error) {
        if (!this.#stopped) this.services.log.warn({ err: error }, 'event hub: reading events failed; will retry');
      } finally {
        this.#running = null;
      }
    })();
    return this.#running;
  }

  async #fetch(): Promise<void> {
    const now = Date.now();
    for (const [id, since] of this.#gaps) if (now - since > GAP_RETRY_MS) this.#gaps.delete(id);
    const gaps = [...this.#gaps.keys()];
    for (;;) {
      const rows = await readEvents(this.services, this.#lastId, gaps, BATCH);
      if (rows.length === 0) return;
      const fresh: HubEvent[] = [];
      for (const row of rows) {
        if (row.id > this.#lastId) {
          // Ids skipped over may belong to transactions still committing; re-read them for a while.
          if (this.#lastId > 0 && row.id - this.#lastId <= MAX_GAP) for (let missing = this.#lastId + 1; missing < row.id; missing++) this.#gaps.set(missing, now);
          this.#lastId = row.id;
          fresh.push(row);
        } else if (this.#gaps.delete(row.id)) {
          fresh.push(row);
        }
      }
      gaps.length = 0;
      if (fresh.length) this.#dispatch(fresh);
      if (rows.length < BATCH) return;
    }
  }

  #dispatch(events: HubEvent[]): void {
    for (const sub of this.#subscribers) {
      const matching = events.filter((e) => matches(sub.filter, e));
      if (matching.length === 0) continue;
      try {
        sub.cb(matching);
      } catch (error) {
        this.services.log.warn({ err: error }, 'event hub: a subscriber failed');
      }
    }
  }
}

export function matches(filter: EventFilter, e: Pick<HubEvent, 'gateId' | 'type'>): boolean {
  if (filter.gateIds && (e.gateId === null || !filter.gateIds.has(e.gateId))) return false;
  if (filter.types && !filter.types.has(e.type)) return false;
  return true;
}

async function currentMaxId(services: AppServices): Promise<number> {
  const row = (await sql<{ id: number | null }>`select max(id) as id from domain_events`.execute(services.db)).rows[0];
  return row?.id ? Number(row.id) : 0;
}

type Row = { id: number; type: string; occurred_at: Date; gate_id: string | null; trip_id: string | null; direction: string | null; payload: unknown };

function toEvent(r: Row): HubEvent {
  return {
    id: Number(r.id),
    type: r.type,
    occurredAt: new Date(r.occurred_at),
    gateId: r.gate_id,
    tripId: r.trip_id,
    direction: r.direction,
    payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Record<string, unknown>,
  };
}

async function readEvents(services: AppServices, afterId: number, gaps: number[], limit: number): Promise<HubEvent[]> {
  const result = gaps.length
    ? await sql<Row>`select id, type, occurred_at, gate_id, trip_id, direction, payload from domain_events
        where id > ${afterId} or id = any(${gaps}) order by id limit ${limit}`.execute(services.db)
    : await sql<Row>`select id, type, occurred_at, gate_id, trip_id, direction, payload from domain_events
        where id > ${afterId} order by id limit ${limit}`.execute(services.db);
  return result.rows.map(toEvent);
}

/** Events after an id (a reconnecting stream's Last-Event-ID), for some gates, oldest first. */
export async function eventsAfter(services: AppServices, afterId: number, gateIds: string[] | null, limit: number): Promise<HubEvent[]> {
  const result = gateIds
    ? await sql<Row>`select id, type, occurred_at, gate_id, trip_id, direction, payload from domain_events
        where id > ${afterId} and gate_id = any(${gateIds}) order by id limit ${limit}`.execute(services.db)
    : await sql<Row>`select id, type, occurred_at, gate_id, trip_id, direction, payload from domain_events
        where id > ${afterId} order by id limit ${limit}`.execute(services.db);
  return result.rows.map(toEvent);
}

// One hub per server (per AppServices), so other capabilities can subscribe too.
const hubs = new WeakMap<AppServices, EventHub>();

export function eventHub(services: AppServices, pollMs = 1000): EventHub {
  let hub = hubs.get(services);
  if (!hub) {
    hub = new EventHub(services, pollMs);
    hubs.set(services, hub);
  }
  return hub;
}

/** Subscribe to the domain events of this server process (starts the hub if needed). */
export function subscribe(services: AppServices, filter: EventFilter, cb: (events: HubEvent[]) => void): () => void {
  const hub = eventHub(services);
  void hub.start();
  return hub.subscribe(filter, cb);
}
