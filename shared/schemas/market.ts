import Type, { type Static } from 'typebox';
import { DateString, GateId, Nullable, Reason, Uuid } from './common';

// Border-market information (prices and volumes published by the authority and enterprises),
// daily statistics from the platform's own trip records, and the leaders' view of a province.

export const MARKET_CURRENCIES = ['VND', 'CNY'] as const;
export const PRICE_SOURCES = ['authority', 'enterprise'] as const;
export const CROSSING_DIRECTIONS = ['export', 'import'] as const;
export const STATISTICS_BASES = ['crossed', 'declared'] as const;

export const MarketCurrency = Type.Enum(MARKET_CURRENCIES, { description: 'Prices stay in the currency they were quoted in; never converted' });
export const PriceSource = Type.Enum(PRICE_SOURCES);
export const CrossingDirection = Type.Enum(CROSSING_DIRECTIONS);
export const StatisticsBasis = Type.Enum(STATISTICS_BASES, {
  description: 'crossed: by the day the truck crossed the gate; declared: declared trips (submitted, not cancelled or expired) by their planned day',
});
const CommodityCode = Type.String({ pattern: '^[a-z_]{2,40}$', description: 'Code from reference/market/commodities.json, e.g. durian' });
const MarketId = Type.String({ pattern: '^[a-z0-9-]{2,64}$', description: 'A gate id or a border market id' });
const DateTime = Type.String({ format: 'date-time' });
const Name3 = { nameVi: Type.String(), nameEn: Type.String(), nameZh: Nullable(Type.String()) };

export const Commodity = Type.Object({
  code: Type.String(),
  ...Name3,
  hsPrefixes: Type.Array(Type.String()),
  units: Type.Array(Type.String()),
  displayUnit: Type.String(),
});
export type Commodity = Static<typeof Commodity>;

export const Market = Type.Object({
  id: Type.String(),
  gateId: Type.String(),
  kind: Type.Union([Type.Literal('gate'), Type.Literal('border_market')]),
  side: Type.String({ description: 'VN or CN' }),
  province: Type.String(),
  ...Name3,
});
export type Market = Static<typeof Market>;

export const MarketReference = Type.Object({
  commodities: Type.Array(Commodity),
  markets: Type.Array(Market),
  version: Type.String(),
});
export type MarketReference = Static<typeof MarketReference>;

const Price = Type.Number({ exclusiveMinimum: 0, maximum: 1e12 });

export const PublishPriceRequest = Type.Object(
  {
    commodity: CommodityCode,
    marketId: MarketId,
    date: DateString,
    currency: MarketCurrency,
    unit: Type.String({ minLength: 1, maxLength: 20, description: 'One of the commodity\'s units (kg, tonne)' }),
    priceMin: Type.Optional(Nullable(Price)),
    priceMax: Type.Optional(Nullable(Price)),
    priceAvg: Type.Optional(Nullable(Price)),
    volumeTonnes: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 1e9 }))),
    note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  },
  { additionalProperties: false },
);
export type PublishPriceRequest = Static<typeof PublishPriceRequest>;

export const RetractPriceRequest = Type.Object({ reason: Reason }, { additionalProperties: false });

export const PriceEntry = Type.Object({
  id: Uuid,
  commodity: Type.String(),
  marketId: Type.String(),
  gateId: Type.String(),
  date: Type.String({ format: 'date' }),
  currency: MarketCurrency,
  unit: Type.String(),
  priceMin: Nullable(Type.Number()),
  priceMax: Nullable(Type.Number()),
  priceAvg: Nullable(Type.Number()),
  volumeTonnes: Nullable(Type.Number()),
  source: PriceSource,
  official: Type.Boolean({ description: 'Published by the authority' }),
  publisher: Type.String({ description: 'The publishing organisation (agency or enterprise)' }),
  note: Nullable(Type.String()),
  createdAt: DateTime,
  retractedAt: Nullable(DateTime),
  retractReason: Nullable(Type.String()),
  canRetract: Type.Boolean(),
});
export type PriceEntry = Static<typeof PriceEntry>;

