import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../db/platform.tables';

// Kysely row types of the tables the capacity capability owns (migration 0040).

type Json<T> = ColumnType<T, string, string>;
/** Pinned hourly capacities keyed by local hour ("0"–"23"). */
export type HourMap = Record<string, number>;

export interface CapacityTables {
  capacity_settings: {
    gate_id: string;
    version: Generated<number>;
    updated_at: Timestamp;
  };
  capacity_profiles: {
    gate_id: string;
    direction: string;
    hours: Json<HourMap>;
    updated_at: Timestamp;
    updated_by: string | null;
  };
  capacity_date_overrides: {
    gate_id: string;
    direction: string;
    day: string;
    per_day: number | null;
    hours: Json<HourMap>;
    reason: string;
    updated_at: Timestamp;
    updated_by: string | null;
  };
  capacity_changes: {
    id: Generated<number>;
    gate_id: string;
    direction: string;
    scope: string;
    day: string | null;
    before: Json<unknown> | null;
    after: Json<unknown> | null;
    reason: string;
    changed_by: string | null;
    changed_by_label: string;
    changed_at: Timestamp;
    request_id: string | null;
  };
  capacity_day_counters: {
    gate_id: string;
    direction: string;
    day: string;
    capacity: number;
    booked: Generated<number>;
  };
  capacity_slot_counters: {
    gate_id: string;
    direction: string;
    day: string;
    hour: number;
    capacity: number;
    booked: Generated<number>;
  };
  crossing_bookings: {
    id: Generated<string>;
    seq: Generated<number>;
    trip_id: string;
    enterprise_id: string;
    gate_id: string;
    direction: string;
    day: string;
    hour: number;
    window_from: string;
    window_to: string;
    window_end_at: Timestamp;
    status: Generated<string>;
    created_at: Timestamp;
    status_at: Timestamp;
    status_reason: string | null;
  };
}
