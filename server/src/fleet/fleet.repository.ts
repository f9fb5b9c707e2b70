import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Driver, Vehicle } from '../../../shared/schemas/fleet';
import type { Database } from '../db/database';

type Executor = Kysely<Database> | Transaction<Database>;
export type VehicleRow = Selectable<Database['vehicles']>;
export type DriverRow = Selectable<Database['drivers']>;

export function toVehicle(row: VehicleRow, today: string): Vehicle {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    plate: row.plate,
    plateCountry: row.plate_country as Vehicle['plateCountry'],
    plateProvince: row.plate_province,
    type: row.type as Vehicle['type'],
    axles: row.axles,
    tonnageCapacity: row.tonnage_capacity,
    trailerPlate: row.trailer_plate,
    containerNumbers: row.container_numbers,
    inspectionExpiresOn: row.inspection_expires_on,
    inspectionExpired: row.inspection_expires_on !== null && row.inspection_expires_on < today,
    active: row.active,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toDriver(row: DriverRow, today: string): Driver {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    fullName: row.full_name,
    nationality: row.nationality,
    documentType: row.document_type as Driver['documentType'],
    documentNumber: row.document_number,
    documentExpiresOn: row.document_expires_on,
    documentExpired: row.document_expires_on < today,
    phone: row.phone,
    accountId: row.account_id,
    active: row.active,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function listVehicleRows(db: Executor, filter: { enterpriseId: string | null; q?: string; active?: boolean }) {
  let query = db.selectFrom('vehicles').selectAll();
  if (filter.enterpriseId) query = query.where('enterprise_id', '=', filter.enterpriseId);
  if (filter.active !== undefined) query = query.where('active', '=', filter.active);
  // Plates are compared without separators, so "11C12345" finds "11C-123.45".
  if (filter.q) {
    const bare = filter.q.toUpperCase().replace(/[\s.\-·]/g, '');
    query = query.where(sql<boolean>`translate(upper(plate), '.-·', '') like ${like(bare)}`);
  }
  return query.orderBy('plate').limit(500).execute();
}

export function findVehicleRow(db: Executor, id: string, forUpdate = false) {
  const query = db.selectFrom('vehicles').selectAll().where('id', '=', id);
  return (forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

export function listDriverRows(db: Executor, filter: { enterpriseId: string | null; q?: string; active?: boolean }) {
  let query = db.selectFrom('drivers').selectAll();
  if (filter.enterpriseId) query = query.where('enterprise_id', '=', filter.enterpriseId);
  if (filter.active !== undefined) query = query.where('active', '=', filter.active);
  if (filter.q) {
    const pattern = like(filter.q);
    query = query.where((eb) =>
      eb.or([
        eb(sql<string>`unaccent(lower(full_name))`, 'like', sql<string>`unaccent(lower(${pattern}))`),
        eb('document_number', 'like', like(filter.q!.toUpperCase().replace(/\s/g, ''))),
      ]),
    );
  }
  return query.orderBy('full_name').limit(500).execute();
}

export function findDriverRow(db: Executor, id: string, forUpdate = false) {
  const query = db.selectFrom('drivers').selectAll().where('id', '=', id);
  return (forUpdate ? query.forUpdate() : query).executeTakeFirst();
}
