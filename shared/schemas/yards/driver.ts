import Type, { type Static } from 'typebox';
import { DateString, GateId, Nullable, TimeOfDay } from '../common';
import { ClearanceStatusValue, CrossingDirection, DateTime, LaneCode, Names, TripStatusValue, YardId } from './base';
import { Eta } from './queue';

// Yards schemas: the driver's page (no account; the signed pass is the credential).

// ----- driver page --------------------------------------------------------------------------

export const DRIVER_STAGES = ['not_arrived', 'queued', 'called', 'left_yard', 'crossed', 'completed', 'ended'] as const;
export const DriverStage = Type.Enum(DRIVER_STAGES);
export const Trilingual = Type.Object({ vi: Type.String(), en: Type.String(), zh: Type.String() });
export type Trilingual = Static<typeof Trilingual>;

export const DRIVER_NOTICE_CODES = ['called', 'dropped_back', 'held', 'checked_in', 'left_yard', 'crossed', 'completed', 'checked_out', 'refused'] as const;
export const DriverNotice = Type.Object({
  code: Type.Enum(DRIVER_NOTICE_CODES),
  at: DateTime,
  params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Null()])),
  message: Trilingual,
});
export type DriverNotice = Static<typeof DriverNotice>;

export const DriverInstructionItem = Type.Object({
  kind: Type.String(),
  vi: Type.String(),
  en: Type.String(),
  zh: Type.String(),
  place: Type.Optional(Nullable(Type.String())),
  at: Type.Optional(Nullable(Type.String())),
});

export const DriverTripQuery = Type.Object({ pass: Type.String({ minLength: 10, maxLength: 4000, description: 'The signed pass token (from the QR)' }) }, { additionalProperties: false });
export const DriverTripView = Type.Object({
  reference: Type.String(),
  gate: Type.Object({ id: GateId, ...Names, timeZone: Type.String() }),
  direction: CrossingDirection,
  plate: Type.String(),
  plannedDate: DateString,
  window: Type.Object({ from: TimeOfDay, to: TimeOfDay }),
  stage: DriverStage,
  tripStatus: TripStatusValue,
  clearanceStatus: ClearanceStatusValue,
  yard: Nullable(Type.Object({ id: YardId, ...Names })),
  lane: Nullable(Type.Object({ code: LaneCode, ...Names })),
  position: Nullable(Type.Integer()),
  aheadCount: Nullable(Type.Integer()),
  eta: Nullable(Eta),
  callNotice: Nullable(
    Type.Object({ calledAt: DateTime, deadlineAt: DateTime, yard: Type.Object({ id: YardId, ...Names }), message: Trilingual }),
  ),
  notices: Type.Array(DriverNotice, { description: 'Newest first' }),
  instructions: Type.Array(DriverInstructionItem, { description: 'What clearance asks of the driver now' }),
  updatedAt: DateTime,
  refreshSeconds: Type.Integer(),
});
export type DriverTripView = Static<typeof DriverTripView>;

