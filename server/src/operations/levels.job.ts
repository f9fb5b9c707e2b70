import { listGateRows, type GateRow } from '../gates/gates.repository';
import type { AppServices } from '../platform/context';
import { emitEvent } from '../platform/events';
import { gateStatuses, isMonitored, type GateStatus } from './gate-status';
import { congestionThresholds, type CongestionThresholds } from './thresholds';
import { reviewWarning, type WarningOutcome } from './warnings';

// The operations.levels job: recomputes each gate's congestion level, records every change in
// the level history (and as a congestion.level_changed event for the boards), and opens or
// closes the gate's congestion warning. Each gate in its own transaction holding the gate's
// gate_congestion row, so two server processes never record or warn twice (the second skips a
// gate the first holds).

export interface GateLevelOutcome {
  gateId: string;
  level: string;
  changed: boolean;
  warning: WarningOutcome;
}

function figuresOf(s: GateStatus): Record<string, unknown> {
  return {
    waiting: s.waiting,
    expectedWaitMinutes: s.expectedWaitMinutes,
    reason: s.reason,
    directions: Object.fromEntries(
      Object.values(s.directions).map((d) => [d.direction, { waiting: d.waiting, queued: d.queued, perDay: d.perDay, perHour: d.perHour, throughputPerHour: d.throughputPerHour, throughputSource: d.throughputSource, expectedWaitMinutes: d.expectedWaitMinutes, ratio: d.ratio, level: d.level }]),
    ),
  };
}

async function reviewGate(services: AppServices, gate: GateRow, now: Date, t: CongestionThresholds): Promise<GateLevelOutcome | null> {
  return services.db.transaction().execute(async (tx) => {
    let current = await tx.selectFrom('gate_congestion').selectAll().where('gate_id', '=', gate.id).forUpdate().skipLocked().executeTakeFirst();
    const status = (await gateStatuses(tx, [gate], now, t)).get(gate.id)!;
    const figures = JSON.stringify(figuresOf(status));
    if (!current) {
      // First computation for this gate; if another process inserted it meanwhile, it owns this run.
      const inserted = await tx
        .insertInto('gate_congestion')
        .values({ gate_id: gate.id, level: status.level, since: now, computed_at: now, figures, thresholds_version: t.version })
        .onConflict((oc) => oc.column('gate_id').doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!inserted) return null;
      current = { ...inserted, level: '' };
    }
    const changed = current.level !== status.level;
    if (changed) {
      const previous = current.level === '' ? null : current.level;
      await tx.updateTable('gate_congestion').set({ level: status.level, since: now, computed_at: now, figures, thresholds_version: t.version }).where('gate_id', '=', gate.id).execute();
      await tx.insertInto('gate_congestion_history').values({ gate_id: gate.id, level: status.level, previous_level: previous, since: now, figures, thresholds_version: t.version }).execute();
      await emitEvent(tx, {
        type: 'congestion.level_changed',
        occurredAt: now,
        gateId: gate.id,
        payload: { level: status.level, previousLevel: previous, waiting: status.waiting, expectedWaitMinutes: status.expectedWaitMinutes, reason: status.reason },
      });
    } else {
      await tx.updateTable('gate_congestion').set({ computed_at: now, figures, thresholds_version: t.version }).where('gate_id', '=', gate.id).execute();
    }
    const warning = await reviewWarning(tx, gate, status, now, t);
    return { gateId: gate.id, level: status.level, changed, warning };
  });
}

export async function updateCongestionLevels(services: AppServices): Promise<GateLevelOutcome[]> {
  const t = congestionThresholds();
  const now = services.now();
  const gates = (await listGateRows(services.db, {})).filter(isMonitored);
  const outcomes: GateLevelOutcome[] = [];
  for (const gate of gates) {
    const outcome = await reviewGate(services, gate, now, t);
    if (outcome) outcomes.push(outcome);
  }
  return outcomes;
}
