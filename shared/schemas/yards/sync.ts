import Type, { type Static } from 'typebox';
import { PassKey } from '../passes';
import { DateString, GateId, Nullable, Reason, TimeOfDay, Uuid } from '../common';
import { ClearanceStatusValue, ConflictReason, CrossingDirection, DateTime, LaneCode, Names, SyncEventStatus, SyncEventType, TripStatusValue, YardId } from './base';
import { Yard, YardRules } from './setup';
import { QueueEntry } from './queue';

// Yards schemas: offline sync, conflicts and the offline snapshot.

// ----- offline sync -------------------------------------------------------------------------

export const SyncEvent = Type.Object(
  {
    clientEventId: Uuid,
    type: SyncEventType,
    yardId: YardId,
    occurredAt: Type.String({ format: 'date-time', description: 'Device time when it happened' }),
    tripReference: Type.Optional(Type.String({ minLength: 5, maxLength: 40 })),
    plate: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    passToken: Type.Optional(Type.String({ minLength: 10, maxLength: 4000 })),
    lane: Type.Optional(LaneCode),
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
    payload: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'Anything else the device recorded (kept with the event)' })),
  },
  { additionalProperties: false, description: 'Identify the truck by tripReference, passToken or plate' },
);
export type SyncEvent = Static<typeof SyncEvent>;
export const SyncRequest = Type.Object(
  {
    deviceId: Type.String({ pattern: '^[A-Za-z0-9._:-]{3,100}$' }),
    events: Type.Array(SyncEvent, { minItems: 1, maxItems: 500 }),
  },
  { additionalProperties: false },
);
export type SyncRequest = Static<typeof SyncRequest>;

export const SyncResult = Type.Object({
  clientEventId: Uuid,
  outcome: Type.Enum(['applied', 'conflict', 'already_received']),
  status: SyncEventStatus,
  conflictReason: Nullable(ConflictReason),
  tripId: Nullable(Uuid),
  tripReference: Nullable(Type.String()),
  tripStatus: Nullable(TripStatusValue),
});
export type SyncResult = Static<typeof SyncResult>;
export const SyncResponse = Type.Object({ results: Type.Array(SyncResult, { description: 'One per event sent, in the order sent' }), serverTime: DateTime });
export type SyncResponse = Static<typeof SyncResponse>;

export const SyncConflict = Type.Object({
  id: Uuid,
  clientEventId: Uuid,
  deviceId: Type.String(),
  gateId: GateId,
  yardId: YardId,
  type: SyncEventType,
  reason: ConflictReason,
  status: SyncEventStatus,
  tripId: Nullable(Uuid),
  tripReference: Nullable(Type.String()),
  device: Type.Object({
    occurredAt: DateTime,
    tripReference: Nullable(Type.String()),
    plate: Nullable(Type.String()),
    lane: Nullable(Type.String()),
    reason: Nullable(Type.String()),
    payload: Type.Record(Type.String(), Type.Unknown()),
    recordedBy: Type.String(),
  }),
  server: Type.Record(Type.String(), Type.Unknown(), { description: 'What the server had when the conflict arose (trip status, the record in force…)' }),
  receivedAt: DateTime,
  resolvedAt: Nullable(DateTime),
  resolvedBy: Nullable(Type.String()),
  resolution: Nullable(Type.String()),
});
export type SyncConflict = Static<typeof SyncConflict>;
export const ConflictsQuery = Type.Object({ gateId: GateId, status: Type.Optional(Type.Enum(['open', 'resolved'])) }, { additionalProperties: false });
export const ResolveConflictRequest = Type.Object(
  { action: Type.Enum(['accept', 'discard']), reason: Reason },
  { additionalProperties: false, description: 'accept: apply the device’s record now (for a duplicate: its time replaces the one in force); discard: keep the server’s' },
);
export type ResolveConflictRequest = Static<typeof ResolveConflictRequest>;

export const ExpectedTruck = Type.Object({
  tripId: Uuid,
  reference: Type.String(),
  plate: Type.String(),
  trailerPlate: Nullable(Type.String()),
  direction: CrossingDirection,
  tripStatus: TripStatusValue,
  clearanceStatus: ClearanceStatusValue,
  plannedDate: DateString,
  window: Type.Object({ from: TimeOfDay, to: TimeOfDay }),
  passSerial: Nullable(Type.Integer()),
  passStatus: Nullable(Type.String()),
  passValidUntil: Nullable(DateTime),
  enterpriseName: Type.String(),
  driverName: Type.String(),
  lane: LaneCode,
});
export type ExpectedTruck = Static<typeof ExpectedTruck>;

export const YardSnapshot = Type.Object({
  yard: Yard,
  gate: Type.Object({ id: GateId, ...Names, timeZone: Type.String() }),
  generatedAt: DateTime,
  rules: YardRules,
  queue: Type.Array(QueueEntry, { description: 'Called and queued trucks of the gate in the yard’s directions' }),
  expected: Type.Array(ExpectedTruck, { description: 'Trucks that may arrive (paid, or crossed imports) from yesterday to the early-arrival limit, and those at the gate' }),
  revokedPasses: Type.Array(Type.Object({ tripId: Uuid, serial: Type.Integer(), status: Type.String() }), { description: 'Superseded or revoked passes of those trucks: refuse them offline' }),
  passKeys: Type.Array(PassKey, { description: 'Same as GET /api/v1/passes/keys' }),
});
export type YardSnapshot = Static<typeof YardSnapshot>;
