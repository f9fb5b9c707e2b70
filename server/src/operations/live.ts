import type { GateLive, PublicGateLive } from '../../../shared/schemas/operations';
import type { GateRow } from '../gates/gates.repository';
import type { Executor } from './figures.repository';
import { gateStatuses, type GateStatus } from './gate-status';
import { congestionThresholds, type CongestionThresholds } from './thresholds';

// GateLive: a gate's live status as the board, the feed and the streams show it, with when the
// gate entered its level (from the levels job's record, when the job agrees) and the newest event
// it reflects.

export async function gateLives(db: Executor, gates: GateRow[], now: Date, thresholds: CongestionThresholds = congestionThresholds()): Promise<Map<string, GateLive>> {
  const ids = gates.map((g) => g.id);
  if (ids.length === 0) return new Map();
  const statuses = await gateStatuses(db, gates, now, thresholds);
  const stored = await db.selectFrom('gate_congestion').select(['gate_id', 'level', 'since']).where('gate_id', 'in', ids).execute();
  const lastIds = await db
    .selectFrom('domain_events')
    .select(['gate_id', (eb) => eb.fn.max('id').as('id')])
    .where('gate_id', 'in', ids)
    .groupBy('gate_id')
    .execute();
  const out = new Map<string, GateLive>();
  for (const [gateId, s] of statuses) {
    const record = stored.find((r) => r.gate_id === gateId);
    const levelSince = record && record.level === s.level ? new Date(record.since).toISOString() : null;
    out.set(gateId, toLive(s, levelSince, Number(lastIds.find((r) => r.gate_id === gateId)?.id ?? 0)));
  }
  return out;
}

export function toLive(s: GateStatus, levelSince: string | null, lastEventId: number): GateLive {
  return {
    gateId: s.gateId,
    openNow: s.openNow,
    specialKind: s.specialKind,
    waiting: s.waiting,
    level: s.level,
    reason: s.reason,
    levelSince,
    expectedWaitMinutes: s.expectedWaitMinutes,
    directions: s.directions,
    lanes: s.lanes,
    yards: s.yards,
    computedAt: s.computedAt.toISOString(),
    lastEventId,
  };
}

/** What the public may see of a gate's live status: counts and level, never a truck. */
export function toPublicLive(live: GateLive): PublicGateLive {
  return {
    gateId: live.gateId,
    open: live.openNow,
    level: live.level,
    waiting: live.waiting,
    waitingExport: live.directions.export.waiting,
    waitingImport: live.directions.import.waiting,
    expectedDelayMinutes: live.expectedWaitMinutes,
    updatedAt: live.computedAt,
  };
}
