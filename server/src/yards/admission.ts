import { FINAL_TRIP_STATUSES, type TripStatus } from '../../../shared/workflows/trip';
import type { FlagReason, YardRules } from '../../../shared/schemas/yards';
import { crossingDirectionOf } from '../capacity/capacity-query';
import { addDays, localParts } from '../gates/calendar';
import { outstandingOf } from '../trips/lifecycle';
import type { Executor, TripRow } from '../trips/trips.repository';
import { stepTarget } from './paths';

// Whether a truck may be admitted to a yard, and if not, why (the reason becomes a flag). Checked
// by the one check-in service whatever the path (camera, QR, manual, offline).

export interface YardRowLite {
  id: string;
  gate_id: string;
  directions: string[];
}

export type Admission = { ok: true } | { ok: false; already: true } | { ok: false; already?: false; reason: FlagReason; details: Record<string, unknown> };

export async function admission(db: Executor, trip: TripRow, yard: YardRowLite, at: Date, rules: YardRules, timeZone: string): Promise<Admission> {
  const refuse = (reason: FlagReason, details: Record<string, unknown> = {}): Admission => ({ ok: false, reason, details: { tripStatus: trip.status, ...details } });
  if (trip.gate_id !== yard.gate_id) return refuse('wrong_gate', { declaredGate: trip.gate_id });
  const status = trip.status as TripStatus;
  if (status === 'checked_in' || status === 'called') return { ok: false, already: true };
  if (FINAL_TRIP_STATUSES.includes(status)) return refuse('trip_ended');
  if (status === 'draft') return refuse('unknown_trip');
  if (status === 'submitted') return refuse('unpaid', { outstanding: outstandingOf(trip) });
  const direction = crossingDirectionOf(trip.direction);
  if (direction === 'import' && status === 'paid') return refuse('not_crossed');
  if (stepTarget(direction, status, 'check_in') === null) return refuse('wrong_step');
  if (outstandingOf(trip) > 0) return refuse('unpaid', { outstanding: outstandingOf(trip) });
  if (!yard.directions.includes(direction)) return refuse('wrong_direction', { direction, yardDirections: yard.directions });
  const pass = await db.selectFrom('gate_passes').select(['serial', 'valid_until']).where('trip_id', '=', trip.id).where('status', '=', 'valid').executeTakeFirst();
  if (!pass) return refuse('pass_invalid', { verdict: 'no_valid_pass' });
  if (direction === 'export') {
    // An import is already at the gate (it crossed); an export must come on its day.
    const today = localParts(at, timeZone).date;
    const earliest = addDays(trip.planned_date!, -rules.rules.arrival.earlyDays);
    if (today < earliest) return refuse('wrong_day', { plannedDate: trip.planned_date, earliestDate: earliest });
    if (at.getTime() > pass.valid_until.getTime()) return refuse('wrong_day', { plannedDate: trip.planned_date, passValidUntil: pass.valid_until.toISOString() });
  }
  return { ok: true };
}
