import type { PassSummary } from '../../../shared/schemas/passes';
import type { CargoLine, Trip, TripSummary } from '../../../shared/schemas/trips';
import { validateHsCode } from '../hs/nomenclature';
import type { Actor } from '../platform/actor';
import { hasPendingCharge } from '../payments/payments.repository';
import { allowedActionsFor, outstandingOf } from './lifecycle';
import { fieldsOf, loadAggregate, type Executor, type TripRow } from './trips.repository';

// The trip as the API shows it: the declaration, the fleet it names, money, pass and the actions
// the current user may take.

const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function tripView(db: Executor, actor: Actor, row: TripRow): Promise<Trip> {
  const agg = await loadAggregate(db, row);
  const fields = fieldsOf(agg);
  const [enterprise, gate, vehicle, driver, files, pass, pending] = await Promise.all([
    db.selectFrom('enterprises').select('name').where('id', '=', row.enterprise_id).executeTakeFirstOrThrow(),
    row.gate_id ? db.selectFrom('gates').select(['name_vi', 'province']).where('id', '=', row.gate_id).executeTakeFirst() : undefined,
    row.vehicle_id ? db.selectFrom('vehicles').selectAll().where('id', '=', row.vehicle_id).executeTakeFirst() : undefined,
    row.driver_id ? db.selectFrom('drivers').selectAll().where('id', '=', row.driver_id).executeTakeFirst() : undefined,
    db.selectFrom('trip_files').select(['id', 'file_name', 'content_type', 'size', 'sha256', 'uploaded_at']).where('trip_id', '=', row.id).orderBy('uploaded_at').execute(),
    db.selectFrom('gate_passes').select(['id', 'serial', 'status', 'issued_at', 'valid_until']).where('trip_id', '=', row.id).orderBy('serial', 'desc').executeTakeFirst(),
    hasPendingCharge(db, row.id),
  ]);
  const cargoLines: CargoLine[] = agg.lines.map((l) => {
    const hs = l.hs_code ? validateHsCode(l.hs_code) : null;
    return {
      index: l.line_no,
      hsCode: l.hs_code,
      hsDescription: hs?.ok ? hs.description : null,
      description: l.description,
      packages: l.packages,
      packageKind: l.package_kind,
      quantity: l.quantity,
      unit: l.unit,
      grossWeightKg: l.gross_weight_kg,
      volumeM3: l.volume_m3,
      declaredValue: l.declared_value,
      currency: l.currency,
      origin: l.origin,
      perishable: l.perishable,
      goodsCategory: l.goods_category,
      taxableImport: l.taxable_import,
      growingAreaCode: l.growing_area_code,
      packingHouseCode: l.packing_house_code,
    };
  });
  const passSummary: PassSummary | null = pass
    ? { id: pass.id, serial: pass.serial, status: pass.status as PassSummary['status'], issuedAt: pass.issued_at.toISOString(), validUntil: pass.valid_until.toISOString() }
    : null;
  return {
    id: row.id,
    reference: row.reference,
    enterpriseId: row.enterprise_id,
    enterpriseName: enterprise.name,
    status: row.status as Trip['status'],
    clearanceStatus: row.clearance_status as Trip['clearanceStatus'],
    version: row.version,
    direction: fields.direction,
    gateId: row.gate_id,
    gateName: gate?.name_vi ?? null,
    province: gate?.province ?? null,
    plannedDate: row.planned_date,
    window: fields.window,
    vehicle: vehicle
      ? {
          id: vehicle.id,
          plate: vehicle.plate,
          plateCountry: vehicle.plate_country as 'VN' | 'CN',
          type: vehicle.type as NonNullable<Trip['vehicle']>['type'],
          axles: vehicle.axles,
          tonnageCapacity: vehicle.tonnage_capacity,
          trailerPlate: vehicle.trailer_plate,
        }
      : null,
    driver: driver
      ? {
          id: driver.id,
          fullName: driver.full_name,
          nationality: driver.nationality,
          documentType: driver.document_type as 'passport' | 'border_pass',
          documentNumber: driver.document_number,
          documentExpiresOn: driver.document_expires_on,
        }
      : null,
    containers: fields.containers.map((c) => ({ number: c.number, size: c.size, sealNumber: c.sealNumber ?? null })),
    cargoLines,
    documents: fields.documents.map((d) => ({ kind: d.kind, number: d.number, issuedOn: d.issuedOn ?? null, expiresOn: d.expiresOn ?? null, fileId: d.fileId ?? null, note: d.note ?? null })),
    files: files.map((f) => ({ id: f.id, fileName: f.file_name, contentType: f.content_type, size: f.size, sha256: f.sha256, uploadedAt: f.uploaded_at.toISOString() })),
    options: fields.options,
    notes: row.notes,
    fee: { total: row.fee_total, paid: row.paid_amount, outstanding: outstandingOf(row), quote: (row.fee_quote as Trip['fee']['quote']) ?? null },
    pass: passSummary,
    allowedActions: allowedActionsFor(actor, row, pending),
    expiresAt: iso(row.expires_at),
    submittedAt: iso(row.submitted_at),
    paidAt: iso(row.paid_at),
    cancelledAt: iso(row.cancelled_at),
    expiredAt: iso(row.expired_at),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toTripSummary(
  row: TripRow & { enterprise_name: string; plate: string | null; driver_name: string | null },
): TripSummary {
  return {
    id: row.id,
    reference: row.reference,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    status: row.status as TripSummary['status'],
    clearanceStatus: row.clearance_status as TripSummary['clearanceStatus'],
    version: row.version,
    direction: row.direction as TripSummary['direction'],
    gateId: row.gate_id,
    plannedDate: row.planned_date,
    window: row.window_from && row.window_to ? { from: row.window_from.slice(0, 5), to: row.window_to.slice(0, 5) } : null,
    plate: row.plate,
    driverName: row.driver_name,
    feeTotal: row.fee_total,
    outstanding: outstandingOf(row),
    expiresAt: iso(row.expires_at),
    updatedAt: row.updated_at.toISOString(),
  };
}
