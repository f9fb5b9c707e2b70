import { capacityAt, type CrossingDirection } from '../capacity/capacity-query';
import { dayHours, localParts, type Calendar } from '../gates/calendar';
import { loadCalendars, type GateRow } from '../gates/gates.repository';
import { callsSince, inYardGroups, type Executor } from './figures.repository';
import { congestionThresholds, directionLevel, maxLevel, type CongestionThresholds, type Level } from './thresholds';

// The live status of a gate: trucks in its yards by direction, lane and yard, its capacity now,
// the measured throughput, the expected wait and the congestion level. One computation serves
// the board, the public feed, the live streams and the levels job, so they never disagree.

export const DIRECTIONS: readonly CrossingDirection[] = ['export', 'import'];

export interface DirectionStatus {
  direction: CrossingDirection;
  /** In the yards: checked in (queued) or called (not yet left). */
  waiting: number;
  queued: number;
  called: number;
  perDay: number;
  perHour: number;
  /** Trucks called forward per hour over the measuring window, or the capacity when too few were. */
  throughputPerHour: number | null;
  throughputSource: 'measured' | 'capacity' | 'none';
  callsInWindow: number;
  expectedWaitMinutes: number | null;
  ratio: number | null;
  level: Level;
  reason: 'none' | 'queue' | 'wait' | 'no_capacity';
}

export interface LaneStatus {
  direction: CrossingDirection;
  lane: string | null;
  queued: number;
  called: number;
}

export interface YardOccupancy {
  yardId: string | null;
  nameVi: string | null;
  nameEn: string | null;
  nameZh: string | null;
  capacity: number | null;
  occupied: number;
}

export interface GateStatus {
  gateId: string;
  openNow: boolean;
  specialKind: string | null;
  waiting: number;
  level: Level;
  reason: DirectionStatus['reason'];
  expectedWaitMinutes: number | null;
  directions: Record<CrossingDirection, DirectionStatus>;
  lanes: LaneStatus[];
  yards: YardOccupancy[];
  computedAt: Date;
  thresholdsVersion: string;
}

function openHours(calendar: Calendar, gate: GateRow, now: Date): number {
  const { date } = localParts(now, gate.time_zone);
  const day = dayHours(calendar, date, gate.time_zone, gate.counterpart_time_zone);
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return day.intervals.reduce((sum, i) => sum + minutes(i.closes) - minutes(i.opens), 0) / 60;
}

/** The live status of some gates at an instant (queries on `db`; pass the transaction inside one). */
export async function gateStatuses(db: Executor, gates: GateRow[], now: Date, thresholds: CongestionThresholds = congestionThresholds()): Promise<Map<string, GateStatus>> {
  const ids = gates.map((g) => g.id);
  const windowStart = new Date(now.getTime() - thresholds.throughput.windowHours * 3_600_000);
  // One query after another: `db` may be a transaction, which runs one statement at a time.
  const groups = await inYardGroups(db, ids);
  const calls = await callsSince(db, ids, windowStart, now);
  const calendars = await loadCalendars(db, ids);
  const yards = ids.length
    ? await db.selectFrom('yards').select(['id', 'gate_id', 'name_vi', 'name_en', 'name_zh', 'capacity']).where('gate_id', 'in', ids).where('active', '=', true).orderBy('id').execute()
    : [];
  const result = new Map<string, GateStatus>();
  for (const gate of gates) {
    const capacities = [await capacityAt(db, gate.id, 'export', now), await capacityAt(db, gate.id, 'import', now)];
    const hoursOpen = openHours(calendars.get(gate.id)!, gate, now);
    const mine = groups.filter((g) => g.gateId === gate.id);
    const directions = {} as Record<CrossingDirection, DirectionStatus>;
    DIRECTIONS.forEach((direction, i) => {
      const cap = capacities[i];
      const queued = mine.filter((g) => g.direction === direction && g.status === 'checked_in').reduce((s, g) => s + g.count, 0);
      const called = mine.filter((g) => g.direction === direction && g.status === 'called').reduce((s, g) => s + g.count, 0);
      const callsInWindow = calls.find((c) => c.gateId === gate.id && c.direction === direction)?.count ?? 0;
      // Measured when enough trucks were called recently; otherwise the agreed capacity (this
      // hour's, or the day's spread over today's open hours while the gate is closed).
      const fallback = cap.perHour > 0 ? cap.perHour : cap.perDay > 0 && hoursOpen > 0 ? cap.perDay / hoursOpen : 0;
      const measured = callsInWindow >= thresholds.throughput.minSample;
      const throughput = measured ? callsInWindow / thresholds.throughput.windowHours : fallback > 0 ? fallback : null;
      const lvl = directionLevel({ waiting: queued + called, queued, perDay: cap.perDay, throughputPerHour: throughput }, thresholds);
      directions[direction] = {
        direction,
        waiting: queued + called,
        queued,
        called,
        perDay: cap.perDay,
        perHour: cap.perHour,
        throughputPerHour: throughput === null ? null : Math.round(throughput * 10) / 10,
        throughputSource: measured ? 'measured' : throughput === null ? 'none' : 'capacity',
        callsInWindow,
        expectedWaitMinutes: lvl.expectedWaitMinutes,
        ratio: lvl.ratio,
        level: lvl.level,
        reason: lvl.reason,
      };
    });
    const worst = DIRECTIONS.map((d) => directions[d]).reduce((a, b) => (maxLevel(a.level, b.level) === a.level ? a : b));
    const waits = DIRECTIONS.map((d) => directions[d].expectedWaitMinutes).filter((w): w is number => w !== null);
    const lanes = new Map<string, LaneStatus>();
    for (const g of mine) {
      const key = `${g.direction}|${g.lane ?? ''}`;
      const lane = lanes.get(key) ?? { direction: g.direction, lane: g.lane, queued: 0, called: 0 };
      if (g.status === 'checked_in') lane.queued += g.count;
      else lane.called += g.count;
      lanes.set(key, lane);
    }
    const occupancy: YardOccupancy[] = yards
      .filter((y) => y.gate_id === gate.id)
      .map((y) => ({ yardId: y.id, nameVi: y.name_vi, nameEn: y.name_en, nameZh: y.name_zh, capacity: y.capacity, occupied: 0 }));
    for (const g of mine) {
      let yard = occupancy.find((y) => y.yardId === g.yardId);
      if (!yard) {
        yard = { yardId: g.yardId, nameVi: null, nameEn: null, nameZh: null, capacity: null, occupied: 0 };
        occupancy.push(yard);
      }
      yard.occupied += g.count;
    }
    result.set(gate.id, {
      gateId: gate.id,
      openNow: capacities.some((c) => c.open),
      specialKind: capacities[0].specialKind,
      waiting: directions.export.waiting + directions.import.waiting,
      level: worst.level,
      reason: worst.reason,
      expectedWaitMinutes: waits.length === 0 ? null : Math.max(...waits),
      directions,
      lanes: [...lanes.values()].sort((a, b) => a.direction.localeCompare(b.direction) || (a.lane ?? '').localeCompare(b.lane ?? '')),
      yards: occupancy,
      computedAt: now,
      thresholdsVersion: thresholds.version,
    });
  }
  return result;
}

/** Gates the board and the feed follow: working (operating, or operating while upgraded) and taking goods. */
export function isMonitored(gate: Pick<GateRow, 'status' | 'traffic'>): boolean {
  return (gate.status === 'operating' || gate.status === 'upgrading') && gate.traffic.includes('goods');
}
