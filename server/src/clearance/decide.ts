import type { Transaction } from 'kysely';
import { agencyOfRole, controlOutcomesFrom, type Channel, type ClearanceTripView, type ControlKind, type ControlStatus, type DecisionRequest } from '../../../shared/schemas/clearance';
import type { Database } from '../db/database';
import { actorLabel, requireGateScope, requirePermission, type AuthenticatedActor } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError, type FieldError } from '../platform/errors';
import { runIdempotent, type IdempotentResult } from '../platform/idempotency';
import { findTripRow, type TripRow } from '../trips/trips.repository';
import { bumpEnterprise } from './counters';
import { emitDecided, type ControlRow } from './control-log';
import { closeOpenRequest, moveControl } from './control-store';
import { driverInstructions } from './driver-instructions';
import { assignInspection } from './inspections';
import { notifyTripParties } from './notify';
import { controlRules, legalBasis } from './reference';
import { refuseTrip } from './refuse-trip';
import { refreshClearance } from './status';
import { officerTripView } from './trip-view';

// An officer's decision on their own agency's control, at their own gate, once per
// Idempotency-Key: pass, request documents, inspect (a bay and slot are assigned and the driver
// told where to go), or refuse with a legal basis (the trip is refused). In `inspection`, pass
// and refuse record the inspection's result.

function inputProblems(input: DecisionRequest, agency: string): FieldError[] {
  const problems: FieldError[] = [];
  const need = (field: keyof DecisionRequest) => {
    if (input[field] === undefined || input[field] === null || input[field] === '') problems.push({ path: `/${field}`, message: `required when the outcome is ${input.outcome}`, code: 'required' });
  };
  if (input.outcome === 'request_documents') {
    need('message');
    need('items');
  }
  if (input.outcome === 'refuse') {
    need('legalBasisId');
    need('reason');
    const basis = legalBasis(input.legalBasisId);
    if (input.legalBasisId && (!basis || !basis.agencies.includes(agency as never))) problems.push({ path: '/legalBasisId', message: 'not a legal basis your agency may cite', code: 'clearance.legal_basis_unknown' });
  }
  return problems;
}

async function locate(ctx: RequestContext, actor: AuthenticatedActor, controlId: string) {
  const found = await ctx.app.db
    .selectFrom('clearance_controls')
    .innerJoin('trips', 'trips.id', 'clearance_controls.trip_id')
    .select(['clearance_controls.trip_id', 'clearance_controls.agency', 'trips.gate_id'])
    .where('clearance_controls.id', '=', controlId)
    .executeTakeFirst();
  if (!found || !found.gate_id) throw new AppError('clearance.control_not_found');
  requireGateScope(actor, found.gate_id);
  return found;
}

const names = () => controlRules().agencies;

