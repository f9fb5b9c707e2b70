import Type, { type Static } from 'typebox';
import type { FeeQuote } from '../../server/src/fees/fees.schemas';
import { CLEARANCE_STATUSES, TRIP_ACTIONS, TRIP_STATUSES } from '../workflows/trip';
import { DateString, GateId, Nullable, Reason, TimeOfDay, Uuid } from './common';
import { ContainerNumber, DriverDocumentType, PlateCountry, VehicleType } from './fleet';
import { PassSummary } from './passes';

export * from './trip-checks';

// A truck trip: declared by an enterprise before it leaves the warehouse, one reference
// (CKS-<gate>-<yyyymmdd>-<6 chars>) that every later step reads. A draft may be incomplete;
// submitting runs every check at once.

export const TRIP_DIRECTIONS = ['export', 'import', 'transit', 'temporary_import_reexport', 'empty_return'] as const;
export const TRIP_DOCUMENT_KINDS = [
  'customs_declaration',
  'certificate_of_origin_form_e',
  'phytosanitary_certificate',
  'veterinary_certificate',
  'health_certificate',
  'commercial_invoice',
  'packing_list',
  'other',
] as const;
export const GOODS_CATEGORY_VALUES = ['agricultural', 'petroleum', 'ore', 'live_animals', 'other'] as const;
export const TRIP_FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

export const TripStatus = Type.Enum(TRIP_STATUSES);
export const TripClearanceStatus = Type.Enum(CLEARANCE_STATUSES, { description: 'cleared only when every required control has passed' });
export const TripAction = Type.Enum(TRIP_ACTIONS);
export const TripDirection = Type.Enum(TRIP_DIRECTIONS);
export const TripDocumentKind = Type.Enum(TRIP_DOCUMENT_KINDS);
export type TripDirection = Static<typeof TripDirection>;

const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217, e.g. VND, CNY, USD' });
const Country = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' });
const Version = Type.Integer({ minimum: 1, description: 'The version you read; a stale one gets 409' });
const DateTime = Type.String({ format: 'date-time' });

export const TripWindow = Type.Object(
  { from: TimeOfDay, to: TimeOfDay },
  { additionalProperties: false, description: 'Planned crossing window, in the gate\'s local time' },
);

export const TripContainer = Type.Object(
  { number: ContainerNumber, size: Type.Union([Type.Literal('20'), Type.Literal('40')]), sealNumber: Type.Optional(Nullable(Type.String({ maxLength: 30 }))) },
  { additionalProperties: false },
);
export type TripContainer = Static<typeof TripContainer>;

/** A cargo line as entered. Every field may be missing in a draft; submit requires them. */
export const CargoLineInput = Type.Object(
  {
    hsCode: Type.Optional(Type.String({ maxLength: 14, description: '6-digit HS or 8-digit national code; dots and spaces allowed' })),
    description: Type.Optional(Type.String({ maxLength: 500 })),
    packages: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
    packageKind: Type.Optional(Type.String({ maxLength: 50, description: 'e.g. cartons, pallets, baskets' })),
    quantity: Type.Optional(Type.Number({ minimum: 0, maximum: 1e9 })),
    unit: Type.Optional(Type.String({ pattern: '^[A-Z0-9]{2,3}$', description: 'UN/ECE Rec. 20 unit: KGM, TNE, PCE, LTR…' })),
    grossWeightKg: Type.Optional(Type.Number({ minimum: 0, maximum: 200_000 })),
    volumeM3: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 1_000 }))),
    declaredValue: Type.Optional(Type.Number({ minimum: 0, maximum: 1e13 })),
    currency: Type.Optional(Currency),
    origin: Type.Optional(Country),
    perishable: Type.Optional(Type.Boolean()),
    goodsCategory: Type.Optional(Nullable(Type.Enum(GOODS_CATEGORY_VALUES))),
    taxableImport: Type.Optional(Nullable(Type.Boolean())),
    growingAreaCode: Type.Optional(Nullable(Type.String({ maxLength: 40, description: 'PUC: growing-area code approved by China for this fruit' }))),
    packingHouseCode: Type.Optional(Nullable(Type.String({ maxLength: 40, description: 'PHC: packing-house code approved by China' }))),
  },
  { additionalProperties: false },
);
export type CargoLineInput = Static<typeof CargoLineInput>;

