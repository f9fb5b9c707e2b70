import Type, { type Static } from 'typebox';
import { DateString, Nullable, Uuid } from './common';

// An enterprise's vehicles and drivers. Plates are validated by format (domain.md §5) and stored
// in canonical form ("11C-123.45", "桂F·12345"); container numbers carry an ISO 6346 check digit.

export const VEHICLE_TYPES = ['truck', 'container_truck', 'tractor_unit', 'refrigerated_truck', 'tanker', 'van'] as const;
export const DRIVER_DOCUMENT_TYPES = ['passport', 'border_pass'] as const;
export const PLATE_COUNTRIES = ['VN', 'CN'] as const;

export const VehicleType = Type.Enum(VEHICLE_TYPES);
export const DriverDocumentType = Type.Enum(DRIVER_DOCUMENT_TYPES);
export const PlateCountry = Type.Enum(PLATE_COUNTRIES);

export const PlateInput = Type.String({ minLength: 4, maxLength: 20, description: 'Vietnamese (11C-123.45) or Chinese (桂F·12345) plate; separators optional' });
export const ContainerNumber = Type.String({
  pattern: '^[A-Za-z]{4} ?[0-9]{6} ?-?[0-9]$',
  description: 'ISO 6346: owner code, category, serial and check digit, e.g. MSCU1234566',
});

const Version = Type.Integer({ minimum: 1, description: 'The version you read; a stale one gets 409' });

export const Vehicle = Type.Object({
  id: Uuid,
  enterpriseId: Uuid,
  plate: Type.String({ description: 'Canonical plate' }),
  plateCountry: PlateCountry,
  plateProvince: Type.String({ description: 'Province the plate was issued in' }),
  type: VehicleType,
  axles: Type.Integer(),
  tonnageCapacity: Type.Number({ description: 'Tonnes the vehicle may carry (payload limit)' }),
  trailerPlate: Nullable(Type.String()),
  containerNumbers: Type.Array(Type.String(), { description: 'Containers usually carried (canonical, no spaces)' }),
  inspectionExpiresOn: Nullable(DateString),
  inspectionExpired: Type.Boolean({ description: 'True when the inspection certificate has expired today' }),
  active: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type Vehicle = Static<typeof Vehicle>;

export const CreateVehicleRequest = Type.Object(
  {
    plate: PlateInput,
    plateCountry: Type.Optional(PlateCountry),
    type: VehicleType,
    axles: Type.Integer({ minimum: 2, maximum: 12 }),
    tonnageCapacity: Type.Number({ exclusiveMinimum: 0, maximum: 100 }),
    trailerPlate: Type.Optional(Nullable(PlateInput)),
    containerNumbers: Type.Optional(Type.Array(ContainerNumber, { maxItems: 4, uniqueItems: true })),
    inspectionExpiresOn: Type.Optional(Nullable(DateString)),
    enterpriseId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type CreateVehicleRequest = Static<typeof CreateVehicleRequest>;

export const UpdateVehicleRequest = Type.Object(
  {
    version: Version,
    type: Type.Optional(VehicleType),
    axles: Type.Optional(Type.Integer({ minimum: 2, maximum: 12 })),
    tonnageCapacity: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 100 })),
    trailerPlate: Type.Optional(Nullable(PlateInput)),
    containerNumbers: Type.Optional(Type.Array(ContainerNumber, { maxItems: 4, uniqueItems: true })),
    inspectionExpiresOn: Type.Optional(Nullable(DateString)),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdateVehicleRequest = Static<typeof UpdateVehicleRequest>;

export const Driver = Type.Object({
  id: Uuid,
  enterpriseId: Uuid,
  fullName: Type.String(),
  nationality: Type.String({ description: 'ISO 3166-1 alpha-2' }),
  documentType: DriverDocumentType,
  documentNumber: Type.String({ description: 'Upper case, no spaces' }),
  documentExpiresOn: DateString,
  documentExpired: Type.Boolean(),
  phone: Nullable(Type.String()),
  accountId: Nullable(Uuid),
  active: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type Driver = Static<typeof Driver>;

const DocumentNumber = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9 -]{4,19}$', description: 'Passport or border-pass number' });
const Phone = Type.String({ pattern: '^\\+?[0-9 ]{6,20}$' });

export const CreateDriverRequest = Type.Object(
  {
    fullName: Type.String({ minLength: 2, maxLength: 200 }),
    nationality: Type.String({ pattern: '^[A-Z]{2}$' }),
    documentType: DriverDocumentType,
    documentNumber: DocumentNumber,
    documentExpiresOn: DateString,
    phone: Type.Optional(Nullable(Phone)),
    accountId: Type.Optional(Nullable(Type.String({ format: 'uuid', description: 'The driver\'s own account (role driver, same enterprise)' }))),
    enterpriseId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type CreateDriverRequest = Static<typeof CreateDriverRequest>;

export const UpdateDriverRequest = Type.Object(
  {
    version: Version,
    fullName: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
    documentType: Type.Optional(DriverDocumentType),
    documentNumber: Type.Optional(DocumentNumber),
    documentExpiresOn: Type.Optional(DateString),
    phone: Type.Optional(Nullable(Phone)),
    accountId: Type.Optional(Nullable(Uuid)),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdateDriverRequest = Static<typeof UpdateDriverRequest>;

export const FleetListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    active: Type.Optional(Type.Boolean()),
    enterpriseId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type FleetListQuery = Static<typeof FleetListQuery>;
