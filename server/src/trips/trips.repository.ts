import type { Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { CargoLineInput, TripContainer, TripDocumentInput, TripFields } from '../../../shared/schemas/trips';
import type { Database } from '../db/database';

// Reading and writing a trip with its cargo lines, containers and documents. Child rows are
// replaced as a whole on each edit (the previous state is kept in trip_versions).

export type Executor = Kysely<Database> | Transaction<Database>;
export type TripRow = Selectable<Database['trips']>;
export type LineRow = Selectable<Database['trip_cargo_lines']>;
export type ContainerRow = Selectable<Database['trip_containers']>;
export type DocumentRow = Selectable<Database['trip_documents']>;

export interface TripAggregate {
  row: TripRow;
  lines: LineRow[];
  containers: ContainerRow[];
  documents: DocumentRow[];
}

export function findTripRow(db: Executor, id: string, forUpdate = false): Promise<TripRow | undefined> {
  const query = db.selectFrom('trips').selectAll().where('id', '=', id);
  return (forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

export async function loadAggregate(db: Executor, row: TripRow): Promise<TripAggregate> {
  const [lines, containers, documents] = await Promise.all([
    db.selectFrom('trip_cargo_lines').selectAll().where('trip_id', '=', row.id).orderBy('line_no').execute(),
    db.selectFrom('trip_containers').selectAll().where('trip_id', '=', row.id).orderBy('position').execute(),
    db.selectFrom('trip_documents').selectAll().where('trip_id', '=', row.id).orderBy('position').execute(),
  ]);
  return { row, lines, containers, documents };
}

const time = (t: string | null) => (t === null ? null : t.slice(0, 5));

export function lineInput(l: LineRow): CargoLineInput {
  const out: CargoLineInput = {};
  const put = <K extends keyof CargoLineInput>(k: K, v: CargoLineInput[K] | null) => {
    if (v !== null && v !== undefined) out[k] = v;
  };
  put('hsCode', l.hs_code);
  put('description', l.description);
  put('packages', l.packages);
  put('packageKind', l.package_kind);
  put('quantity', l.quantity);
  put('unit', l.unit);
  put('grossWeightKg', l.gross_weight_kg);
  put('volumeM3', l.volume_m3);
  put('declaredValue', l.declared_value);
  put('currency', l.currency);
  put('origin', l.origin);
  out.perishable = l.perishable;
  put('goodsCategory', l.goods_category as CargoLineInput['goodsCategory']);
  put('taxableImport', l.taxable_import);
  put('growingAreaCode', l.growing_area_code);
  put('packingHouseCode', l.packing_house_code);
  return out;
}

/** The declaration's editable fields, in the shape of an update request (also the snapshot kept in history). */
export function fieldsOf(a: TripAggregate): Required<TripFields> {
  const r = a.row;
  return {
    direction: r.direction as Required<TripFields>['direction'],
    gateId: r.gate_id,
    plannedDate: r.planned_date,
    window: r.window_from && r.window_to ? { from: time(r.window_from)!, to: time(r.window_to)! } : null,
    vehicleId: r.vehicle_id,
    driverId: r.driver_id,
    containers: a.containers.map((c) => ({ number: c.container_number, size: c.size as TripContainer['size'], sealNumber: c.seal_number })),
    cargoLines: a.lines.map(lineInput),
    documents: a.documents.map((d) => ({ kind: d.kind as TripDocumentInput['kind'], number: d.number, issuedOn: d.issued_on, expiresOn: d.expires_on, fileId: d.file_id, note: d.note })),
    options: r.options as Required<TripFields>['options'],
    notes: r.notes,
  };
}

/** Writes the scalar fields of a trip and replaces its child rows. */
export async function writeFields(tx: Transaction<Database>, tripId: string, f: Required<TripFields>, extra: Updateable<Database['trips']>) {
  await tx
    .updateTable('trips')
    .set({
      direction: f.direction,
      gate_id: f.gateId,
      planned_date: f.plannedDate,
      window_from: f.window?.from ?? null,
      window_to: f.window?.to ?? null,
      vehicle_id: f.vehicleId,
      driver_id: f.driverId,
      options: JSON.stringify(f.options ?? {}),
      notes: f.notes,
      ...extra,
    })
    .where('id', '=', tripId)
    .execute();
  await tx.deleteFrom('trip_cargo_lines').where('trip_id', '=', tripId).execute();
  await tx.deleteFrom('trip_containers').where('trip_id', '=', tripId).execute();
  await tx.deleteFrom('trip_documents').where('trip_id', '=', tripId).execute();
  if (f.cargoLines.length > 0) {
    await tx
      .insertInto('trip_cargo_lines')
      .values(
        f.cargoLines.map((l, i) => ({
          trip_id: tripId,
          line_no: i,
          hs_code: l.hsCode?.trim() || null,
          description: l.description ?? null,
          packages: l.packages ?? null,
          package_kind: l.packageKind ?? null,
          quantity: l.quantity ?? null,
          unit: l.unit ?? null,
          gross_weight_kg: l.grossWeightKg ?? null,
          volume_m3: l.volumeM3 ?? null,
          declared_value: l.declaredValue ?? null,
          currency: l.currency ?? null,
          origin: l.origin ?? null,
          perishable: l.perishable ?? false,
          goods_category: l.goodsCategory ?? null,
          taxable_import: l.taxableImport ?? null,
          growing_area_code: l.growingAreaCode ?? null,
          packing_house_code: l.packingHouseCode ?? null,
        })),
      )
      .execute();
  }
  if (f.containers.length > 0) {
    await tx
      .insertInto('trip_containers')
      .values(f.containers.map((c, i) => ({ trip_id: tripId, position: i, container_number: c.number.toUpperCase().replace(/[\s-]/g, ''), size: c.size, seal_number: c.sealNumber ?? null })))
      .execute();
  }
  if (f.documents.length > 0) {
    await tx
      .insertInto('trip_documents')
      .values(
        f.documents.map((d, i) => ({
          trip_id: tripId,
          position: i,
          kind: d.kind,
          number: d.number.trim(),
          issued_on: d.issuedOn ?? null,
          expires_on: d.expiresOn ?? null,
          file_id: d.fileId ?? null,
          note: d.note ?? null,
        })),
      )
      .execute();
  }
}

export async function fileIdsOf(db: Executor, tripId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('trip_files').select('id').where('trip_id', '=', tripId).execute();
  return new Set(rows.map((r) => r.id));
}
