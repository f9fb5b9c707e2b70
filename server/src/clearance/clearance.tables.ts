import type { ColumnType, Generated } from 'kysely';

// Kysely row types of the tables the clearance capability owns (migration 0050, composed into db/database.ts).

type Json<T> = ColumnType<T, string, string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export interface ClearanceTables {
  clearance_rule_sets: {
    version: number;
    effective_from: Date;
    rules: Json<unknown>;
    checksum: string;
    created_by: string | null;
    created_by_label: string;
    reason: string;
    created_at: CreatedAt;
  };
  clearance_trips: {
    trip_id: string;
    enterprise_id: string;
    control_rules_version: string;
    derived_at: Date;
    cleared_at: Date | null;
    refused_at: Date | null;
  };
  clearance_selections: {
    id: Generated<string>;
    seq: Generated<number>;
    trip_id: string;
    rule_set_version: number;
    channel: string;
    stage: string;
    fired_rule_id: string | null;
    gate_id: string;
    day: string;
    record: Json<unknown>;
    selected_at: Date;
  };
  clearance_controls: {
    id: Generated<string>;
    trip_id: string;
    agency: string;
    kind: string;
    status: Generated<string>;
    channel: string | null;
    selection_id: string | null;
    basis: Json<unknown>;
    flags: Json<unknown>;
    ready_at: Date;
    waiting_since: Date | null;
    answered: Generated<boolean>;
    decision: string | null;
    decided_by: string | null;
    decided_by_label: string | null;
    decided_at: Date | null;
    decision_note: string | null;
    legal_basis_id: string | null;
    version: Generated<number>;
    created_at: CreatedAt;
    updated_at: CreatedAt;
  };
  clearance_control_events: {
    id: Generated<number>;
    control_id: string;
    trip_id: string;
    at: Date;
    action: string;
    from_status: string | null;
    to_status: string;
    actor_user_id: string | null;
    actor_label: string;
    reason: string | null;
    details: Json<unknown>;
  };
  clearance_document_requests: {
    id: Generated<string>;
    control_id: string;
    trip_id: string;
    items: Json<unknown>;
    message: string;
    requested_by: string | null;
    requested_by_label: string;
    requested_at: Date;
    answered_at: Date | null;
    answered_by: string | null;
    answered_by_label: string | null;
    answer: ColumnType<unknown, string | null, string | null> | null;
  };
  clearance_inspection_bays: {
    id: string;
    gate_id: string;
    name_vi: string;
    name_en: string;
    name_zh: string;
    place_vi: string;
    place_en: string;
    place_zh: string;
    agencies: string[];
    opens: string;
    closes: string;
    slot_minutes: number;
    trucks_per_slot: number;
    active: Generated<boolean>;
  };
  clearance_inspections: {
    id: Generated<string>;
    control_id: string;
    trip_id: string;
    agency: string;
    bay_id: string;
    slot_start: Date;
    slot_end: Date;
    status: Generated<string>;
    result_at: Date | null;
    result_by: string | null;
    result_by_label: string | null;
    result_note: string | null;
    created_at: Date;
  };
  clearance_channel_counters: {
    gate_id: string;
    day: string;
    green: Generated<number>;
    yellow: Generated<number>;
    red: Generated<number>;
  };
  clearance_enterprise_counters: {
    enterprise_id: string;
    trips: Generated<number>;
    cleared: Generated<number>;
    refusals: Generated<number>;
    discrepancies: Generated<number>;
    document_requests: Generated<number>;
    updated_at: Date;
  };
  clearance_code_lists: {
    version: number;
    label: string;
    mode: string;
    reason: string;
    imported_by: string | null;
    imported_by_label: string;
    imported_at: Date;
    puc_count: number;
    phc_count: number;
  };
  clearance_approved_codes: {
    list_version: number;
    kind: string;
    code: string;
    fruit: string;
    holder: string | null;
    province: string | null;
  };
}
