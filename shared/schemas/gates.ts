import Type, { type Static } from 'typebox';
import { DateString, GateId, Nullable, Reason, TimeOfDay } from './common';

export const GATE_CLASSES = ['international', 'bilateral', 'secondary', 'border_opening', 'clearance_crossing', 'dedicated_goods_road'] as const;
export const GATE_STATUSES = ['operating', 'planned', 'upgrading'] as const;
export const TRAFFIC_KINDS = ['goods', 'passengers', 'border_residents', 'tourists'] as const;
export const SPECIAL_DAY_KINDS = ['closed', 'special_hours', 'extended_hours', 'pre_registered_only', 'fruit_only'] as const;
export const PROVINCES = ['CB', 'TQ'] as const;

export const GateClass = Type.Enum(GATE_CLASSES);
export const GateStatus = Type.Enum(GATE_STATUSES);
export const TrafficKind = Type.Enum(TRAFFIC_KINDS);
export const SpecialDayKind = Type.Enum(SPECIAL_DAY_KINDS);

export const WeeklyHours = Type.Object(
  { weekday: Type.Integer({ minimum: 1, maximum: 7, description: '1 = Monday' }), opens: TimeOfDay, closes: TimeOfDay },
  { additionalProperties: false },
);
export type WeeklyHours = Static<typeof WeeklyHours>;

export const SpecialDay = Type.Object(
  {
    date: DateString,
    kind: SpecialDayKind,
    opens: Type.Optional(Nullable(TimeOfDay)),
    closes: Type.Optional(Nullable(TimeOfDay)),
    nameVi: Type.String({ minLength: 1, maxLength: 200 }),
    nameEn: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    nameZh: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  },
  { additionalProperties: false },
);
export type SpecialDay = Static<typeof SpecialDay>;

export const DayHours = Type.Object({
  date: DateString,
  open: Type.Boolean(),
  intervals: Type.Array(Type.Object({ opens: TimeOfDay, closes: TimeOfDay })),
  special: Nullable(SpecialDay),
  counterpartIntervals: Type.Array(Type.Object({ opens: TimeOfDay, closes: TimeOfDay }), {
    description: 'The same intervals in the counterpart (Chinese) side time zone',
  }),
});
export type DayHours = Static<typeof DayHours>;

const Names = {
  nameVi: Type.String(),
  nameEn: Type.String(),
  nameZh: Nullable(Type.String()),
};

export const GateSummary = Type.Object({
  id: GateId,
  parentId: Nullable(GateId),
  province: Type.String(),
  ...Names,
  counterpart: Type.Object({
    nameVi: Type.String(),
    nameEn: Nullable(Type.String()),
    nameZh: Nullable(Type.String()),
    nameZhVerified: Type.Boolean(),
    place: Nullable(Type.String()),
  }),
  class: GateClass,
  status: GateStatus,
  plannedClass: Nullable(GateClass),
  targetYear: Nullable(Type.Integer()),
  traffic: Type.Array(TrafficKind),
  location: Nullable(Type.Object({ lat: Type.Number(), lon: Type.Number(), approximate: Type.Boolean() })),
  timeZone: Type.String(),
  counterpartTimeZone: Type.String(),
  capacity: Type.Object({ exportPerDay: Type.Integer(), importPerDay: Type.Integer() }),
  today: DayHours,
  version: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type GateSummary = Static<typeof GateSummary>;

export const PlanRef = Type.Object({ seed: Type.String(), section: Type.String(), textVi: Type.String() }, { additionalProperties: true });

export const Gate = Type.Intersect([
  GateSummary,
  Type.Object({
    planRefs: Type.Array(PlanRef),
    notes: Type.Object({ vi: Type.Optional(Type.String()), en: Type.Optional(Type.String()) }),
    weeklyHours: Type.Array(WeeklyHours),
    specialDays: Type.Array(SpecialDay),
    upcoming: Type.Array(DayHours, { description: 'The next 14 days in the gate\'s local time' }),
    children: Type.Array(Type.Object({ id: GateId, nameVi: Type.String(), nameEn: Type.String(), status: GateStatus, class: GateClass })),
  }),
]);
export type Gate = Static<typeof Gate>;

export const GateListQuery = Type.Object(
  {
    province: Type.Optional(Type.Union([Type.Literal('CB'), Type.Literal('TQ')])),
    status: Type.Optional(GateStatus),
    class: Type.Optional(GateClass),
    traffic: Type.Optional(TrafficKind),
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Search names, with or without Vietnamese diacritics' })),
  },
  { additionalProperties: false },
);
export type GateListQuery = Static<typeof GateListQuery>;

export const UpdateGateRequest = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    reason: Reason,
    nameVi: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
    nameEn: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
    nameZh: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    status: Type.Optional(GateStatus),
    class: Type.Optional(GateClass),
    plannedClass: Type.Optional(Nullable(GateClass)),
    targetYear: Type.Optional(Nullable(Type.Integer({ minimum: 2000, maximum: 2100 }))),
    traffic: Type.Optional(Type.Array(TrafficKind, { uniqueItems: true })),
    capacity: Type.Optional(
      Type.Object(
        { exportPerDay: Type.Integer({ minimum: 0, maximum: 100000 }), importPerDay: Type.Integer({ minimum: 0, maximum: 100000 }) },
        { additionalProperties: false },
      ),
    ),
    notes: Type.Optional(Type.Object({ vi: Type.Optional(Type.String({ maxLength: 2000 })), en: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type UpdateGateRequest = Static<typeof UpdateGateRequest>;

export const ReplaceCalendarRequest = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    reason: Reason,
    weeklyHours: Type.Array(WeeklyHours, { maxItems: 50 }),
    specialDays: Type.Array(SpecialDay, { maxItems: 1000 }),
  },
  { additionalProperties: false },
);
export type ReplaceCalendarRequest = Static<typeof ReplaceCalendarRequest>;

export const GateVersion = Type.Object({
  version: Type.Integer(),
  changedAt: Type.String({ format: 'date-time' }),
  changedBy: Type.String(),
  reason: Type.String(),
  snapshot: Type.Unknown(),
});
export type GateVersion = Static<typeof GateVersion>;
