import type { Kysely, Selectable, Transaction } from 'kysely';
import {
  CLEARANCE_AGENCIES,
  CONTROL_KINDS,
  controlOutcomesFrom,
  type Channel,
  type ClearanceAgency,
  type ClearanceControl,
  type ControlBasis,
  type ControlFlag,
  type ControlKind,
  type ControlStatus,
  type DecisionOutcome,
  type DocumentRequest,
  type Inspection,
} from '../../../shared/schemas/clearance';
import type { Database } from '../db/database';
import type { ControlRow } from './control-log';
import { legalBasis } from './reference';

// The controls of a trip as officers and enterprises see them: status, channel, why required,
// flags, the decision with its legal basis, what was asked and answered, the inspection slot.

type Executor = Kysely<Database> | Transaction<Database>;
type RequestRow = Selectable<Database['clearance_document_requests']>;

export interface ControlsBundle {
  controls: ControlRow[];
  requests: RequestRow[];
  inspections: Inspection[];
}

export async function loadControls(db: Executor, tripId: string): Promise<ControlsBundle> {
  const [controls, requests, inspections] = await Promise.all([
    db.selectFrom('clearance_controls').selectAll().where('trip_id', '=', tripId).orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('clearance_document_requests').selectAll().where('trip_id', '=', tripId).orderBy('requested_at').execute(),
    db
      .selectFrom('clearance_inspections')
      .innerJoin('clearance_inspection_bays', 'clearance_inspection_bays.id', 'clearance_inspections.bay_id')
      .select([
        'clearance_inspections.id',
        'control_id',
        'clearance_inspections.agency',
        'bay_id',
        'slot_start',
        'slot_end',
        'status',
        'result_at',
        'result_note',
        'name_vi',
        'name_en',
        'name_zh',
        'place_vi',
        'place_en',
        'place_zh',
      ])
      .where('clearance_inspections.trip_id', '=', tripId)
      .orderBy('created_at')
      .execute(),
  ]);
  // One order everywhere: border guard, customs, then the quarantines and the rest (shared CONTROL_KINDS).
  const rank = (c: ControlRow) => CONTROL_KINDS.indexOf(c.kind as ControlKind) * 10 + CLEARANCE_AGENCIES.indexOf(c.agency as ClearanceAgency);
  return {
    controls: controls.sort((a, b) => rank(a) - rank(b)),
    requests,
    inspections: inspections.map((i) => ({
      id: i.id,
      controlId: i.control_id,
      agency: i.agency as ClearanceAgency,
      bayId: i.bay_id,
      bayName: { vi: i.name_vi, en: i.name_en, zh: i.name_zh },
      place: { vi: i.place_vi, en: i.place_en, zh: i.place_zh },
      slotStart: i.slot_start.toISOString(),
      slotEnd: i.slot_end.toISOString(),
      status: i.status as Inspection['status'],
      resultAt: i.result_at?.toISOString() ?? null,
      resultNote: i.result_note,
    })),
  };
}

export function requestView(r: RequestRow, agency: string): DocumentRequest {
  const answer = r.answer as { message: string; documents: Array<{ kind: string; number: string; fileId?: string | null; note?: string | null }> } | null;
  return {
    id: r.id,
    controlId: r.control_id,
    agency: agency as ClearanceAgency,
    items: r.items as DocumentRequest['items'],
    message: r.message,
    requestedAt: r.requested_at.toISOString(),
    requestedByLabel: r.requested_by_label,
    answeredAt: r.answered_at?.toISOString() ?? null,
    answer: answer
      ? {
          message: answer.message,
          documents: answer.documents.map((d) => ({ kind: d.kind as DocumentRequest['items'][number]['kind'], number: d.number, fileId: d.fileId ?? null, note: d.note ?? null })),
          answeredByLabel: r.answered_by_label ?? '',
        }
      : null,
  };
}

/** The latest inspection of a control (scheduled first, else the last one). */
export function inspectionOf(bundle: ControlsBundle, controlId: string): Inspection | null {
  const mine = bundle.inspections.filter((i) => i.controlId === controlId);
  return mine.find((i) => i.status === 'scheduled') ?? mine[mine.length - 1] ?? null;
}

/** `canDecide`: whether the viewer is an officer of this control's agency at this trip's gate. */
export function controlView(c: ControlRow, bundle: ControlsBundle, canDecide: boolean): ClearanceControl {
  const basis = legalBasis(c.legal_basis_id);
  const allowed: DecisionOutcome[] = canDecide ? controlOutcomesFrom(c.status as ControlStatus, c.kind as ControlKind, c.channel as Channel | null) : [];
  return {
    id: c.id,
    tripId: c.trip_id,
    agency: c.agency as ClearanceAgency,
    kind: c.kind as ControlKind,
    status: c.status as ControlStatus,
    channel: c.channel as Channel | null,
    basis: c.basis as ControlBasis[],
    flags: c.flags as ControlFlag[],
    readyAt: c.ready_at.toISOString(),
    waitingSince: c.waiting_since?.toISOString() ?? null,
    decision:
      c.decision && c.decided_at
        ? {
            outcome: c.decision as NonNullable<ClearanceControl['decision']>['outcome'],
            at: c.decided_at.toISOString(),
            byLabel: c.decided_by_label ?? '',
            note: c.decision_note,
            legalBasis: basis ? { id: basis.id, title: basis.title } : null,
          }
        : null,
    requests: bundle.requests.filter((r) => r.control_id === c.id).map((r) => requestView(r, c.agency)),
    inspection: inspectionOf(bundle, c.id),
    version: c.version,
    allowedOutcomes: allowed,
  };
}
