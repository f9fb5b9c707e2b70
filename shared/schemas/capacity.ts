import Type, { type Static } from 'typebox';
import { DateString, GateId, Nullable, Reason, TimeOfDay, Uuid } from './common';
import { TRIP_DIRECTIONS } from './trips';

// Crossing capacity and bookings (issue 6): request and response shapes shared by the server
// (validation, OpenAPI) and the web.

export const CROSSING_DIRECTIONS = ['export', 'import'] as const;
export const CrossingDirection = Type.Enum(CROSSING_DIRECTIONS);
export type CrossingDirection = Static<typeof CrossingDirection>;

export const BOOKING_STATUSES = ['active', 'used', 'released', 'no_show'] as const;
export const BookingStatus = Type.Enum(BOOKING_STATUSES);

export const HourLimit = Type.Object(
  {
    hour: Type.Integer({ minimum: 0, maximum: 23, description: 'Local hour at the gate (0–23)' }),
    capacity: Type.Integer({ minimum: 0, maximum: 10000, description: 'Trucks that may cross in that hour' }),
  },
  { additionalProperties: false },
);
export type HourLimit = Static<typeof HourLimit>;

export const HourAvailability = Type.Object({
  hour: Type.Integer(),
  from: TimeOfDay,
  to: TimeOfDay,
  capacity: Type.Integer(),
  booked: Type.Integer(),
  free: Type.Integer(),
  pinned: Type.Boolean({ description: 'Set by the authority (profile or date override) rather than derived from the day capacity' }),
});
export type HourAvailability = Static<typeof HourAvailability>;

export const DayAvailability = Type.Object({
  date: DateString,
  open: Type.Boolean(),
  specialKind: Nullable(Type.String()),
  fruitOnly: Type.Boolean(),
  perDay: Type.Integer({ description: 'Crossings the day can take in this direction' }),
  booked: Type.Integer(),
  free: Type.Integer(),
  overridden: Type.Boolean({ description: 'An override for this date is in force' }),
  hours: Type.Array(HourAvailability),
});
export type DayAvailability = Static<typeof DayAvailability>;

export const AvailabilityQuery = Type.Object(
  {
    date: DateString,
    direction: Type.Enum(TRIP_DIRECTIONS, { description: 'Trip or crossing direction; anything but export crosses into Vietnam' }),
    days: Type.Optional(Type.Integer({ minimum: 1, maximum: 31, default: 1 })),
  },
  { additionalProperties: false },
);
export type AvailabilityQuery = Static<typeof AvailabilityQuery>;

export const Availability = Type.Object({
  gateId: GateId,
  timeZone: Type.String(),
  direction: CrossingDirection,
  days: Type.Array(DayAvailability),
});
export type Availability = Static<typeof Availability>;

export const OverviewQuery = Type.Object(
  { from: Type.Optional(DateString), days: Type.Optional(Type.Integer({ minimum: 1, maximum: 31 })) },
  { additionalProperties: false },
);
export const DayBookings = Type.Object({ date: DateString, direction: CrossingDirection, capacity: Type.Integer(), booked: Type.Integer() });
export const BookingsOverview = Type.Object({ gateId: GateId, from: DateString, items: Type.Array(DayBookings) });
export type BookingsOverview = Static<typeof BookingsOverview>;

