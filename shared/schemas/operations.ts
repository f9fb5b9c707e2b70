import Type, { type Static } from 'typebox';
import { DateString, GateId, Nullable, TimeOfDay, Uuid } from './common';

// Operations (issue 8): the live board, congestion levels, the public congestion feed, and
// enterprise webhooks. Used by the server (validation, OpenAPI) and the web (types).
//
// ROUTES (server/src/operations/*.routes.ts). Permission in brackets.
//   GET  /api/v1/operations/board?gateId=|province=   [operations:read, scope]  snapshot of the board (fallback when no stream)
//   GET  /api/v1/operations/stream?gateId=|province=  [operations:read, scope]  server-sent events: `domain` (events, id = event id), `gate` (live status); Last-Event-ID resumes
//   GET  /api/v1/operations/levels/history?gateId=    [operations:read, scope]  level changes of a gate
//   GET  /api/v1/public/congestion                    [public, rate-limited]   every operating gate: status, hours, capacity open, trucks waiting, delay, level (JSON; XML with ?format=xml or Accept)
//   GET  /api/v1/public/congestion.xml                [public, rate-limited]   the same as XML
//   GET  /api/v1/public/congestion/stream             [public]                 server-sent events: `gate` (public live status of a gate)
//   GET  /api/v1/public/map                           [public]                 offline map shapes (GeoJSON) of the border provinces
//   GET  /api/v1/webhooks/event-types                 [webhooks:write]         event types an endpoint may subscribe to
//   GET  /api/v1/webhooks                             [webhooks:write, own enterprise]  endpoints
//   POST /api/v1/webhooks                             [webhooks:write]         register (secret returned once; Idempotency-Key)
//   PATCH /api/v1/webhooks/:id                        [webhooks:write]         change URL, events, description, active (version)
//   POST /api/v1/webhooks/:id/rotate-secret           [webhooks:write]         new secret (returned once)
//   POST /api/v1/webhooks/:id/ping                    [webhooks:write]         queue a test delivery
//   GET  /api/v1/webhooks/:id/deliveries              [webhooks:write]         delivery log, newest first
//   GET  /api/v1/webhooks/deliveries/:deliveryId      [webhooks:write]         one delivery with every attempt
//   POST /api/v1/webhooks/deliveries/:deliveryId/redeliver  [webhooks:write]  send again now

export const LEVELS = ['green', 'yellow', 'orange', 'red'] as const;
export const LevelCode = Type.Enum(LEVELS, { description: 'Congestion level; always shown with its text, never colour alone' });
export type LevelCode = Static<typeof LevelCode>;
export const CrossingDirection = Type.Enum(['export', 'import']);
const DateTime = Type.String({ format: 'date-time' });
const LevelReason = Type.Enum(['none', 'queue', 'wait', 'no_capacity'], {
  description: 'What set the level: the queue against day capacity, the expected wait, or trucks waiting at a gate without capacity',
});

export const DirectionStatus = Type.Object({
  direction: CrossingDirection,
  waiting: Type.Integer({ description: 'Trucks in the yards: queued + called, not yet left' }),
  queued: Type.Integer(),
  called: Type.Integer(),
  perDay: Type.Integer({ description: 'Day capacity agreed with the other side' }),
  perHour: Type.Integer({ description: 'Capacity this hour (0 while closed)' }),
  throughputPerHour: Nullable(Type.Number({ description: 'Trucks called forward per hour (measured), or the capacity when too few were' })),
  throughputSource: Type.Enum(['measured', 'capacity', 'none']),
  callsInWindow: Type.Integer(),
  expectedWaitMinutes: Nullable(Type.Integer({ description: 'Queue ahead ÷ throughput' })),
  ratio: Nullable(Type.Number({ description: 'Trucks waiting ÷ day capacity' })),
  level: LevelCode,
  reason: LevelReason,
});
export type DirectionStatus = Static<typeof DirectionStatus>;

export const LaneStatus = Type.Object({ direction: CrossingDirection, lane: Nullable(Type.String()), queued: Type.Integer(), called: Type.Integer() });
export const YardOccupancy = Type.Object({
  yardId: Nullable(Type.String()),
  nameVi: Nullable(Type.String()),
  nameEn: Nullable(Type.String()),
  nameZh: Nullable(Type.String()),
  capacity: Nullable(Type.Integer()),
  occupied: Type.Integer(),
});

