import type { CreateVehicleRequest, FleetListQuery, UpdateVehicleRequest, Vehicle } from '../../../shared/schemas/fleet';
import type { TripCheckError } from '../../../shared/schemas/trips';
import { recordAudit } from '../audit/audit.repository';
import { requirePermission } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError, isUniqueViolation } from '../platform/errors';
import { runIdempotent, type IdempotentResult } from '../platform/idempotency';
import { checkError, throwIfProblems } from '../trips/check-error';
import { todayIn } from '../trips/time';
import { findVehicleRow, listVehicleRows, toVehicle } from './fleet.repository';
import { checkContainers, checkTrailerPlate, checkVehiclePlate } from './fleet.validation';
import { inEnterpriseScope, readEnterprise, writeEnterprise } from './scope';

// An enterprise's trucks. Only the enterprise (and administrators) see and change its fleet;
// any other vehicle answers 404. The plate is fixed once registered: a new plate is a new vehicle.

export async function listVehicles(ctx: RequestContext, query: FleetListQuery): Promise<Vehicle[]> {
  const actor = requirePermission(ctx.actor, 'fleet:write');
  const rows = await listVehicleRows(ctx.app.db, { enterpriseId: readEnterprise(actor, query.enterpriseId), q: query.q, active: query.active });
  const today = todayIn(ctx.app.now());
  return rows.map((r) => toVehicle(r, today));
}

export async function getVehicle(ctx: RequestContext, id: string): Promise<Vehicle> {
  const actor = requirePermission(ctx.actor, 'fleet:write');
  const row = await findVehicleRow(ctx.app.db, id);
  if (!row || !inEnterpriseScope(actor, row.enterprise_id)) throw new AppError('fleet.vehicle_not_found');
  return toVehicle(row, todayIn(ctx.app.now()));
}

function checkInspection(expiresOn: string | null | undefined, today: string, problems: TripCheckError[]) {
  if (expiresOn && expiresOn < today) problems.push(checkError('/inspectionExpiresOn', 'fleet.inspection_expired'));
}

async function assertEnterpriseExists(ctx: RequestContext, enterpriseId: string) {
  const found = await ctx.app.db.selectFrom('enterprises').select('id').where('id', '=', enterpriseId).executeTakeFirst();
  if (!found) throw new AppError('enterprises.not_found');
}

export async function createVehicle(ctx: RequestContext, input: CreateVehicleRequest, key: string | undefined): Promise<IdempotentResult<Vehicle>> {
  const actor = requirePermission(ctx.actor, 'fleet:write');
  const enterpriseId = writeEnterprise(actor, input.enterpriseId);
  await assertEnterpriseExists(ctx, enterpriseId);
  const now = ctx.app.now();
  const today = todayIn(now);
  const problems: TripCheckError[] = [];
  const plate = checkVehiclePlate(input.plate, input.plateCountry, problems);
  const trailer = checkTrailerPlate(input.trailerPlate, problems);
  const containers = checkContainers(input.containerNumbers ?? [], '/containerNumbers', problems);
  checkInspection(input.inspectionExpiresOn, today, problems);
  throwIfProblems('fleet.invalid_vehicle', problems);
  return runIdempotent(ctx, { scope: `${actor.userId}:vehicles.create`, key, request: input }, async (tx) => {
    let row;
    try {
      row = await tx
        .insertInto('vehicles')
        .values({
          enterprise_id: enterpriseId,
          plate: plate!.canonical,
          plate_country: plate!.country,
          plate_province: plate!.province,
          type: input.type,
          axles: input.axles,
          tonnage_capacity: input.tonnageCapacity,
          trailer_plate: trailer,
          container_numbers: containers,
          inspection_expires_on: input.inspectionExpiresOn ?? null,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    } catch (error) {
      if (isUniqueViolation(error, 'vehicles_plate_unique')) throw new AppError('fleet.duplicate_vehicle', { plate: plate!.canonical });
      throw error;
    }
    const vehicle = toVehicle(row, today);
    await recordAudit(tx, actor, ctx.requestId, { action: 'vehicle.created', entityType: 'vehicle', entityId: row.id, after: vehicle });
    return { status: 201, body: vehicle };
  });
}

export async function updateVehicle(ctx: RequestContext, id: string, input: UpdateVehicleRequest): Promise<Vehicle> {
  const actor = requirePermission(ctx.actor, 'fleet:write');
  const now = ctx.app.now();
  const today = todayIn(now);
  return ctx.app.db.transaction().execute(async (tx) => {
    const row = await findVehicleRow(tx, id, true);
    if (!row || !inEnterpriseScope(actor, row.enterprise_id)) throw new AppError('fleet.vehicle_not_found');
    if (row.version !== input.version) throw new AppError('fleet.version_conflict', { currentVersion: row.version });
    const problems: TripCheckError[] = [];
    const trailer = input.trailerPlate !== undefined ? checkTrailerPlate(input.trailerPlate, problems) : row.trailer_plate;
    const containers = input.containerNumbers ? checkContainers(input.containerNumbers, '/containerNumbers', problems) : row.container_numbers;
    if (input.inspectionExpiresOn !== undefined) checkInspection(input.inspectionExpiresOn, today, problems);
    throwIfProblems('fleet.invalid_vehicle', problems);
    const updated = await tx
      .updateTable('vehicles')
      .set({
        type: input.type ?? row.type,
        axles: input.axles ?? row.axles,
        tonnage_capacity: input.tonnageCapacity ?? row.tonnage_capacity,
        trailer_plate: trailer,
        container_numbers: containers,
        inspection_expires_on: input.inspectionExpiresOn !== undefined ? input.inspectionExpiresOn : row.inspection_expires_on,
        active: input.active ?? row.active,
        version: row.version + 1,
        updated_at: now,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = toVehicle(updated, today);
    await recordAudit(tx, actor, ctx.requestId, { action: 'vehicle.updated', entityType: 'vehicle', entityId: id, before: toVehicle(row, today), after });
    return after;
  });
}
