import { Type, type Static, type TLiteral, type TSchema, type TUnion } from 'typebox';
import { DateString, GateId } from '../../../shared/schemas/common';

// Request and response of a fee quote, shared by the engine (types) and the HTTP layer
// (validation, OpenAPI). Objects reject unknown fields so a misspelt field is an error.

/** A union of string literals that keeps the literal types (Static gives 'a' | 'b', not string). */
export function literals<const T extends readonly string[]>(values: T): TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }> {
  return Type.Union(values.map((v) => Type.Literal(v))) as never;
}
const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const REGIMES = ['export', 'import', 'transit', 'temporary_import_reexport', 'bonded_warehouse', 'empty_return'] as const;
export const GOODS_CATEGORIES = ['agricultural', 'petroleum', 'ore', 'live_animals', 'other'] as const;
export const CONTAINER_SIZES = ['20', '40'] as const;
export const FEE_BASES = ['per_tonne', 'per_m3', 'per_container', 'per_vehicle', 'per_trip', 'per_set'] as const;

export const Regime = literals(REGIMES);
export const GoodsCategory = literals(GOODS_CATEGORIES);
export const ContainerSize = literals(CONTAINER_SIZES);
export const FeeBasis = literals(FEE_BASES);
export type Regime = Static<typeof Regime>;
export type GoodsCategory = Static<typeof GoodsCategory>;
export type ContainerSize = Static<typeof ContainerSize>;
export type FeeBasis = Static<typeof FeeBasis>;

export const CurrencyCode = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217, e.g. VND, CNY, USD' });
export const CountryCode = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2, e.g. VN, CN' });
export const ProvinceCode = Type.String({ pattern: '^[A-Z]{2}$', description: 'Province code, e.g. CB, LS, TQ' });
const Vnd = Type.Integer({ minimum: 0, description: 'Whole Vietnamese đồng' });

export const CargoLine = Type.Object(
  {
    hsCode: Type.String({ minLength: 6, maxLength: 12, description: '6-digit HS or 8-digit AHTN code; dots and spaces allowed' }),
    description: Type.Optional(Type.String({ maxLength: 500 })),
    grossWeightKg: Type.Number({ minimum: 0, maximum: 200_000 }),
    volumeM3: Type.Optional(Type.Number({ minimum: 0, maximum: 1_000 })),
    declaredValue: Type.Number({ minimum: 0, maximum: 1e13 }),
    currency: CurrencyCode,
    origin: CountryCode,
    goodsCategory: Type.Optional(GoodsCategory),
    taxableImport: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CargoLine = Static<typeof CargoLine>;

export const QuoteRequest = Type.Object(
  {
    province: ProvinceCode,
    gateId: GateId,
    date: DateString,
    regime: Regime,
    vehicle: Type.Object(
      {
        grossTonnageCapacity: Type.Optional(Type.Number({ minimum: 0, maximum: 200, description: 'Tonnes the vehicle may carry' })),
        axles: Type.Optional(Type.Integer({ minimum: 2, maximum: 12 })),
      },
      { additionalProperties: false },
    ),
    containers: Type.Array(Type.Object({ size: ContainerSize }, { additionalProperties: false }), { maxItems: 4 }),
    cargoLines: Type.Array(CargoLine, { maxItems: 200 }),
    options: Type.Optional(
      Type.Object(
        {
          carriedInland: Type.Optional(Type.Boolean({ description: 'Import vehicle carries the goods inland' })),
          wharfOnly: Type.Optional(Type.Boolean({ description: 'Goods only transferred at the border wharf' })),
          disinfection: Type.Optional(Type.Boolean({ description: 'Quarantine disinfection of the vehicle' })),
          coSets: Type.Optional(Type.Integer({ minimum: 0, maximum: 100, description: 'C/O sets to issue' })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, $id: 'FeeQuoteRequest' },
);
export type QuoteRequest = Static<typeof QuoteRequest>;

/** VND per unit of each foreign currency, for comparing declared values across currencies. */
export const ExchangeRates = Type.Record(CurrencyCode, Type.Number({ exclusiveMinimum: 0 }));
export type ExchangeRates = Static<typeof ExchangeRates>;

export const LegalBasis = Type.Object(
  {
    number: Type.String(),
    titleVi: Type.String(),
    titleEn: Type.String(),
    issuedBy: Type.String(),
    issuedOn: DateString,
    verify: Type.Optional(Type.Boolean({ description: 'Details not yet checked against the official text' })),
  },
  { additionalProperties: false },
);
export type LegalBasis = Static<typeof LegalBasis>;

export const FeeAdjustment = Type.Object(
  { code: Type.String(), percent: Type.Integer({ minimum: 0 }), descriptionVi: Type.String(), descriptionEn: Type.String() },
  { additionalProperties: false },
);
export type FeeAdjustment = Static<typeof FeeAdjustment>;

export const FeeItem = Type.Object(
  {
    code: Type.String(),
    descriptionVi: Type.String(),
    descriptionEn: Type.String(),
    basis: FeeBasis,
    quantity: Type.Number({ minimum: 0, description: 'Tonnes or m³ to 3 decimals, or a count' }),
    unitRate: Vnd,
    amount: Vnd,
    legalBasis: Type.String({ description: 'Number of the legal document' }),
    tariffId: Type.String(),
    verify: Type.Boolean({ description: 'The rate is not yet checked against the official text' }),
    baseUnitRate: Type.Optional(Vnd),
    adjustments: Type.Optional(Type.Array(FeeAdjustment)),
  },
  { additionalProperties: false },
);
export type FeeItem = Static<typeof FeeItem>;

export const DecidingLine = Type.Object(
  {
    index: Type.Integer({ minimum: 0, description: 'Position in cargoLines' }),
    hsCode: Type.String(),
    goodsCategory: GoodsCategory,
    categorySource: literals(['declared', 'hs_mapping'] as const),
    origin: CountryCode,
    declaredValue: Type.Number(),
    currency: CurrencyCode,
    comparedValue: Type.Number({ description: 'Declared value in comparedCurrency' }),
    comparedCurrency: CurrencyCode,
    reason: literals(['only_line', 'highest_declared_value', 'tie_highest_fee'] as const),
    tiedLines: Type.Integer({ minimum: 1, description: 'Lines sharing the highest declared value' }),
    explanationVi: Type.String(),
    explanationEn: Type.String(),
  },
  { additionalProperties: false },
);
export type DecidingLine = Static<typeof DecidingLine>;

export const QuoteResponse = Type.Object(
  {
    currency: Type.Literal('VND'),
    total: Vnd,
    items: Type.Array(FeeItem),
    tariffId: Type.String(),
    tariffVersion: Type.Integer({ minimum: 1 }),
    effectiveFrom: DateString,
    legalBasis: LegalBasis,
    load: Type.Object(
      { weightTonnes: Type.Number({ minimum: 0 }), volumeM3: Type.Number({ minimum: 0 }) },
      { additionalProperties: false },
    ),
    decidingLine: nullable(DecidingLine),
  },
  { additionalProperties: false, $id: 'FeeQuote' },
);
export type FeeQuote = Static<typeof QuoteResponse>;