export const TripDocumentInput = Type.Object(
  {
    kind: TripDocumentKind,
    number: Type.String({ minLength: 1, maxLength: 60 }),
    issuedOn: Type.Optional(Nullable(DateString)),
    expiresOn: Type.Optional(Nullable(DateString)),
    fileId: Type.Optional(Nullable(Uuid)),
    note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  },
  { additionalProperties: false },
);
export type TripDocumentInput = Static<typeof TripDocumentInput>;

export const TripOptions = Type.Object(
  {
    disinfection: Type.Optional(Type.Boolean({ description: 'Quarantine disinfection of the vehicle' })),
    coSets: Type.Optional(Type.Integer({ minimum: 0, maximum: 100, description: 'C/O sets to issue at the gate' })),
    carriedInland: Type.Optional(Type.Boolean({ description: 'Import vehicle carries the goods inland' })),
    wharfOnly: Type.Optional(Type.Boolean({ description: 'Goods only transferred at the border wharf' })),
  },
  { additionalProperties: false },
);
export type TripOptions = Static<typeof TripOptions>;

const tripFields = {
  direction: Type.Optional(Nullable(TripDirection)),
  gateId: Type.Optional(Nullable(GateId)),
  plannedDate: Type.Optional(Nullable(DateString)),
  window: Type.Optional(Nullable(TripWindow)),
  vehicleId: Type.Optional(Nullable(Uuid)),
  driverId: Type.Optional(Nullable(Uuid)),
  containers: Type.Optional(Type.Array(TripContainer, { maxItems: 4 })),
  cargoLines: Type.Optional(Type.Array(CargoLineInput, { maxItems: 200 })),
  documents: Type.Optional(Type.Array(TripDocumentInput, { maxItems: 50 })),
  options: Type.Optional(TripOptions),
  notes: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
};

export const CreateTripRequest = Type.Object(
  { ...tripFields, enterpriseId: Type.Optional(Type.String({ format: 'uuid', description: 'Administrators only: the declaring enterprise' })) },
  { additionalProperties: false },
);
export type CreateTripRequest = Static<typeof CreateTripRequest>;

/** Fields given replace the stored ones (arrays as a whole); null clears. After submission a reason is required. */
export const UpdateTripRequest = Type.Object(
  { version: Version, reason: Type.Optional(Reason), ...tripFields },
  { additionalProperties: false },
);
export type UpdateTripRequest = Static<typeof UpdateTripRequest>;
export type TripFields = Omit<UpdateTripRequest, 'version' | 'reason'>;

export const SubmitTripRequest = Type.Object({ version: Version }, { additionalProperties: false });
export const CancelTripRequest = Type.Object({ version: Version, reason: Reason }, { additionalProperties: false });

export const CargoLine = Type.Object({
  index: Type.Integer({ minimum: 0 }),
  hsCode: Nullable(Type.String()),
  hsDescription: Nullable(Type.String({ description: 'English description of the HS subheading, when the code is valid' })),
  description: Nullable(Type.String()),
  packages: Nullable(Type.Integer()),
  packageKind: Nullable(Type.String()),
  quantity: Nullable(Type.Number()),
  unit: Nullable(Type.String()),
  grossWeightKg: Nullable(Type.Number()),
  volumeM3: Nullable(Type.Number()),
  declaredValue: Nullable(Type.Number()),
  currency: Nullable(Type.String()),
  origin: Nullable(Type.String()),
  perishable: Type.Boolean(),
  goodsCategory: Nullable(Type.String()),
  taxableImport: Nullable(Type.Boolean()),
  growingAreaCode: Nullable(Type.String()),
  packingHouseCode: Nullable(Type.String()),
});
export type CargoLine = Static<typeof CargoLine>;

export const TripFile = Type.Object({
  id: Uuid,
  fileName: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String({ description: 'Hex SHA-256 of the content, computed on upload' }),
  uploadedAt: DateTime,
});
export type TripFile = Static<typeof TripFile>;

export const TripDocument = Type.Object({
  kind: TripDocumentKind,
  number: Type.String(),
  issuedOn: Nullable(DateString),
  expiresOn: Nullable(DateString),
  fileId: Nullable(Uuid),
  note: Nullable(Type.String()),
});
export type TripDocument = Static<typeof TripDocument>;

export const TripFee = Type.Object({
  total: Nullable(Type.Integer({ description: 'VND; null until the trip is submitted' })),
  paid: Type.Integer({ description: 'VND charged and confirmed, less refunds' }),
  outstanding: Type.Integer({ description: 'VND still to pay (negative: to be refunded)' }),
  quote: Nullable(Type.Unsafe<FeeQuote>({ type: 'object', additionalProperties: true, description: 'Itemised quote (see POST /api/v1/fees/quote)' })),
});

