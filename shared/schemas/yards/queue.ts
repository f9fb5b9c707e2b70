import Type, { type Static } from 'typebox';
import { DateString, GateId, Nullable, Uuid } from '../common';
import { CheckInSource, ClearanceStatusValue, CrossingDirection, DateTime, ETA_BASES, ETA_CONFIDENCE, ETA_REASONS, LaneCode, Names, QueueBand, TimingSegment, TripStatusValue, VisitStatus, YardAction, YardId } from './base';
import { YardLane } from './setup';

// Yards schemas: measured times, estimates, the queue and one truck's yard status.

// ----- timings and estimates ----------------------------------------------------------------

export const TripTimings = Type.Object({
  arrivedAt: Nullable(DateTime),
  firstCalledAt: Nullable(DateTime),
  calledAt: Nullable(DateTime),
  leftYardAt: Nullable(DateTime),
  crossedAt: Nullable(DateTime),
  completedAt: Nullable(DateTime),
  dropBacks: Type.Integer(),
  /** Minutes of each segment, when both ends are recorded. */
  arrivalToCallMinutes: Nullable(Type.Number()),
  callToGateMinutes: Nullable(Type.Number()),
  gateToOtherSideMinutes: Nullable(Type.Number()),
});
export type TripTimings = Static<typeof TripTimings>;

export const Eta = Type.Object({
  minutes: Nullable(Type.Integer({ description: 'Most likely minutes until call-forward' })),
  low: Nullable(Type.Integer()),
  high: Nullable(Type.Integer({ description: 'low–high is an 80% range' })),
  confidence: Type.Enum(ETA_CONFIDENCE),
  basis: Type.Enum(ETA_BASES),
  reason: Type.Enum(ETA_REASONS),
  aheadCount: Nullable(Type.Integer()),
  sampleSize: Type.Integer({ description: 'Call-forwards measured in the window' }),
  callsPerHour: Nullable(Type.Number({ description: 'Measured (or, on basis capacity, planned) call-forwards per hour' })),
  windowHours: Type.Integer(),
});
export type Eta = Static<typeof Eta>;

export const TimingsQuery = Type.Object(
  { gateId: GateId, from: DateString, to: DateString, direction: Type.Optional(CrossingDirection) },
  { additionalProperties: false },
);
export const TimingStats = Type.Object({
  direction: CrossingDirection,
  segment: TimingSegment,
  count: Type.Integer(),
  medianMinutes: Nullable(Type.Number()),
  p90Minutes: Nullable(Type.Number()),
});
export const TimingBucket = Type.Object({ date: DateString, hour: Type.Integer({ minimum: 0, maximum: 23 }), ...TimingStats.properties });
export type TimingBucket = Static<typeof TimingBucket>;
export const TimingsResponse = Type.Object({
  gateId: GateId,
  from: DateString,
  to: DateString,
  timeZone: Type.String(),
  description: Type.String(),
  buckets: Type.Array(TimingBucket, { description: 'By the local date and hour in which each segment ended' }),
  overall: Type.Array(TimingStats),
});
export type TimingsResponse = Static<typeof TimingsResponse>;

// ----- queue --------------------------------------------------------------------------------

export const QueueEntry = Type.Object({
  position: Nullable(Type.Integer({ description: '1 = next to be called; null when already called' })),
  tripId: Uuid,
  reference: Type.String(),
  enterpriseId: Uuid,
  enterpriseName: Type.String(),
  plate: Type.String(),
  trailerPlate: Nullable(Type.String()),
  yardId: YardId,
  direction: CrossingDirection,
  lane: LaneCode,
  lanePriority: Type.Integer(),
  band: QueueBand,
  visitStatus: VisitStatus,
  tripStatus: TripStatusValue,
  clearanceStatus: ClearanceStatusValue,
  source: CheckInSource,
  arrivedAt: DateTime,
  waitingMinutes: Type.Integer(),
  windowStart: Nullable(DateTime),
  windowEnd: Nullable(DateTime),
  calledAt: Nullable(DateTime),
  callDeadline: Nullable(DateTime),
  dropBacks: Type.Integer(),
  held: Type.Boolean({ description: 'Held after repeated drop-backs: not called until an operator releases it' }),
  eligible: Type.Boolean({ description: 'Can be called now (cleared, not held)' }),
  nextActions: Type.Array(YardAction, { description: 'Steps the transition table allows now for this truck' }),
});
export type QueueEntry = Static<typeof QueueEntry>;

