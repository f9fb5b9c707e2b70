import Type, { type Static } from 'typebox';
import { GateId, Nullable, Reason, Uuid } from '../common';
import { CHECK_IN_SOURCES, CameraId, CameraPosition, DateTime, FlagReason, FlagStatus, LaneCode, ReadingStatus, YardId } from './base';
import { TripYardStatus } from './queue';

// Yards schemas: flags, plate readings and check-in.

// ----- flags and plate readings -------------------------------------------------------------

export const YardFlag = Type.Object({
  id: Uuid,
  gateId: GateId,
  yardId: Nullable(YardId),
  tripId: Nullable(Uuid),
  tripReference: Nullable(Type.String()),
  plate: Nullable(Type.String()),
  reason: FlagReason,
  source: Type.Enum([...CHECK_IN_SOURCES, 'job']),
  details: Type.Record(Type.String(), Type.Unknown()),
  status: FlagStatus,
  raisedAt: DateTime,
  resolvedAt: Nullable(DateTime),
  resolvedBy: Nullable(Type.String()),
  resolution: Nullable(Type.String()),
});
export type YardFlag = Static<typeof YardFlag>;
export const FlagsQuery = Type.Object({ gateId: GateId, status: Type.Optional(FlagStatus) }, { additionalProperties: false });
export const ResolveFlagRequest = Type.Object(
  { action: Type.Enum(['dismiss', 'release_hold']), reason: Reason },
  { additionalProperties: false, description: 'release_hold: a truck held after repeated drop-backs goes back into the queue' },
);
export type ResolveFlagRequest = Static<typeof ResolveFlagRequest>;

export const CameraReadingRequest = Type.Object(
  {
    eventId: Type.String({ minLength: 1, maxLength: 100, description: 'The camera’s own id for this reading; a resend with the same id changes nothing' }),
    cameraId: CameraId,
    yardId: YardId,
    plate: Type.String({ minLength: 1, maxLength: 32, description: 'Plate text as read' }),
    confidence: Type.Number({ minimum: 0, maximum: 1 }),
    capturedAt: Type.String({ format: 'date-time' }),
    imageSha256: Type.Optional(Type.String({ pattern: '^[0-9a-f]{64}$' })),
  },
  { additionalProperties: false },
);
export type CameraReadingRequest = Static<typeof CameraReadingRequest>;

export const PlateReading = Type.Object({
  id: Uuid,
  eventId: Type.String(),
  cameraId: CameraId,
  cameraPosition: CameraPosition,
  yardId: YardId,
  gateId: GateId,
  plateRead: Type.String(),
  plate: Nullable(Type.String({ description: 'Normalised plate (VN 11C-123.45, CN 桂F·12345), null when unreadable' })),
  confidence: Type.Number(),
  capturedAt: DateTime,
  imageSha256: Nullable(Type.String()),
  status: ReadingStatus,
  tripId: Nullable(Uuid),
  tripReference: Nullable(Type.String()),
  flagId: Nullable(Uuid),
  resolvedBy: Nullable(Type.String()),
  resolvedAt: Nullable(DateTime),
  resolution: Nullable(Type.String()),
  receivedAt: DateTime,
});
export type PlateReading = Static<typeof PlateReading>;
export const ReadingsQuery = Type.Object(
  { gateId: GateId, yardId: Type.Optional(YardId), status: Type.Optional(ReadingStatus), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) },
  { additionalProperties: false },
);
export const ConfirmReadingRequest = Type.Object(
  { plate: Type.Optional(Type.String({ minLength: 1, maxLength: 32, description: 'The corrected plate, when the camera misread it' })), reason: Type.Optional(Reason) },
  { additionalProperties: false },
);
export type ConfirmReadingRequest = Static<typeof ConfirmReadingRequest>;
export const RejectReadingRequest = Type.Object({ reason: Reason }, { additionalProperties: false });

// ----- check-in -----------------------------------------------------------------------------

export const CHECK_IN_OUTCOMES = ['checked_in', 'flagged', 'already_in_yard', 'pending', 'applied', 'ignored'] as const;
/**
 * checked_in: admitted and queued; flagged: not admitted, see flag; already_in_yard: the truck is
 * already checked in (nothing changed); camera readings also answer pending (waiting for an
 * operator), applied (an exit or gate camera recorded the step) or ignored (repeated read).
 */
export const CheckInOutcome = Type.Enum(CHECK_IN_OUTCOMES);
export const CheckInResult = Type.Object({
  outcome: CheckInOutcome,
  trip: Nullable(TripYardStatus),
  flag: Nullable(YardFlag),
  reading: Nullable(PlateReading),
});
export type CheckInResult = Static<typeof CheckInResult>;

const OccurredAt = Type.Optional(Type.String({ format: 'date-time', description: 'When the truck arrived (default: now); never in the future' }));
export const QrCheckInRequest = Type.Object(
  { passToken: Type.String({ minLength: 10, maxLength: 4000, description: 'The CKS1.… token read from the pass QR' }), occurredAt: OccurredAt, lane: Type.Optional(LaneCode) },
  { additionalProperties: false },
);
export type QrCheckInRequest = Static<typeof QrCheckInRequest>;
export const ManualCheckInRequest = Type.Object(
  {
    tripReference: Type.Optional(Type.String({ minLength: 5, maxLength: 40 })),
    plate: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    reason: Reason,
    occurredAt: OccurredAt,
    lane: Type.Optional(LaneCode),
    overCapacity: Type.Optional(Type.Boolean({ description: 'Admit although the yard is full (recorded and flagged)' })),
  },
  { additionalProperties: false, description: 'Give the trip reference or the plate' },
);
export type ManualCheckInRequest = Static<typeof ManualCheckInRequest>;

