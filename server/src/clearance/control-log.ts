import type { Selectable, Transaction } from 'kysely';
import type { ControlEventAction, ControlStatus } from '../../../shared/schemas/clearance';
import { recordAudit } from '../audit/audit.repository';
import { crossingDirectionOf } from '../capacity/capacity-query';
import type { Database } from '../db/database';
import { actorLabel, type Actor } from '../platform/actor';
import { emitEvent } from '../platform/events';
import type { TripRow } from '../trips/trips.repository';

// Every control change goes to the control log (what officers and auditors read) and the audit
// log, in the transaction of the change; domain events tell the board and the queue.

export type ControlRow = Selectable<Database['clearance_controls']>;

/** The system as it decides before arrival; actorLabel prints "system: green lane" (hence the leading space). */
export const GREEN_LANE: Actor = { kind: 'system', label: ' green lane' };
export const RULES_ACTOR: Actor = { kind: 'system', label: ' rules' };
export const SELECTION: Actor = { kind: 'system', label: ' risk selection' };

export interface ControlChange {
  control: Pick<ControlRow, 'id' | 'trip_id' | 'agency' | 'kind'>;
  action: ControlEventAction;
  from: ControlStatus | null;
  to: ControlStatus;
  at: Date;
  reason?: string | null;
  details?: Record<string, unknown>;
}

export async function logControl(tx: Transaction<Database>, actor: Actor, requestId: string | null, change: ControlChange): Promise<void> {
  const who = actor.kind === 'user' || actor.kind === 'token' ? actor.userId : null;
  const details = { agency: change.control.agency, kind: change.control.kind, ...(change.details ?? {}) };
  await tx
    .insertInto('clearance_control_events')
    .values({
      control_id: change.control.id,
      trip_id: change.control.trip_id,
      at: change.at,
      action: change.action,
      from_status: change.from,
      to_status: change.to,
      actor_user_id: who,
      actor_label: actorLabel(actor),
      reason: change.reason ?? null,
      details: JSON.stringify(details),
    })
    .execute();
  await recordAudit(tx, actor, requestId, {
    action: `clearance.${change.action}`,
    entityType: 'clearance_control',
    entityId: change.control.id,
    before: change.from ? { status: change.from } : undefined,
    after: { status: change.to, tripId: change.control.trip_id, ...details },
    reason: change.reason ?? null,
  });
}

/** A domain event about a trip's clearance, with the contract's common fields. */
export async function emitClearance(tx: Transaction<Database>, trip: Pick<TripRow, 'id' | 'gate_id' | 'direction' | 'enterprise_id'>, type: string, at: Date, payload: Record<string, unknown> = {}) {
  return emitEvent(tx, {
    type,
    occurredAt: at,
    gateId: trip.gate_id,
    tripId: trip.id,
    direction: crossingDirectionOf(trip.direction),
    payload: { enterpriseId: trip.enterprise_id, ...payload },
  });
}

/** The clearance.decided event (operations measures waiting and first-pass rates from it). */
export async function emitDecided(
  tx: Transaction<Database>,
  trip: Pick<TripRow, 'id' | 'gate_id' | 'direction' | 'enterprise_id'>,
  control: Pick<ControlRow, 'id' | 'agency' | 'kind' | 'channel' | 'waiting_since' | 'ready_at'>,
  outcome: 'pass' | 'request_documents' | 'inspect' | 'refuse' | 'auto_pass',
  at: Date,
  extra: Record<string, unknown> = {},
) {
  const readyAt = control.waiting_since ?? control.ready_at;
  return emitClearance(tx, trip, 'clearance.decided', at, {
    agency: control.agency,
    kind: control.kind,
    controlId: control.id,
    outcome,
    channel: control.channel ?? null,
    readyAt: readyAt.toISOString(),
    waitedSeconds: Math.max(0, Math.round((at.getTime() - readyAt.getTime()) / 1000)),
    ...extra,
  });
}
