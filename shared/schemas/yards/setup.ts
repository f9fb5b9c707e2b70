import Type, { type Static } from 'typebox';
import { GateId, Nullable, Reason } from '../common';
import { CameraId, CameraPosition, CrossingDirection, DateTime, LaneCode, Names, Version, YardId } from './base';

// Yards schemas: yards, cameras, queue lanes and yard rules.

// ----- yards, cameras, lanes, rules --------------------------------------------------------

export const YardCamera = Type.Object(
  { id: CameraId, position: CameraPosition, description: Type.Optional(Nullable(Type.String({ maxLength: 200 }))) },
  { additionalProperties: false },
);
export type YardCamera = Static<typeof YardCamera>;

export const Yard = Type.Object({
  id: YardId,
  gateId: GateId,
  ...Names,
  capacity: Type.Integer({ minimum: 0, description: 'Trucks the yard holds' }),
  occupancy: Type.Integer({ description: 'Trucks in the yard now (queued or called, not yet left)' }),
  directions: Type.Array(CrossingDirection),
  cameras: Type.Array(YardCamera),
  active: Type.Boolean(),
  version: Type.Integer(),
  updatedAt: DateTime,
});
export type Yard = Static<typeof Yard>;

export const YardsQuery = Type.Object({ gateId: Type.Optional(GateId) }, { additionalProperties: false });
export const CreateYardRequest = Type.Object(
  {
    id: YardId,
    ...Names,
    capacity: Type.Integer({ minimum: 0, maximum: 20_000 }),
    directions: Type.Array(CrossingDirection, { minItems: 1, maxItems: 2, uniqueItems: true }),
    cameras: Type.Optional(Type.Array(YardCamera, { maxItems: 50 })),
    reason: Reason,
  },
  { additionalProperties: false },
);
export type CreateYardRequest = Static<typeof CreateYardRequest>;
export const UpdateYardRequest = Type.Object(
  {
    version: Version,
    reason: Reason,
    nameVi: Type.Optional(Names.nameVi),
    nameEn: Type.Optional(Names.nameEn),
    nameZh: Type.Optional(Names.nameZh),
    capacity: Type.Optional(Type.Integer({ minimum: 0, maximum: 20_000 })),
    directions: Type.Optional(Type.Array(CrossingDirection, { minItems: 1, maxItems: 2, uniqueItems: true })),
    cameras: Type.Optional(Type.Array(YardCamera, { maxItems: 50 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdateYardRequest = Static<typeof UpdateYardRequest>;

export const LaneMatch = Type.Object(
  {
    perishable: Type.Optional(Type.Boolean({ description: 'true: a cargo line is declared perishable' })),
    hsPrefixes: Type.Optional(Type.Array(Type.String({ pattern: '^[0-9]{2,8}$' }), { maxItems: 100, description: 'A cargo line HS code starts with one of these' })),
    directions: Type.Optional(Type.Array(CrossingDirection, { maxItems: 2 })),
  },
  { additionalProperties: false, description: 'Every given condition must hold; an empty match takes every truck (the default lane)' },
);
export type LaneMatch = Static<typeof LaneMatch>;

export const YardLane = Type.Object(
  { code: LaneCode, priority: Type.Integer({ minimum: 1, maximum: 99, description: 'Lower goes first' }), ...Names, match: LaneMatch },
  { additionalProperties: false },
);
export type YardLane = Static<typeof YardLane>;

export const YardRuleValues = Type.Object(
  {
    camera: Type.Object(
      { autoThreshold: Type.Number({ minimum: 0, maximum: 1, description: 'Readings at or above are applied automatically; below go to an operator' }) },
      { additionalProperties: false },
    ),
    callForward: Type.Object(
      {
        maxCalledAtOnce: Type.Integer({ minimum: 1, maximum: 500, description: 'Trucks called and not yet out of the yard, per gate and direction' }),
        respondMinutes: Type.Integer({ minimum: 1, maximum: 720, description: 'A called truck must leave the yard within this, or it drops back' }),
        dropBackBehind: Type.Integer({ minimum: 0, maximum: 1000, description: 'A dropped-back truck is re-queued behind this many trucks of its lane' }),
        maxDropBacks: Type.Integer({ minimum: 1, maximum: 20, description: 'After this many drop-backs the truck is held and flagged for an operator' }),
      },
      { additionalProperties: false },
    ),
    arrival: Type.Object(
      {
        earlyDays: Type.Integer({ minimum: 0, maximum: 7, description: 'Check-in allowed this many days before the planned date' }),
        lateGraceMinutes: Type.Integer({ minimum: 0, maximum: 1440, description: 'Arriving later than the window end plus this is "late"' }),
      },
      { additionalProperties: false },
    ),
    eta: Type.Object(
      {
        windowHours: Type.Integer({ minimum: 1, maximum: 48, description: 'Measured throughput over this many past hours' }),
        minSamplesMedium: Type.Integer({ minimum: 1 }),
        minSamplesHigh: Type.Integer({ minimum: 1 }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type YardRuleValues = Static<typeof YardRuleValues>;

export const YardRules = Type.Object({
  gateId: GateId,
  version: Type.Integer({ description: 'Per gate; 1 = the reference data as shipped' }),
  source: Type.Enum(['reference', 'gate_authority']),
  dataset: Type.String({ description: 'Reference dataset and version the defaults came from' }),
  lanes: Type.Array(YardLane),
  rules: YardRuleValues,
  updatedAt: Nullable(DateTime),
  updatedBy: Nullable(Type.String()),
});
export type YardRules = Static<typeof YardRules>;

export const UpdateYardRulesRequest = Type.Object(
  { version: Version, reason: Reason, lanes: Type.Array(YardLane, { minItems: 1, maxItems: 20 }), rules: YardRuleValues },
  { additionalProperties: false },
);
export type UpdateYardRulesRequest = Static<typeof UpdateYardRulesRequest>;