export const PriceListQuery = Type.Object(
  {
    commodity: Type.Optional(CommodityCode),
    gateId: Type.Optional(GateId),
    marketId: Type.Optional(MarketId),
    source: Type.Optional(PriceSource),
    from: Type.Optional(DateString),
    to: Type.Optional(DateString),
    includeRetracted: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);
export type PriceListQuery = Static<typeof PriceListQuery>;

export const TrendQuery = Type.Object(
  {
    commodity: CommodityCode,
    gateId: Type.Optional(GateId),
    province: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
    currency: Type.Optional(MarketCurrency),
    from: Type.Optional(DateString),
    to: Type.Optional(DateString),
  },
  { additionalProperties: false },
);
export type TrendQuery = Static<typeof TrendQuery>;

export const TrendPoint = Type.Object({
  date: Type.String({ format: 'date' }),
  avg: Type.Number({ description: 'Mean of the entries\' average (or mid-range) prices, per display unit' }),
  min: Type.Number(),
  max: Type.Number(),
  volumeTonnes: Nullable(Type.Number()),
  entries: Type.Integer(),
});
export type TrendPoint = Static<typeof TrendPoint>;

export const TrendSeries = Type.Object({
  gateId: Type.String(),
  marketId: Type.String(),
  currency: MarketCurrency,
  source: PriceSource,
  points: Type.Array(TrendPoint),
});
export type TrendSeries = Static<typeof TrendSeries>;

export const Trend = Type.Object({
  commodity: Type.String(),
  unit: Type.String({ description: 'Prices are per this unit' }),
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  series: Type.Array(TrendSeries),
});
export type Trend = Static<typeof Trend>;

// ---- Daily statistics ----

export const StatisticsQuery = Type.Object(
  {
    from: DateString,
    to: DateString,
    gateId: Type.Optional(GateId),
    province: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
    direction: Type.Optional(CrossingDirection),
    basis: Type.Optional(StatisticsBasis),
  },
  { additionalProperties: false },
);
export type StatisticsQuery = Static<typeof StatisticsQuery>;

const Values = Type.Record(Type.String({ pattern: '^[A-Z]{3}$' }), Type.Number(), { description: 'Declared value per currency, as declared' });

export const StatisticsRow = Type.Object({
  date: Type.String({ format: 'date' }),
  gateId: Type.String(),
  direction: CrossingDirection,
  commodity: Type.String({ description: 'Commodity code, other, or empty (a truck without cargo)' }),
  trucks: Type.Integer({ description: 'Trucks carrying the commodity (a mixed load counts under each of its commodities)' }),
  grossWeightKg: Type.Number(),
  values: Values,
  valueVnd: Type.Number({ description: 'Declared values at the indicative reference rates of the day (reference/trips/exchange-rates.json)' }),
});
export type StatisticsRow = Static<typeof StatisticsRow>;

export const StatisticsTotal = Type.Object({
  date: Type.String({ format: 'date' }),
  gateId: Type.String(),
  direction: CrossingDirection,
  trucks: Type.Integer({ description: 'Distinct trucks' }),
  grossWeightKg: Type.Number(),
  values: Values,
  valueVnd: Type.Number(),
});
export type StatisticsTotal = Static<typeof StatisticsTotal>;

export const DailyStatistics = Type.Object({
  basis: StatisticsBasis,
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  gateIds: Type.Array(Type.String(), { description: 'The gates the figures cover (the query within your scope)' }),
  rows: Type.Array(StatisticsRow),
  totals: Type.Array(StatisticsTotal),
  rateTables: Type.Array(Type.Object({ effectiveFrom: Type.String(), rates: Type.Record(Type.String(), Type.Number()) })),
  generatedAt: DateTime,
});
export type DailyStatistics = Static<typeof DailyStatistics>;

// ---- Leaders' view ----

export const LeadersQuery = Type.Object({ province: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })) }, { additionalProperties: false });

const ByDirection = Type.Object({ export: Type.Integer(), import: Type.Integer() });
export const PeriodFigures = Type.Object({
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  declared: ByDirection,
  crossed: ByDirection,
  crossedTonnes: Type.Object({ export: Type.Number(), import: Type.Number() }),
  crossedValueVnd: Type.Object({ export: Type.Number(), import: Type.Number() }),
  newTradingEnterprises: Type.Integer({ description: 'Enterprises whose first declared trip through the province\'s gates falls in the period' }),
});
export type PeriodFigures = Static<typeof PeriodFigures>;

export const LeadersView = Type.Object({
  province: Type.String(),
  provinceName: Nullable(Type.String()),
  gateIds: Type.Array(Type.String()),
  today: PeriodFigures,
  month: PeriodFigures,
  queueNow: Type.Object({
    total: Type.Integer(),
    byGate: Type.Array(Type.Object({ gateId: Type.String(), checkedIn: Type.Integer(), called: Type.Integer() })),
  }),
  kpis: Type.Object({
    year: Type.Integer(),
    electronicProcedureShare: Type.Object({ value: Nullable(Type.Number()), detail: Type.String() }),
    newTradingEnterprises: Type.Object({ value: Nullable(Type.Number()), detail: Type.String() }),
    valueGrowth: Type.Object({
      yearToDateVnd: Type.Number(),
      sameTimeLastYearVnd: Type.Number(),
      percent: Nullable(Type.Number({ description: 'null when last year had nothing to compare with' })),
    }),
  }),
  plans: Type.Array(Type.Object({ id: Type.String(), titleVi: Type.String(), hasKpis: Type.Boolean() })),
  generatedAt: DateTime,
});
export type LeadersView = Static<typeof LeadersView>;
