import type { Transaction } from 'kysely';
import { addDays, localParts } from '../gates/calendar';
import type { GateRow } from '../gates/gates.repository';
import type { Database } from '../db/database';
import { notifyUsers } from '../notifications/notify';
import { emitEvent } from '../platform/events';
import type { GateStatus } from './gate-status';
import { rank, type CongestionThresholds, type Level } from './thresholds';
import { warningText, type WarningPhase } from './warning-messages';

// Congestion warnings. A warning opens when a gate's level reaches the warning level or its
// expected wait the warning wait, rises with the level (one message per higher level reached),
// and closes once when both are back under the (lower) clearing thresholds — so a level that
// hovers at a threshold does not send a message on every run. The enterprises told are those
// with trucks booked at the gate for today or the next days and not yet through the queue.
// Each message goes in the app, by e-mail and SMS (outbox), and to their webhooks.

type Tx = Transaction<Database>;

export interface WarningOutcome {
  phase: WarningPhase | null;
  warningId: string | null;
  recipients: number;
}

/** Enterprises with trucks booked at the gate (today and the next bookedDays − 1 days) not yet called forward. */
export async function warnedEnterprises(tx: Tx, gate: GateRow, now: Date, t: CongestionThresholds): Promise<string[]> {
  const today = localParts(now, gate.time_zone).date;
  const rows = await tx
    .selectFrom('trips')
    .select('enterprise_id')
    .distinct()
    .where('gate_id', '=', gate.id)
    .where('status', 'in', ['submitted', 'paid', 'checked_in'])
    .where('planned_date', '>=', today)
    .where('planned_date', '<=', addDays(today, t.warnings.bookedDays - 1))
    .orderBy('enterprise_id')
    .execute();
  return rows.map((r) => r.enterprise_id);
}

async function tell(tx: Tx, gate: GateRow, phase: WarningPhase, warningId: string, s: GateStatus, previous: Level | null, now: Date, enterprises: string[]): Promise<number> {
  const text = warningText(phase, { gate: { vi: gate.name_vi, en: gate.name_en, zh: gate.name_zh ?? gate.name_en }, level: s.level, waiting: s.waiting, expectedWaitMinutes: s.expectedWaitMinutes });
  const type = phase === 'cleared' ? 'congestion.cleared' : 'congestion.warning';
  // On the board too (no enterprise data in a gate event).
  const eventId = await emitEvent(tx, {
    type,
    occurredAt: now,
    gateId: gate.id,
    payload: { warningId, phase, level: s.level, previousLevel: previous, waiting: s.waiting, expectedWaitMinutes: s.expectedWaitMinutes, recipients: enterprises.length },
  });
  if (enterprises.length === 0) return 0;
  const users = await tx
    .selectFrom('users')
    .select('id')
    .where('enterprise_id', 'in', enterprises)
    .where('role', '=', 'enterprise')
    .where('active', '=', true)
    .execute();
  await notifyUsers(
    tx,
    users.map((u) => u.id),
    {
      kind: type,
      titleVi: text.title.vi,
      titleEn: text.title.en,
      bodyVi: text.body.vi,
      bodyEn: text.body.en,
      link: '/congestion',
      entityType: 'gate',
      entityId: gate.id,
      dedupeKey: `congestion:${warningId}:${phase}:${s.level}`,
    },
    { channels: ['in_app', 'email', 'sms'], now },
  );
  const endpoints = await tx
    .selectFrom('webhook_endpoints')
    .select(['id', 'enterprise_id'])
    .where('active', '=', true)
    .where('enterprise_id', 'in', enterprises)
    .where((eb) => eb(eb.val(type), '=', eb.fn.any('event_types')))
    .execute();
  if (endpoints.length) {
    const payload = {
      id: `evt_${eventId}`,
      type,
      occurredAt: now.toISOString(),
      gateId: gate.id,
      data: {
        warningId,
        phase,
        level: s.level,
        previousLevel: previous,
        waiting: s.waiting,
        expectedWaitMinutes: s.expectedWaitMinutes,
        gateName: { vi: gate.name_vi, en: gate.name_en, zh: gate.name_zh },
        title: text.title,
        advice: text.body,
      },
    };
    await tx
      .insertInto('webhook_deliveries')
      .values(endpoints.map((e) => ({ endpoint_id: e.id, enterprise_id: e.enterprise_id, event_id: `evt_${eventId}`, event_type: type, payload: JSON.stringify(payload), next_attempt_at: now, created_at: now })))
      .onConflict((oc) => oc.columns(['event_id', 'endpoint_id']).doNothing())
      .execute();
  }
  return enterprises.length;
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}

/** Opens, raises or closes the gate's warning from its status now (inside the levels job's transaction). */
export async function reviewWarning(tx: Tx, gate: GateRow, s: GateStatus, now: Date, t: CongestionThresholds): Promise<WarningOutcome> {
  const w = t.warnings;
  const open = await tx.selectFrom('congestion_warnings').selectAll().where('gate_id', '=', gate.id).where('cleared_at', 'is', null).forUpdate().executeTakeFirst();
  const figures = JSON.stringify({ waiting: s.waiting, expectedWaitMinutes: s.expectedWaitMinutes, level: s.level, reason: s.reason });
  if (!open) {
    const byLevel = rank(s.level) >= rank(w.raiseAtLevel);
    const byWait = s.expectedWaitMinutes !== null && s.expectedWaitMinutes >= w.raiseAtExpectedWaitMinutes;
    if (!byLevel && !byWait) return { phase: null, warningId: null, recipients: 0 };
    const row = await tx
      .insertInto('congestion_warnings')
      .values({ gate_id: gate.id, raised_at: now, raised_level: s.level, max_level: s.level, reason: byLevel ? 'level' : 'wait', figures })
      .returning('id')
      .executeTakeFirstOrThrow();
    const enterprises = await warnedEnterprises(tx, gate, now, t);
    const recipients = await tell(tx, gate, 'raised', row.id, s, null, now, enterprises);
    await tx.updateTable('congestion_warnings').set({ recipients, notified_enterprises: enterprises }).where('id', '=', row.id).execute();
    return { phase: 'raised', warningId: row.id, recipients };
  }
  const clear = rank(s.level) <= rank(w.clearAtOrBelowLevel) && (s.expectedWaitMinutes === null || s.expectedWaitMinutes < w.clearBelowExpectedWaitMinutes);
  if (clear) {
    // Everyone told it started hears that it ended, and whoever booked since.
    const enterprises = union(open.notified_enterprises, await warnedEnterprises(tx, gate, now, t));
    await tx.updateTable('congestion_warnings').set({ cleared_at: now, cleared_figures: figures, notified_enterprises: enterprises }).where('id', '=', open.id).execute();
    const recipients = await tell(tx, gate, 'cleared', open.id, s, open.max_level as Level, now, enterprises);
    return { phase: 'cleared', warningId: open.id, recipients };
  }
  if (rank(s.level) > rank(open.max_level as Level)) {
    const enterprises = await warnedEnterprises(tx, gate, now, t);
    await tx
      .updateTable('congestion_warnings')
      .set({ max_level: s.level, notified_enterprises: union(open.notified_enterprises, enterprises) })
      .where('id', '=', open.id)
      .execute();
    const recipients = await tell(tx, gate, 'escalated', open.id, s, open.max_level as Level, now, enterprises);
    return { phase: 'escalated', warningId: open.id, recipients };
  }
  return { phase: null, warningId: open.id, recipients: 0 };
}