/** What changes with every truck: pushed on the streams, part of the board and the feed. */
export const GateLive = Type.Object({
  gateId: GateId,
  openNow: Type.Boolean(),
  specialKind: Nullable(Type.String()),
  waiting: Type.Integer(),
  level: LevelCode,
  reason: LevelReason,
  levelSince: Nullable(DateTime),
  expectedWaitMinutes: Nullable(Type.Integer()),
  directions: Type.Object({ export: DirectionStatus, import: DirectionStatus }),
  lanes: Type.Array(LaneStatus),
  yards: Type.Array(YardOccupancy),
  computedAt: DateTime,
  lastEventId: Type.Integer(),
});
export type GateLive = Static<typeof GateLive>;

export const Spread = Type.Object({ count: Type.Integer(), medianSeconds: Nullable(Type.Integer()), p90Seconds: Nullable(Type.Integer()) });
export type Spread = Static<typeof Spread>;
export const HourCount = Type.Object({ hour: Type.Integer(), arrivals: Type.Integer(), clearances: Type.Integer(), crossings: Type.Integer() });
export type HourCount = Static<typeof HourCount>;
export const AgencyClearance = Type.Object({
  agency: Type.String(),
  count: Type.Integer(),
  autoPassed: Type.Integer(),
  medianSeconds: Nullable(Type.Integer()),
  p90Seconds: Nullable(Type.Integer()),
});
export const WaitingTruck = Type.Object({
  tripId: Uuid,
  reference: Type.String(),
  plate: Nullable(Type.String()),
  direction: CrossingDirection,
  status: Type.String(),
  clearanceStatus: Type.String(),
  yardId: Nullable(Type.String()),
  lane: Nullable(Type.String()),
  arrivedAt: DateTime,
  waitedMinutes: Type.Integer(),
});
export type WaitingTruck = Static<typeof WaitingTruck>;
export const DayBookings = Type.Object({ date: DateString, direction: CrossingDirection, capacity: Type.Integer(), booked: Type.Integer() });
export type DayBookings = Static<typeof DayBookings>;
const Location = Nullable(Type.Object({ lat: Type.Number(), lon: Type.Number(), approximate: Type.Boolean() }));

export const GateBoard = Type.Object({
  gateId: GateId,
  nameVi: Type.String(),
  nameEn: Type.String(),
  nameZh: Nullable(Type.String()),
  province: Type.String(),
  location: Location,
  timeZone: Type.String(),
  date: DateString,
  live: GateLive,
  hourly: Type.Array(HourCount, { description: 'Today, by the gate’s local hour' }),
  waitsToCall: Type.Object({ export: Spread, import: Spread }, { description: 'Measured arrival → call forward, calls made today' }),
  clearanceByAgency: Type.Array(AgencyClearance, { description: 'Ready → decided per agency, decisions made today' }),
  longWaiting: Type.Object({ thresholdMinutes: Type.Integer(), total: Type.Integer(), items: Type.Array(WaitingTruck) }),
  bookings: Type.Array(DayBookings, { description: 'Booked crossings against day capacity, today and the coming days' }),
});
export type GateBoard = Static<typeof GateBoard>;

export const NationalScale = Type.Object({
  waiting: Type.Integer(),
  level: LevelCode,
  thresholds: Type.Object({ yellow: Type.Integer(), orange: Type.Integer(), red: Type.Integer() }, { description: 'From this many vehicles waiting' }),
});

export const OperationsBoard = Type.Object({
  kind: Type.Enum(['gate', 'province', 'all']),
  province: Nullable(Type.String()),
  generatedAt: DateTime,
  lastEventId: Type.Integer({ description: 'Connect the stream with this as Last-Event-ID to miss nothing' }),
  national: NationalScale,
  totals: Type.Object({ waiting: Type.Integer(), hourly: Type.Array(HourCount) }),
  gates: Type.Array(GateBoard),
  thresholdsVersion: Type.String(),
});
export type OperationsBoard = Static<typeof OperationsBoard>;
export const BoardQuery = Type.Object({ gateId: Type.Optional(GateId), province: Type.Optional(Type.String({ pattern: '^[A-Z]{2,3}$' })) }, { additionalProperties: false });
export type BoardQuery = Static<typeof BoardQuery>;
export const StreamQuery = Type.Object(
  {
    gateId: Type.Optional(GateId),
    province: Type.Optional(Type.String({ pattern: '^[A-Z]{2,3}$' })),
    lastEventId: Type.Optional(Type.Integer({ minimum: 0, description: 'Same as the Last-Event-ID header' })),
  },
  { additionalProperties: false },
);