export const Trip = Type.Object({
  id: Uuid,
  reference: Type.String({ description: 'CKS-<gate code>-<yyyymmdd>-<6 chars>' }),
  enterpriseId: Uuid,
  enterpriseName: Type.String(),
  status: TripStatus,
  clearanceStatus: TripClearanceStatus,
  version: Type.Integer(),
  direction: Nullable(TripDirection),
  gateId: Nullable(GateId),
  gateName: Nullable(Type.String()),
  province: Nullable(Type.String()),
  plannedDate: Nullable(DateString),
  window: Nullable(TripWindow),
  vehicle: Nullable(
    Type.Object({
      id: Uuid,
      plate: Type.String(),
      plateCountry: PlateCountry,
      type: VehicleType,
      axles: Type.Integer(),
      tonnageCapacity: Type.Number(),
      trailerPlate: Nullable(Type.String()),
    }),
  ),
  driver: Nullable(
    Type.Object({
      id: Uuid,
      fullName: Type.String(),
      nationality: Type.String(),
      documentType: DriverDocumentType,
      documentNumber: Type.String(),
      documentExpiresOn: DateString,
    }),
  ),
  containers: Type.Array(TripContainer),
  cargoLines: Type.Array(CargoLine),
  documents: Type.Array(TripDocument),
  files: Type.Array(TripFile),
  options: TripOptions,
  notes: Nullable(Type.String()),
  fee: TripFee,
  pass: Nullable(PassSummary),
  allowedActions: Type.Array(TripAction, { description: 'What the current user may do now' }),
  expiresAt: Nullable(DateTime),
  submittedAt: Nullable(DateTime),
  paidAt: Nullable(DateTime),
  cancelledAt: Nullable(DateTime),
  expiredAt: Nullable(DateTime),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export type Trip = Static<typeof Trip>;

export const TripSummary = Type.Object({
  id: Uuid,
  reference: Type.String(),
  enterpriseId: Uuid,
  enterpriseName: Type.String(),
  status: TripStatus,
  clearanceStatus: TripClearanceStatus,
  version: Type.Integer(),
  direction: Nullable(TripDirection),
  gateId: Nullable(GateId),
  plannedDate: Nullable(DateString),
  window: Nullable(TripWindow),
  plate: Nullable(Type.String()),
  driverName: Nullable(Type.String()),
  feeTotal: Nullable(Type.Integer()),
  outstanding: Type.Integer(),
  expiresAt: Nullable(DateTime),
  updatedAt: DateTime,
});
export type TripSummary = Static<typeof TripSummary>;

export const TripListQuery = Type.Object(
  {
    status: Type.Optional(TripStatus),
    gateId: Type.Optional(GateId),
    from: Type.Optional(DateString),
    to: Type.Optional(DateString),
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Reference or plate' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  },
  { additionalProperties: false },
);
export type TripListQuery = Static<typeof TripListQuery>;

export const TripEvent = Type.Object({
  id: Type.Integer(),
  at: DateTime,
  action: Type.String({ description: 'created, edited, submitted, amended, payment_*, refund_*, pass_issued, cancelled, expired…' }),
  fromStatus: Nullable(TripStatus),
  toStatus: Nullable(TripStatus),
  actor: Type.String(),
  reason: Nullable(Type.String()),
  details: Type.Unknown(),
});
export type TripEvent = Static<typeof TripEvent>;

export const TripVersion = Type.Object({
  version: Type.Integer({ description: 'The version this snapshot had before the change' }),
  at: DateTime,
  actor: Type.String(),
  reason: Nullable(Type.String()),
  status: TripStatus,
  changes: Type.Array(Type.String(), { description: 'Fields that the change replaced' }),
  snapshot: Type.Unknown(),
});
export type TripVersion = Static<typeof TripVersion>;

export const UploadTripFileRequest = Type.Object(
  {
    fileName: Type.String({ minLength: 1, maxLength: 200, pattern: '^[^/\\\\]+$' }),
    contentType: Type.Enum(TRIP_FILE_TYPES),
    contentBase64: Type.String({ minLength: 4, maxLength: 1_000_000, description: 'Base64 content (at most ~700 kB)' }),
  },
  { additionalProperties: false },
);
export type UploadTripFileRequest = Static<typeof UploadTripFileRequest>;
