import Type, { type Static } from 'typebox';
import { CLEARANCE_STATUSES, TRIP_STATUSES } from '../../workflows/trip';
import { Nullable } from '../common';

// Yards schemas (see ../yards.ts for the route list): shared pieces and enumerations.

export const DateTime = Type.String({ format: 'date-time' });
export const Version = Type.Integer({ minimum: 1, description: 'The version you read; a stale one gets 409' });
export const Names = {
  nameVi: Type.String({ minLength: 1, maxLength: 200 }),
  nameEn: Type.String({ minLength: 1, maxLength: 200 }),
  nameZh: Nullable(Type.String({ maxLength: 200 })),
};
export const Named = Type.Object({ ...Names });
export type Named = Static<typeof Named>;

export const YardId = Type.String({ pattern: '^[a-z0-9-]{2,64}$', description: 'Yard slug, e.g. tra-linh-a' });
export const CameraId = Type.String({ pattern: '^[A-Za-z0-9._-]{2,64}$' });
export const LaneCode = Type.String({ pattern: '^[a-z][a-z0-9_]{1,29}$', description: 'e.g. perishable, standard' });

// ----- enumerations -----------------------------------------------------------------------

export const CROSSING_DIRECTIONS = ['export', 'import'] as const;
export const CrossingDirection = Type.Enum(CROSSING_DIRECTIONS, { description: 'Out of Vietnam (export) or into it (import)' });
export type CrossingDirection = Static<typeof CrossingDirection>;

export const CHECK_IN_SOURCES = ['camera', 'qr', 'manual', 'offline'] as const;
export const CheckInSource = Type.Enum(CHECK_IN_SOURCES);
export type CheckInSource = Static<typeof CheckInSource>;

/** entry: checks trucks in; exit: records leaving the yard; gate: records passing the gate. */
export const CAMERA_POSITIONS = ['entry', 'exit', 'gate'] as const;
export const CameraPosition = Type.Enum(CAMERA_POSITIONS);

/** Actions staff (or cameras, or offline devices) record on a truck after check-in. */
export const YARD_ACTIONS = ['leave_yard', 'pass_gate', 'arrive', 'check_out'] as const;
export const YardAction = Type.Enum(YARD_ACTIONS);
export type YardAction = Static<typeof YardAction>;

/**
 * Why a truck was flagged instead of admitted (or why a queued one needs an operator):
 * unknown_plate / unknown_trip: no declared trip; unpaid: submitted but not paid, or an extra
 * charge due; pass_invalid: forged, altered, superseded or revoked pass; trip_ended: the trip was
 * cancelled, expired or refused; wrong_gate: declared for another gate; wrong_day: too early for
 * its planned date or its pass has expired; not_crossed: an import not yet recorded as passing the
 * gate; wrong_direction: the yard does not serve that direction; yard_full: no room (never
 * silently over capacity); repeated_drop_back: called and not moving too many times (held);
 * exit_not_called: seen leaving without being called; wrong_step: the step does not fit the
 * truck's status.
 */
export const FLAG_REASONS = [
  'unknown_plate',
  'unknown_trip',
  'unpaid',
  'pass_invalid',
  'trip_ended',
  'wrong_gate',
  'wrong_day',
  'not_crossed',
  'wrong_direction',
  'yard_full',
  'repeated_drop_back',
  'exit_not_called',
  'wrong_step',
] as const;
export const FlagReason = Type.Enum(FLAG_REASONS);
export type FlagReason = Static<typeof FlagReason>;
export const FLAG_STATUSES = ['open', 'resolved'] as const;
export const FlagStatus = Type.Enum(FLAG_STATUSES);

/**
 * applied: matched and applied automatically (confidence ≥ threshold); pending: below the
 * threshold, waiting for an operator; confirmed: an operator confirmed or corrected it and it was
 * applied; rejected: an operator rejected it; flagged: the truck may not be admitted (see the
 * flag); ignored: the truck is already where the reading says (a repeated read).
 */
export const READING_STATUSES = ['applied', 'pending', 'confirmed', 'rejected', 'flagged', 'ignored'] as const;
export const ReadingStatus = Type.Enum(READING_STATUSES);
export type ReadingStatus = Static<typeof ReadingStatus>;

/**
 * Queue bands, in this order: due (the booked window has started; not late), early (window not
 * started yet), late (arrived after the window's end plus the grace in the rules). Within a lane
 * and band, trucks keep their arrival order (a drop-back moves a truck behind K others).
 */
export const QUEUE_BANDS = ['due', 'early', 'late'] as const;
export const QueueBand = Type.Enum(QUEUE_BANDS);
export type QueueBand = Static<typeof QueueBand>;

export const VISIT_STATUSES = ['queued', 'called', 'left', 'ended'] as const;
export const VisitStatus = Type.Enum(VISIT_STATUSES);
export type VisitStatus = Static<typeof VisitStatus>;

export const TripStatusValue = Type.Enum(TRIP_STATUSES);
export const ClearanceStatusValue = Type.Enum(CLEARANCE_STATUSES);

export const ETA_CONFIDENCE = ['high', 'medium', 'low', 'none'] as const;
/**
 * measured: recent call-forwards at the gate; capacity: too few measurements, from the hourly
 * capacity; none: no estimate (see reason).
 */
export const ETA_BASES = ['measured', 'capacity', 'none'] as const;
export const ETA_REASONS = ['ok', 'too_little_data', 'awaiting_clearance', 'held', 'gate_closed', 'called', 'not_in_queue'] as const;

/**
 * arrival_to_call: yard arrival → (last) call-forward. call_to_gate: export call → passing the
 * gate; import release → leaving the yard. gate_to_other_side: export gate → arrival on the
 * other side; import gate (coming in) → arrival in the yard.
 */
export const TIMING_SEGMENTS = ['arrival_to_call', 'call_to_gate', 'gate_to_other_side'] as const;
export const TimingSegment = Type.Enum(TIMING_SEGMENTS);

export const SYNC_EVENT_TYPES = ['check_in', 'call', 'leave_yard', 'pass_gate', 'arrive', 'check_out'] as const;
export const SyncEventType = Type.Enum(SYNC_EVENT_TYPES);
export type SyncEventType = Static<typeof SyncEventType>;

/**
 * applied: in force on the trip; conflict: needs an operator (a not_allowed_now conflict is also
 * retried automatically, since the missing earlier step may still arrive; a duplicate_record is
 * the later of two records of the same step, the earliest being in force); accepted / discarded:
 * resolved by an operator.
 */
export const SYNC_EVENT_STATUSES = ['applied', 'conflict', 'accepted', 'discarded'] as const;
export const SyncEventStatus = Type.Enum(SYNC_EVENT_STATUSES);
export const CONFLICT_REASONS = [
  'duplicate_record',
  'not_allowed_now',
  'unknown_truck',
  'wrong_gate',
  'future_time',
  'pass_invalid',
  'not_admissible',
] as const;
export const ConflictReason = Type.Enum(CONFLICT_REASONS);

