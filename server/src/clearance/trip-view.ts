import { agencyOfRole, type ClearanceTripView, type ControlEvent } from '../../../shared/schemas/clearance';
import { requirePermission, type AuthenticatedActor } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { canSeeTrip } from '../trips/trip-scope';
import { tripView } from '../trips/trip-view';
import { findTripRow, type TripRow } from '../trips/trips.repository';
import { controlView, loadControls } from './controls-view';
import { enterpriseCounters } from './counters';
import { approvalsFor, lineCodeChecks, loadFacts } from './facts';
import { complianceClass } from './risk-engine';
import { ruleSetInForce } from './rule-sets';
import { selectionsOf } from './selection';

// The one page an officer works from: the declaration with every document and file, each
// agency's control and result, the customs selection and why, and the control log.

/** Whether this officer decides this agency's controls on this trip (own agency, own gate). */
export function decidesFor(actor: AuthenticatedActor, trip: TripRow, agency: string): boolean {
  if (!actor.permissions.has('clearance:decide') || agencyOfRole(actor.role) !== agency) return false;
  return trip.gate_id !== null && (actor.role === 'admin' || actor.gateIds.includes(trip.gate_id));
}

export async function officerTripView(ctx: RequestContext, tripId: string): Promise<ClearanceTripView> {
  const actor = requirePermission(ctx.actor, 'clearance:read');
  const db = ctx.app.db;
  const row = await findTripRow(db, tripId);
  if (!row || row.status === 'draft' || !(await canSeeTrip(db, actor, row))) throw new AppError('trips.not_found');
  const [trip, bundle, facts, counters, ruleSet, events] = await Promise.all([
    tripView(db, actor, row),
    loadControls(db, tripId),
    loadFacts(db, row),
    enterpriseCounters(db, row.enterprise_id),
    ruleSetInForce(db, ctx.app.now()),
    db.selectFrom('clearance_control_events').selectAll().where('trip_id', '=', tripId).orderBy('id').execute(),
  ]);
  const approvals = await approvalsFor(db, facts);
  const customs = bundle.controls.find((c) => c.kind === 'customs');
  const selections = await selectionsOf(db, tripId, customs?.selection_id ?? null);
  const agencyOf = new Map(bundle.controls.map((c) => [c.id, c]));
  return {
    trip: {
      id: trip.id,
      reference: trip.reference,
      enterpriseId: trip.enterpriseId,
      enterpriseName: trip.enterpriseName,
      status: trip.status,
      clearanceStatus: trip.clearanceStatus,
      direction: trip.direction,
      gateId: trip.gateId,
      gateName: trip.gateName,
      plannedDate: trip.plannedDate,
      window: trip.window,
      plate: trip.vehicle?.plate ?? null,
      trailerPlate: trip.vehicle?.trailerPlate ?? null,
      driverName: trip.driver?.fullName ?? null,
      driverNationality: trip.driver?.nationality ?? null,
      driverDocument: trip.driver ? `${trip.driver.documentType} ${trip.driver.documentNumber}` : null,
      perishable: trip.cargoLines.some((l) => l.perishable),
      submittedAt: trip.submittedAt,
    },
    cargoLines: trip.cargoLines.map((l) => {
      const fact = facts.lines.find((f) => f.index === l.index)!;
      const checks = lineCodeChecks(facts, fact, approvals);
      return { ...l, growingAreaCheck: checks.growingArea, packingHouseCheck: checks.packingHouse };
    }),
    documents: trip.documents,
    files: trip.files,
    controls: bundle.controls.map((c) => controlView(c, bundle, decidesFor(actor, row, c.agency))),
    selection: selections.find((s) => s.current) ?? null,
    selections,
    compliance: {
      class: ruleSet ? complianceClass(ruleSet.rules.complianceClasses, counters) : '-',
      trips: counters.trips,
      cleared: counters.cleared,
      refusals: counters.refusals,
      discrepancies: counters.discrepancies,
      documentRequests: counters.documentRequests,
    },
    events: events.map(
      (e): ControlEvent => ({
        id: e.id,
        controlId: e.control_id,
        agency: agencyOf.get(e.control_id)!.agency as ControlEvent['agency'],
        kind: agencyOf.get(e.control_id)!.kind as ControlEvent['kind'],
        action: e.action as ControlEvent['action'],
        fromStatus: e.from_status as ControlEvent['fromStatus'],
        toStatus: e.to_status as ControlEvent['toStatus'],
        at: e.at.toISOString(),
        actorLabel: e.actor_label,
        reason: e.reason,
        details: e.details as Record<string, unknown>,
      }),
    ),
  };
}