export const QueueCapacity = Type.Object({
  open: Type.Boolean(),
  date: DateString,
  hour: Type.Integer(),
  perDay: Type.Integer(),
  perHour: Type.Integer(),
  usedThisHour: Type.Integer({ description: 'Calls made in this local hour that did not drop back' }),
  calledNow: Type.Integer({ description: 'Called and not yet out of the yard' }),
  maxCalledAtOnce: Type.Integer(),
  free: Type.Integer({ description: 'How many more may be called now' }),
});
export type QueueCapacity = Static<typeof QueueCapacity>;

export const QueueQuery = Type.Object({ gateId: GateId, direction: CrossingDirection }, { additionalProperties: false });
export const QueueResponse = Type.Object({
  gateId: GateId,
  direction: CrossingDirection,
  generatedAt: DateTime,
  timeZone: Type.String(),
  capacity: QueueCapacity,
  called: Type.Array(QueueEntry),
  queued: Type.Array(QueueEntry, { description: 'In call order' }),
  lanes: Type.Array(YardLane),
  yards: Type.Array(Type.Object({ id: YardId, ...Names, capacity: Type.Integer(), occupancy: Type.Integer(), active: Type.Boolean() })),
  counts: Type.Object({ queued: Type.Integer(), called: Type.Integer(), openFlags: Type.Integer(), pendingReadings: Type.Integer(), openConflicts: Type.Integer() }),
});
export type QueueResponse = Static<typeof QueueResponse>;

export const CallNextRequest = Type.Object(
  {
    gateId: GateId,
    direction: CrossingDirection,
    count: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, description: 'At most this many (default: as many as capacity allows)' })),
  },
  { additionalProperties: false },
);
export type CallNextRequest = Static<typeof CallNextRequest>;
export const CALL_STOP_REASONS = ['gate_closed', 'no_capacity', 'called_limit', 'queue_empty', 'none_eligible', 'count_reached'] as const;
export const CalledTruck = Type.Object({ tripId: Uuid, reference: Type.String(), plate: Type.String(), lane: LaneCode, yardId: YardId, calledAt: DateTime, deadlineAt: DateTime });
export const CallNextResponse = Type.Object({
  called: Type.Array(CalledTruck),
  droppedBack: Type.Array(Type.Object({ tripId: Uuid, reference: Type.String(), held: Type.Boolean() })),
  stoppedBecause: Type.Enum(CALL_STOP_REASONS),
  skipped: Type.Object({ notCleared: Type.Integer(), held: Type.Integer() }),
  capacity: QueueCapacity,
});
export type CallNextResponse = Static<typeof CallNextResponse>;

// ----- one truck ----------------------------------------------------------------------------

export const TripYardStatus = Type.Object({
  tripId: Uuid,
  reference: Type.String(),
  gateId: Nullable(GateId),
  direction: CrossingDirection,
  tripStatus: TripStatusValue,
  clearanceStatus: ClearanceStatusValue,
  plate: Nullable(Type.String()),
  visitStatus: Nullable(VisitStatus),
  yard: Nullable(Type.Object({ id: YardId, ...Names })),
  lane: Nullable(Type.Object({ code: LaneCode, ...Names })),
  band: Nullable(QueueBand),
  position: Nullable(Type.Integer()),
  aheadCount: Nullable(Type.Integer()),
  callDeadline: Nullable(DateTime),
  held: Type.Boolean(),
  source: Nullable(CheckInSource),
  timings: TripTimings,
  eta: Nullable(Eta),
  nextActions: Type.Array(YardAction, { description: 'Steps the transition table allows now (what yard staff may record)' }),
  canAct: Type.Boolean({ description: 'Whether the caller may record those steps' }),
});
export type TripYardStatus = Static<typeof TripYardStatus>;

export const YardActionRequest = Type.Object(
  {
    action: YardAction,
    occurredAt: Type.Optional(Type.String({ format: 'date-time', description: 'When it happened (default: now); never in the future' })),
    reason: Type.Optional(Type.String({ minLength: 3, maxLength: 1000, description: 'Required for check_out' })),
  },
  { additionalProperties: false },
);
export type YardActionRequest = Static<typeof YardActionRequest>;

