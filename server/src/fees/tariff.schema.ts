import { Type, type Static } from 'typebox';
import { DateString } from '../../../shared/schemas/common';
import { ContainerSize, GoodsCategory, LegalBasis, literals, Regime } from './fees.schemas';

// Format of the tariff files in reference/tariffs/ (see its README). Everything that differs
// between provinces (which goods, which vehicles, how much) is data here, not code.

const strict = { additionalProperties: false } as const;

export const OPTION_FLAGS = ['carriedInland', 'wharfOnly', 'disinfection', 'coSets'] as const;
export type OptionFlag = (typeof OPTION_FLAGS)[number];

// Every key present must hold (AND). Tonnage: min inclusive, below exclusive.
const baseConditionProps = {
  regimes: Type.Optional(Type.Array(Regime, { minItems: 1 })),
  goodsCategories: Type.Optional(Type.Array(GoodsCategory, { minItems: 1 })),
  origin: Type.Optional(literals(['domestic', 'foreign'] as const)),
  taxableImport: Type.Optional(Type.Boolean()),
  containerized: Type.Optional(Type.Boolean()),
  containerSizes: Type.Optional(Type.Array(ContainerSize, { minItems: 1, description: 'Any container of these sizes' })),
  vehicleTonnage: Type.Optional(
    Type.Object({ min: Type.Optional(Type.Number({ minimum: 0 })), below: Type.Optional(Type.Number({ minimum: 0 })) }, strict),
  ),
  options: Type.Optional(Type.Array(literals(OPTION_FLAGS), { minItems: 1, description: 'All these trip options are set' })),
};

export const BaseCondition = Type.Object(baseConditionProps, strict);
export type BaseCondition = Static<typeof BaseCondition>;

/** A named condition in a tariff's `definitions`; `anyOf` needs one alternative to hold. */
export const Definition = Type.Object({ ...baseConditionProps, anyOf: Type.Optional(Type.Array(BaseCondition, { minItems: 1 })) }, strict);
export type Definition = Static<typeof Definition>;

/** A rule's condition: base keys, `anyOf` alternatives, and `is`: names of definitions that must all hold. */
export const Condition = Type.Object(
  {
    ...baseConditionProps,
    anyOf: Type.Optional(Type.Array(BaseCondition, { minItems: 1 })),
    is: Type.Optional(Type.Array(Type.String(), { minItems: 1 })),
  },
  strict,
);
export type Condition = Static<typeof Condition>;

const Rate = Type.Integer({ minimum: 0, description: 'VND' });

export const Charge = Type.Union([
  Type.Object({ basis: Type.Literal('per_container'), rates: Type.Object({ '20': Rate, '40': Rate }, strict) }, strict),
  Type.Object(
    {
      basis: literals(['per_tonne', 'per_m3', 'per_tonne_or_m3', 'per_vehicle', 'per_trip', 'per_set'] as const),
      rate: Rate,
    },
    strict,
  ),
]);
export type Charge = Static<typeof Charge>;

const Texts = {
  code: Type.String({ pattern: '^[A-Z0-9_.]+$' }),
  descriptionVi: Type.String({ minLength: 1 }),
  descriptionEn: Type.String({ minLength: 1 }),
  verify: Type.Optional(Type.Boolean()),
};

export const Rule = Type.Object(
  { ...Texts, when: Type.Optional(Condition), charge: Charge, note: Type.Optional(Type.String()) },
  strict,
);
export type Rule = Static<typeof Rule>;

export const Adjustment = Type.Object({ ...Texts, when: Condition, percent: Type.Integer({ minimum: 0 }) }, strict);
export type Adjustment = Static<typeof Adjustment>;

export const Tariff = Type.Object(
  {
    kind: Type.Literal('tariff'),
    id: Type.String({ pattern: '^[a-z0-9-]+$' }),
    version: Type.Integer({ minimum: 1 }),
    role: literals(['primary', 'supplementary'] as const),
    province: Type.Union([Type.String({ pattern: '^[A-Z]{2}$' }), Type.Null()]),
    gateIds: Type.Union([Type.Array(Type.String({ pattern: '^[a-z0-9-]{2,64}$' }), { minItems: 1 }), Type.Null()]),
    legalBasis: LegalBasis,
    effectiveFrom: DateString,
    effectiveTo: Type.Union([DateString, Type.Null()]),
    currency: Type.Literal('VND'),
    regimes: Type.Array(Regime, { minItems: 1 }),
    mixedLoad: Type.Optional(Type.Literal('highest_declared_value')),
    notes: Type.Optional(Type.Array(Type.String())),
    definitions: Type.Optional(Type.Record(Type.String({ pattern: '^[A-Za-z0-9_]+$' }), Definition)),
    rules: Type.Array(Rule, { minItems: 1 }),
    adjustments: Type.Optional(Type.Array(Adjustment)),
  },
  strict,
);
export type Tariff = Static<typeof Tariff>;

export const TariffSet = Type.Object(
  { kind: Type.Literal('tariff_set'), id: Type.String(), notes: Type.Optional(Type.Array(Type.String())), tariffs: Type.Array(Tariff) },
  strict,
);

export const GoodsCategoryMap = Type.Object(
  {
    kind: Type.Literal('goods_categories'),
    id: Type.String(),
    version: Type.Integer({ minimum: 1 }),
    effectiveFrom: DateString,
    effectiveTo: Type.Union([DateString, Type.Null()]),
    nomenclature: Type.String(),
    notes: Type.Optional(Type.Array(Type.String())),
    default: GoodsCategory,
    prefixes: Type.Array(Type.Object({ prefix: Type.String({ pattern: '^[0-9]{2,6}$' }), category: GoodsCategory }, strict)),
  },
  strict,
);
export type GoodsCategoryMap = Static<typeof GoodsCategoryMap>;
