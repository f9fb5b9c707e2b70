import type { ColumnType, Generated } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface PlatformTables {
  domain_events: {
    id: Generated<number>;
    type: string;
    occurred_at: Timestamp;
    recorded_at: Generated<Date>;
    gate_id: string | null;
    trip_id: string | null;
    direction: string | null;
    payload: ColumnType<Record<string, unknown>, string, string>;
  };
  reference_datasets: {
    name: string;
    version: string;
    checksum: string;
    effective_from: string;
    applied_at: Generated<Date>;
  };
  idempotency_keys: {
    scope: string;
    key: string;
    request_hash: string;
    status_code: number | null;
    response: ColumnType<unknown, string | null, string | null> | null;
    created_at: Generated<Date>;
  };
  audit_log: {
    id: Generated<number>;
    at: Generated<Date>;
    actor_user_id: string | null;
    actor_role: string | null;
    actor_token_id: string | null;
    actor_label: string;
    action: string;
    entity_type: string;
    entity_id: string;
    before: ColumnType<unknown, string | null, never> | null;
    after: ColumnType<unknown, string | null, never> | null;
    reason: string | null;
    request_id: string | null;
  };
  agencies: {
    code: string;
    province: string;
    kind: string;
    name_vi: string;
    name_en: string;
    name_zh: string | null;
    aliases: Generated<string[]>;
    active: Generated<boolean>;
  };
}