export const LevelChange = Type.Object({
  gateId: GateId,
  level: LevelCode,
  previousLevel: Nullable(LevelCode),
  since: DateTime,
  waiting: Type.Integer(),
  expectedWaitMinutes: Nullable(Type.Integer()),
  reason: LevelReason,
});
export type LevelChange = Static<typeof LevelChange>;

// ----- public feed ---------------------------------------------------------------------------

const Interval = Type.Object({ opens: TimeOfDay, closes: TimeOfDay });
export const PublicGateCongestion = Type.Object({
  id: GateId,
  nameVi: Type.String(),
  nameEn: Type.String(),
  nameZh: Nullable(Type.String()),
  counterpartNameVi: Type.String(),
  counterpartNameZh: Nullable(Type.String()),
  province: Type.String(),
  gateStatus: Type.String({ description: 'Registry status: operating, upgrading' }),
  open: Type.Boolean({ description: 'Open for crossing now' }),
  specialDay: Nullable(Type.String({ description: 'Special day in force today (closed, extended_hours, fruit_only…)' })),
  hoursToday: Type.Object({
    date: DateString,
    timeZone: Type.String(),
    intervals: Type.Array(Interval),
    counterpartTimeZone: Type.String(),
    counterpartIntervals: Type.Array(Interval),
  }),
  capacityOpen: Type.Object({
    exportPerHour: Type.Integer(),
    importPerHour: Type.Integer(),
    exportPerDay: Type.Integer(),
    importPerDay: Type.Integer(),
  }),
  trucksWaiting: Type.Object({ total: Type.Integer(), export: Type.Integer(), import: Type.Integer() }),
  expectedDelayMinutes: Type.Object({ max: Nullable(Type.Integer()), export: Nullable(Type.Integer()), import: Nullable(Type.Integer()) }),
  level: LevelCode,
  levelSince: Nullable(DateTime),
  location: Location,
  updatedAt: DateTime,
});
export type PublicGateCongestion = Static<typeof PublicGateCongestion>;

export const PublicCongestionFeed = Type.Object({
  generatedAt: DateTime,
  updatedAt: DateTime,
  method: Type.String({ description: 'How the figures are measured' }),
  national: NationalScale,
  gates: Type.Array(PublicGateCongestion),
});
export type PublicCongestionFeed = Static<typeof PublicCongestionFeed>;
export const FeedQuery = Type.Object({ format: Type.Optional(Type.Enum(['json', 'xml'])), province: Type.Optional(Type.String({ pattern: '^[A-Z]{2,3}$' })) }, { additionalProperties: false });

/** Public live status of a gate (no trip or enterprise data), pushed on the public stream. */
export const PublicGateLive = Type.Object({
  gateId: GateId,
  open: Type.Boolean(),
  level: LevelCode,
  waiting: Type.Integer(),
  waitingExport: Type.Integer(),
  waitingImport: Type.Integer(),
  expectedDelayMinutes: Nullable(Type.Integer()),
  updatedAt: DateTime,
});
export type PublicGateLive = Static<typeof PublicGateLive>;

export const MapShapes = Type.Unsafe<{
  version: string;
  licence: string;
  source: string;
  bbox: [number, number, number, number];
  type: 'FeatureCollection';
  features: Array<{
    type: 'Feature';
    properties: { code: string; country: string | null; nameVi: string; nameEn: string; nameZh: string; gateProvince: string | null };
    geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'LineString'; coordinates: number[][] };
  }>;
}>(Type.Object({}, { additionalProperties: true, description: 'GeoJSON FeatureCollection with source and licence' }));
export type MapShapes = Static<typeof MapShapes>;

export * from './operations/webhooks';
