import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../db/platform.tables';

// Kysely row types of the tables the operations capability owns (migration 0060).

type Json<T> = ColumnType<T, string, string>;

export interface OperationsTables {
  gate_congestion: {
    gate_id: string;
    level: string;
    since: Timestamp;
    computed_at: Timestamp;
    figures: Json<Record<string, unknown>>;
    thresholds_version: string;
  };
  gate_congestion_history: {
    id: Generated<number>;
    gate_id: string;
    level: string;
    previous_level: string | null;
    since: Timestamp;
    figures: Json<Record<string, unknown>>;
    thresholds_version: string;
  };
  congestion_warnings: {
    id: Generated<string>;
    gate_id: string;
    raised_at: Timestamp;
    raised_level: string;
    max_level: string;
    reason: string;
    figures: Json<Record<string, unknown>>;
    recipients: Generated<number>;
    notified_enterprises: ColumnType<string[], string[] | undefined, string[]>;
    cleared_at: Timestamp | null;
    cleared_figures: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  };
  webhook_endpoints: {
    id: Generated<string>;
    enterprise_id: string;
    url: string;
    description: string | null;
    event_types: string[];
    secret: string;
    active: Generated<boolean>;
    from_event_id: number;
    created_by: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
    version: Generated<number>;
  };
  webhook_deliveries: {
    id: Generated<string>;
    endpoint_id: string;
    enterprise_id: string;
    event_id: string;
    event_type: string;
    payload: Json<Record<string, unknown>>;
    status: Generated<string>;
    attempts: Generated<number>;
    next_attempt_at: Timestamp;
    lease_until: Timestamp | null;
    last_status_code: number | null;
    last_error: string | null;
    created_at: Timestamp;
    delivered_at: Timestamp | null;
  };
  webhook_delivery_attempts: {
    id: Generated<number>;
    delivery_id: string;
    started_at: Timestamp;
    duration_ms: number;
    status_code: number | null;
    error: string | null;
    outcome: string;
  };
  operations_cursors: {
    name: string;
    last_event_id: number;
    updated_at: Timestamp;
  };
}