export const DateOverride = Type.Object({
  date: DateString,
  direction: CrossingDirection,
  perDay: Nullable(Type.Integer()),
  hours: Type.Array(HourLimit),
  reason: Type.String(),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type DateOverride = Static<typeof DateOverride>;

export const GateCapacity = Type.Object({
  gateId: GateId,
  version: Type.Integer({ description: 'Send it back when changing the profile or a date override' }),
  gateVersion: Type.Integer({ description: 'Version of the gate itself (day capacity is edited with PATCH /api/v1/gates/:id)' }),
  timeZone: Type.String(),
  perDay: Type.Object({ export: Type.Integer(), import: Type.Integer() }),
  profiles: Type.Object({ export: Type.Array(HourLimit), import: Type.Array(HourLimit) }),
  overrides: Type.Array(DateOverride, { description: 'Overrides for today and later' }),
});
export type GateCapacity = Static<typeof GateCapacity>;

export const UpdateProfileRequest = Type.Object(
  {
    version: Type.Integer({ minimum: 0 }),
    direction: CrossingDirection,
    hours: Type.Array(HourLimit, { maxItems: 24, description: 'Pinned hours; hours not listed share the rest of the day capacity' }),
    reason: Reason,
  },
  { additionalProperties: false },
);
export type UpdateProfileRequest = Static<typeof UpdateProfileRequest>;

export const UpdateDateOverrideRequest = Type.Object(
  {
    version: Type.Integer({ minimum: 0 }),
    direction: CrossingDirection,
    perDay: Nullable(Type.Integer({ minimum: 0, maximum: 100000, description: 'Day capacity for this date; null keeps the gate’s' })),
    hours: Type.Array(HourLimit, { maxItems: 24 }),
    reason: Reason,
  },
  { additionalProperties: false, description: 'perDay null and no hours removes the override' },
);
export type UpdateDateOverrideRequest = Static<typeof UpdateDateOverrideRequest>;

export const CapacityChange = Type.Object({
  at: Type.String({ format: 'date-time' }),
  by: Type.String(),
  scope: Type.Enum(['profile', 'date', 'day_capacity']),
  direction: Nullable(CrossingDirection),
  date: Nullable(DateString),
  before: Type.Unknown(),
  after: Type.Unknown(),
  reason: Type.String(),
});
export type CapacityChange = Static<typeof CapacityChange>;

export const Booking = Type.Object({
  id: Uuid,
  tripId: Uuid,
  gateId: GateId,
  direction: CrossingDirection,
  date: DateString,
  hour: Type.Integer(),
  slotFrom: TimeOfDay,
  slotTo: TimeOfDay,
  window: Type.Object({ from: TimeOfDay, to: TimeOfDay }),
  status: BookingStatus,
  createdAt: Type.String({ format: 'date-time' }),
  statusAt: Type.String({ format: 'date-time' }),
  statusReason: Nullable(Type.String()),
});
export type Booking = Static<typeof Booking>;

export const TripBookings = Type.Object({
  current: Nullable(Booking),
  items: Type.Array(Booking, { description: 'Every booking of the trip, newest first' }),
  noShowGraceMinutes: Type.Integer(),
});
export type TripBookings = Static<typeof TripBookings>;

export const Alternative = Type.Object({ date: DateString, hour: Type.Integer(), from: TimeOfDay, to: TimeOfDay, free: Type.Integer() });
export type Alternative = Static<typeof Alternative>;

export const NoShowQuery = Type.Object(
  { gateId: Type.Optional(GateId), days: Type.Optional(Type.Integer({ minimum: 1, maximum: 366, default: 30 })) },
  { additionalProperties: false },
);
export type NoShowQuery = Static<typeof NoShowQuery>;

export const NoShowEnterprise = Type.Object({
  enterpriseId: Uuid,
  name: Type.String(),
  taxCode: Type.String(),
  noShows: Type.Integer(),
  bookings: Type.Integer({ description: 'Bookings made in the period at these gates' }),
  repeated: Type.Boolean({ description: 'At least the threshold of no-shows in the period' }),
  trips: Type.Array(Type.Object({ tripId: Uuid, reference: Type.String(), gateId: GateId, date: DateString, hour: Type.Integer(), at: Type.String({ format: 'date-time' }) })),
});
export const NoShowReport = Type.Object({
  days: Type.Integer(),
  since: Type.String({ format: 'date-time' }),
  repeatedMinCount: Type.Integer(),
  gateIds: Type.Array(GateId),
  items: Type.Array(NoShowEnterprise),
});
export type NoShowReport = Static<typeof NoShowReport>;
