import type { BoardQuery, GateBoard, HourCount, OperationsBoard } from '../../../shared/schemas/operations';
import { bookingsOverview } from '../capacity/capacity-query';
import { localParts } from '../gates/calendar';
import type { GateRow } from '../gates/gates.repository';
import type { AppServices, RequestContext } from '../platform/context';
import { dayBounds } from '../trips/time';
import { selectBoard } from './board-scope';
import { clearanceByAgency, hourlyCounts, lastEventIdOf, trucksWaitingSince, waitsToCall, type Executor } from './figures.repository';
import { gateLives } from './live';
import { congestionThresholds, nationalLevel, type CongestionThresholds } from './thresholds';

// The board: per gate, the live status plus today's figures (per hour, measured waits and
// clearance times, trucks waiting too long) and bookings for the coming days. A gate's board is
// computed once per change (its newest event) and minute, whoever asks, so many open boards
// cost one computation.

const BOOKING_DAYS = 7;
const LONG_WAIT_LIMIT = 50;

type Cached = { key: string; value: GateBoard };
const caches = new WeakMap<AppServices, Map<string, Cached>>();

export async function gateBoard(db: Executor, gate: GateRow, now: Date, t: CongestionThresholds = congestionThresholds()): Promise<GateBoard> {
  const live = (await gateLives(db, [gate], now, t)).get(gate.id)!;
  const date = localParts(now, gate.time_zone).date;
  const { from, to } = dayBounds(date, gate.time_zone);
  const longBefore = new Date(now.getTime() - t.longWaitMinutes * 60_000);
  const hourly = await hourlyCounts(db, gate.id, from, to, gate.time_zone);
  const waits = await waitsToCall(db, gate.id, from, to);
  const agencies = await clearanceByAgency(db, gate.id, from, to);
  const long = await trucksWaitingSince(db, gate.id, longBefore, LONG_WAIT_LIMIT);
  const bookings = await bookingsOverview(db, gate.id, date, BOOKING_DAYS);
  return {
    gateId: gate.id,
    nameVi: gate.name_vi,
    nameEn: gate.name_en,
    nameZh: gate.name_zh,
    province: gate.province,
    location: gate.lat === null || gate.lon === null ? null : { lat: gate.lat, lon: gate.lon, approximate: gate.location_approximate },
    timeZone: gate.time_zone,
    date,
    live,
    hourly,
    waitsToCall: waits,
    clearanceByAgency: agencies,
    longWaiting: {
      thresholdMinutes: t.longWaitMinutes,
      total: long.total,
      items: long.items.map((w) => ({ ...w, arrivedAt: w.arrivedAt.toISOString(), waitedMinutes: Math.floor((now.getTime() - w.arrivedAt.getTime()) / 60_000) })),
    },
    bookings,
  };
}

async function cachedGateBoard(services: AppServices, gate: GateRow, now: Date, t: CongestionThresholds): Promise<GateBoard> {
  let cache = caches.get(services);
  if (!cache) caches.set(services, (cache = new Map()));
  // Figures change with a new event at the gate or with time (waits, the hour, the day).
  const key = `${await lastEventIdOf(services.db, [gate.id])}|${Math.floor(now.getTime() / 60_000)}|${gate.version}`;
  const hit = cache.get(gate.id);
  if (hit && hit.key === key) return hit.value;
  const value = await gateBoard(services.db, gate, now, t);
  cache.set(gate.id, { key, value });
  return value;
}

export function sumHours(boards: GateBoard[]): HourCount[] {
  const hours: HourCount[] = Array.from({ length: 24 }, (_, hour) => ({ hour, arrivals: 0, clearances: 0, crossings: 0 }));
  for (const b of boards) {
    for (const h of b.hourly) {
      hours[h.hour].arrivals += h.arrivals;
      hours[h.hour].clearances += h.clearances;
      hours[h.hour].crossings += h.crossings;
    }
  }
  return hours;
}

export async function getBoard(ctx: RequestContext, query: BoardQuery): Promise<OperationsBoard> {
  const { db } = ctx.app;
  const now = ctx.app.now();
  const selection = await selectBoard(db, ctx.actor, query);
  const t = congestionThresholds();
  // Read before the figures: a stream started from this id misses nothing the board lacks.
  const lastEventId = await lastEventIdOf(db, null);
  const gates: GateBoard[] = [];
  for (const gate of selection.gates) gates.push(await cachedGateBoard(ctx.app, gate, now, t));
  const waiting = gates.reduce((s, g) => s + g.live.waiting, 0);
  return {
    kind: selection.kind,
    province: selection.province,
    generatedAt: now.toISOString(),
    lastEventId,
    national: { waiting, level: nationalLevel(waiting, t), thresholds: t.national.fromVehicles },
    totals: { waiting, hourly: sumHours(gates) },
    gates,
    thresholdsVersion: t.version,
  };
}