async function apply(tx: Transaction<Database>, ctx: RequestContext, actor: AuthenticatedActor, trip: TripRow, control: ControlRow, input: DecisionRequest, now: Date) {
  const inInspection = control.status === 'inspection';
  const agency = names()[control.agency as keyof ReturnType<typeof names>];
  const dedupeKey = `clearance:${control.id}:${control.version}:${input.outcome}`;
  // Deciding without waiting for the documents withdraws the open request.
  if (control.status === 'documents_requested') await closeOpenRequest(tx, actor, control.id, now, `Withdrawn: ${input.outcome} decided by ${actorLabel(actor)}`);
  switch (input.outcome) {
    case 'pass': {
      if (inInspection) await finishInspection(tx, actor, control.id, 'passed', input.note ?? null, now);
      const row = await moveControl(tx, actor, ctx.requestId, control, { to: 'passed', action: inInspection ? 'inspection_pass' : 'pass', decision: 'pass', note: input.note ?? null, waitingSince: null }, now);
      await emitDecided(tx, trip, control, 'pass', now, { inspection: inInspection });
      return row;
    }
    case 'request_documents': {
      const request = await tx
        .insertInto('clearance_document_requests')
        .values({ control_id: control.id, trip_id: trip.id, items: JSON.stringify(input.items), message: input.message!, requested_by: actor.userId, requested_by_label: actorLabel(actor), requested_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      const row = await moveControl(tx, actor, ctx.requestId, control, { to: 'documents_requested', action: 'request_documents', decision: 'request_documents', note: input.message, waitingSince: null, answered: false, details: { requestId: request.id, items: input.items } }, now);
      await bumpEnterprise(tx, trip.enterprise_id, 'document_requests', now);
      await emitDecided(tx, trip, control, 'request_documents', now, { requestId: request.id });
      const items = input.items!.map((i) => i.description).join('; ');
      await notifyTripParties(
        tx,
        trip,
        {
          kind: 'clearance.documents_requested',
          title: { vi: `${agency.vi} yêu cầu bổ sung chứng từ`, en: `${agency.en} asks for documents`, zh: `${agency.zh}要求补充单证` },
          body: { vi: `${trip.reference}: ${input.message} (${items})`, en: `${trip.reference}: ${input.message} (${items})`, zh: `${trip.reference}: ${input.message} (${items})` },
          dedupeKey,
        },
        now,
      );
      return row;
    }
    case 'inspect': {
      const inspection = await assignInspection(tx, trip, control, input.bayId, now);
      const row = await moveControl(tx, actor, ctx.requestId, control, { to: 'inspection', action: 'inspect', decision: 'inspect', note: input.note ?? null, waitingSince: now, details: { inspectionId: inspection.id, bayId: inspection.bay_id, slotStart: inspection.slot_start.toISOString() } }, now);
      await emitDecided(tx, trip, control, 'inspect', now, { bayId: inspection.bay_id, slotStart: inspection.slot_start.toISOString() });
      const told = (await driverInstructions(tx, trip.id)).filter((i) => i.kind === 'inspection' && i.at === inspection.slot_start.toISOString());
      await notifyTripParties(
        tx,
        trip,
        {
          kind: 'clearance.inspection',
          title: { vi: `Kiểm tra thực tế: ${agency.vi}`, en: `Inspection: ${agency.en}`, zh: `查验：${agency.zh}` },
          body: { vi: `${trip.reference}: ${told.map((t) => t.vi).join(' ')}`, en: `${trip.reference}: ${told.map((t) => t.en).join(' ')}`, zh: `${trip.reference}: ${told.map((t) => t.zh).join(' ')}` },
          dedupeKey,
        },
        now,
      );
      return row;
    }
    case 'refuse': {
      if (inInspection) {
        await finishInspection(tx, actor, control.id, 'refused', input.reason ?? null, now);
        await bumpEnterprise(tx, trip.enterprise_id, 'discrepancies', now);
      }
      const row = await moveControl(tx, actor, ctx.requestId, control, { to: 'refused', action: inInspection ? 'inspection_refuse' : 'refuse', decision: 'refuse', note: input.reason, legalBasisId: input.legalBasisId, reason: input.reason, waitingSince: null }, now);
      await emitDecided(tx, trip, control, 'refuse', now, { legalBasisId: input.legalBasisId, inspection: inInspection });
      return row;
    }
  }
}

async function finishInspection(tx: Transaction<Database>, actor: AuthenticatedActor, controlId: string, status: 'passed' | 'refused', note: string | null, now: Date) {
  await tx
    .updateTable('clearance_inspections')
    .set({ status, result_at: now, result_by: actor.userId, result_by_label: actorLabel(actor), result_note: note })
    .where('control_id', '=', controlId)
    .where('status', '=', 'scheduled')
    .execute();
}

export async function decideControl(ctx: RequestContext, controlId: string, input: DecisionRequest, key: string): Promise<IdempotentResult<ClearanceTripView>> {
  const actor = requirePermission(ctx.actor, 'clearance:decide');
  const agency = agencyOfRole(actor.role);
  if (!agency) throw new AppError('clearance.no_agency');
  const found = await locate(ctx, actor, controlId);
  if (found.agency !== agency) throw new AppError('clearance.wrong_agency', { controlAgency: found.agency });
  const problems = inputProblems(input, agency);
  if (problems.length > 0) {
    const legal = problems.every((p) => p.code === 'clearance.legal_basis_unknown');
    throw new AppError(legal ? 'clearance.legal_basis_unknown' : 'clearance.decision_incomplete', { errors: problems });
  }
  const result = await runIdempotent(ctx, { scope: `clearance:${controlId}:decision`, key, request: input }, async (tx) => {
    const now = ctx.app.now();
    const trip = (await findTripRow(tx, found.trip_id, true))!;
    const control = await tx.selectFrom('clearance_controls').selectAll().where('id', '=', controlId).forUpdate().executeTakeFirstOrThrow();
    if (control.version !== input.version) throw new AppError('clearance.version_conflict', { currentVersion: control.version });
    const allowed = controlOutcomesFrom(control.status as ControlStatus, control.kind as ControlKind, control.channel as Channel | null);
    if (!allowed.includes(input.outcome)) throw new AppError('clearance.invalid_transition', { allowedActions: allowed, controlStatus: control.status });
    await apply(tx, ctx, actor, trip, control, input, now);
    await refreshClearance(tx, actor, ctx.requestId, trip.id, now);
    if (input.outcome === 'refuse') {
      await refuseTrip(tx, actor, ctx.requestId, trip.id, input.reason!, { agency, controlId, legalBasisId: input.legalBasisId }, now);
    }
    return { status: 200, body: { tripId: trip.id } as unknown as ClearanceTripView };
  });
  return { ...result, body: await officerTripView(ctx, found.trip_id) };
}
