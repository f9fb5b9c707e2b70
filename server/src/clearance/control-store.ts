import type { Transaction } from 'kysely';
import type { ControlEventAction, ControlStatus } from '../../../shared/schemas/clearance';
import type { Database } from '../db/database';
import { actorLabel, type Actor } from '../platform/actor';
import type { DerivedControl } from './derive';
import { logControl, type ControlRow } from './control-log';

// Writing controls: each change moves the current-status row and appends to the control log
// in one go, so the two never disagree.

export async function insertControl(tx: Transaction<Database>, actor: Actor, requestId: string | null, tripId: string, d: DerivedControl, now: Date): Promise<ControlRow> {
  const row = await tx
    .insertInto('clearance_controls')
    .values({
      trip_id: tripId,
      agency: d.agency,
      kind: d.kind,
      status: 'pending',
      basis: JSON.stringify(d.basis),
      flags: JSON.stringify(d.flags),
      ready_at: now,
      waiting_since: now,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await logControl(tx, actor, requestId, { control: row, action: 'derived', from: null, to: 'pending', at: now, details: { basis: d.basis.map((b) => b.ruleId), lines: d.lines, flags: d.flags.map((f) => f.code) } });
  return row;
}

export interface Transition {
  to: ControlStatus;
  action: ControlEventAction;
  /** The decision recorded on the row (null clears it, e.g. when reopened). */
  decision?: ControlRow['decision'];
  note?: string | null;
  legalBasisId?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
  /** Whether the control now waits for the agency (pending, inspection) — the worklist clock. */
  waitingSince?: Date | null;
  answered?: boolean;
}

/** Moves a locked control to a new status, logging who, when and why. */
export async function moveControl(tx: Transaction<Database>, actor: Actor, requestId: string | null, control: ControlRow, t: Transition, now: Date): Promise<ControlRow> {
  const who = actor.kind === 'user' || actor.kind === 'token' ? actor.userId : null;
  const decided = t.decision !== undefined;
  const row = await tx
    .updateTable('clearance_controls')
    .set({
      status: t.to,
      ...(decided
        ? {
            decision: t.decision,
            decided_by: t.decision ? who : null,
            decided_by_label: t.decision ? actorLabel(actor) : null,
            decided_at: t.decision ? now : null,
            decision_note: t.decision ? (t.note ?? null) : null,
            legal_basis_id: t.decision ? (t.legalBasisId ?? null) : null,
          }
        : {}),
      waiting_since: t.waitingSince === undefined ? control.waiting_since : t.waitingSince,
      answered: t.answered ?? control.answered,
      version: control.version + 1,
      updated_at: now,
    })
    .where('id', '=', control.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await logControl(tx, actor, requestId, {
    control,
    action: t.action,
    from: control.status as ControlStatus,
    to: t.to,
    at: now,
    reason: t.reason ?? t.note ?? null,
    details: { ...(t.legalBasisId ? { legalBasisId: t.legalBasisId } : {}), ...(t.details ?? {}) },
  });
  return row;
}

/** Cancels a control's scheduled inspection (reopened, closed, or decided otherwise). */
export async function cancelInspection(tx: Transaction<Database>, controlId: string, now: Date, note: string): Promise<void> {
  await tx
    .updateTable('clearance_inspections')
    .set({ status: 'cancelled', result_at: now, result_note: note })
    .where('control_id', '=', controlId)
    .where('status', '=', 'scheduled')
    .execute();
}

/** An open document request is answered by the amendment that reopened its control. */
export async function closeOpenRequest(tx: Transaction<Database>, actor: Actor, controlId: string, now: Date, message: string): Promise<void> {
  await tx
    .updateTable('clearance_document_requests')
    .set({ answered_at: now, answered_by: null, answered_by_label: actorLabel(actor), answer: JSON.stringify({ message, documents: [] }) })
    .where('control_id', '=', controlId)
    .where('answered_at', 'is', null)
    .execute();
}

export function lockControls(tx: Transaction<Database>, tripId: string): Promise<ControlRow[]> {
  return tx.selectFrom('clearance_controls').selectAll().where('trip_id', '=', tripId).orderBy('created_at').orderBy('id').forUpdate().execute();
}
