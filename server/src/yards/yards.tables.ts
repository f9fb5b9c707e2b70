import type { ColumnType, Generated } from 'kysely';

// Kysely row types of the tables the yards capability owns (migrations 0045–0048), composed into
// db/database.ts.

type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface YardsTables {
  yards: {
    id: string;
    gate_id: string;
    name_vi: string;
    name_en: string;
    name_zh: string | null;
    capacity: number;
    directions: string[];
    active: Generated<boolean>;
    version: Generated<number>;
    created_at: CreatedAt;
    updated_at: CreatedAt;
  };
  yard_cameras: { id: string; yard_id: string; position: string; description: string | null; active: Generated<boolean> };
  yard_gate_rules: {
    gate_id: string;
    version: Generated<number>;
    source: string;
    dataset: string;
    lanes: Json<unknown>;
    rules: Json<unknown>;
    updated_at: Date | null;
    updated_by: string | null;
    updated_by_label: string | null;
  };
  yard_queue_locks: { gate_id: string; direction: string; last_run_at: Date | null };
  yard_visits: {
    trip_id: string;
    gate_id: string;
    yard_id: string;
    direction: string;
    lane: string;
    lane_priority: number;
    status: Generated<string>;
    source: string;
    plate: string;
    arrived_at: Date;
    queue_key: Date;
    window_start: Date | null;
    window_end: Date | null;
    late: Generated<boolean>;
    drop_backs: Generated<number>;
    held: Generated<boolean>;
    called_at: Date | null;
    call_deadline: Date | null;
    over_capacity: Generated<boolean>;
    left_at: Date | null;
    ended_at: Date | null;
    end_reason: string | null;
    version: Generated<number>;
    created_at: CreatedAt;
    updated_at: CreatedAt;
  };
  yard_calls: {
    id: Generated<string>;
    trip_id: string;
    gate_id: string;
    direction: string;
    yard_id: string;
    lane: string;
    called_at: Date;
    deadline_at: Date;
    slot_date: string;
    slot_hour: number;
    called_by: string;
    actor_label: string;
    outcome: Generated<string>;
    outcome_at: Date | null;
  };
  trip_timings: {
    trip_id: string;
    gate_id: string;
    direction: string;
    yard_id: string | null;
    lane: string | null;
    arrived_at: Date | null;
    first_called_at: Date | null;
    called_at: Date | null;
    left_yard_at: Date | null;
    crossed_at: Date | null;
    completed_at: Date | null;
    drop_backs: Generated<number>;
    updated_at: CreatedAt;
  };
  yard_driver_notices: {
    id: Generated<number>;
    trip_id: string;
    code: string;
    at: Date;
    params: Json<Record<string, unknown>>;
    message: Json<{ vi: string; en: string; zh: string }>;
  };
  yard_flags: {
    id: Generated<string>;
    gate_id: string;
    yard_id: string | null;
    trip_id: string | null;
    plate: string | null;
    reason: string;
    source: string;
    details: Json<Record<string, unknown>>;
    status: Generated<string>;
    raised_at: Date;
    resolved_at: Date | null;
    resolved_by: string | null;
    resolved_by_label: string | null;
    resolution: string | null;
  };
  plate_readings: {
    id: Generated<string>;
    event_id: string;
    camera_id: string;
    camera_position: string;
    yard_id: string;
    gate_id: string;
    plate_read: string;
    plate: string | null;
    confidence: number;
    captured_at: Date;
    image_sha256: string | null;
    status: string;
    trip_id: string | null;
    flag_id: string | null;
    resolved_at: Date | null;
    resolved_by: string | null;
    resolved_by_label: string | null;
    resolution: string | null;
    received_at: Date;
  };
  yard_sync_events: {
    id: Generated<string>;
    client_event_id: string;
    device_id: string;
    gate_id: string;
    yard_id: string;
    type: string;
    occurred_at: Date;
    trip_reference: string | null;
    plate: string | null;
    pass_token: string | null;
    lane: string | null;
    reason: string | null;
    payload: Json<Record<string, unknown>>;
    recorded_by: string | null;
    recorded_by_label: string;
    received_at: Date;
    trip_id: string | null;
    status: string;
    conflict_reason: string | null;
    server_version: ColumnType<unknown, string | null, string | null> | null;
    applied_at: Date | null;
    resolved_at: Date | null;
    resolved_by: string | null;
    resolved_by_label: string | null;
    resolution: string | null;
  };
}
