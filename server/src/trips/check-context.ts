import type { TripFields } from '../../../shared/schemas/trips';
import { findDriverRow, findVehicleRow } from '../fleet/fleet.repository';
import { findGateRow, loadCalendars } from '../gates/gates.repository';
import type { CheckInput } from './checks';
import { fileIdsOf, type Executor } from './trips.repository';

/** Loads what the checks look at: the gate and its calendar, the vehicle, the driver, the trip's files. */
export async function loadCheckInput(db: Executor, fields: Required<TripFields>, enterpriseId: string, tripId: string | null, now: Date): Promise<CheckInput> {
  const [gateRow, vehicle, driver, fileIds] = await Promise.all([
    fields.gateId ? findGateRow(db, fields.gateId) : undefined,
    fields.vehicleId ? findVehicleRow(db, fields.vehicleId) : undefined,
    fields.driverId ? findDriverRow(db, fields.driverId) : undefined,
    tripId ? fileIdsOf(db, tripId) : new Set<string>(),
  ]);
  const calendar = gateRow ? (await loadCalendars(db, [gateRow.id])).get(gateRow.id)! : null;
  return {
    fields,
    enterpriseId,
    gate: gateRow && calendar ? { row: gateRow, calendar } : null,
    vehicle: vehicle ?? null,
    driver: driver ?? null,
    fileIds,
    now,
  };
}

/** Request fields with everything absent filled by its empty value (a new trip). */
export function withDefaults(input: TripFields): Required<TripFields> {
  return {
    direction: input.direction ?? null,
    gateId: input.gateId ?? null,
    plannedDate: input.plannedDate ?? null,
    window: input.window ?? null,
    vehicleId: input.vehicleId ?? null,
    driverId: input.driverId ?? null,
    containers: input.containers ?? [],
    cargoLines: input.cargoLines ?? [],
    documents: input.documents ?? [],
    options: input.options ?? {},
    notes: input.notes ?? null,
  };
}

/** The stored fields with the given ones replacing them; and the names of those that changed. */
export function merge(current: Required<TripFields>, input: TripFields): { merged: Required<TripFields>; changes: string[] } {
  const merged = { ...current };
  const changes: string[] = [];
  for (const key of Object.keys(current) as Array<keyof TripFields>) {
    if (!(key in input) || input[key] === undefined) continue;
    const next = input[key] ?? (Array.isArray(current[key]) ? [] : key === 'options' ? {} : null);
    if (JSON.stringify(next) !== JSON.stringify(current[key])) changes.push(key);
    (merged as Record<string, unknown>)[key] = next;
  }
  return { merged, changes };
}
