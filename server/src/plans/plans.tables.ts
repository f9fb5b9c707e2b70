import type { ColumnType, Generated } from 'kysely';

// Kysely row types of the tables this capability owns (composed into db/database.ts).

type JsonValue<T> = ColumnType<T, string, string>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface PlansTables {
  plan_agency_parents: { code: string; parent_code: string };
  plans: {
    id: string;
    number: string | null;
    issued_on: string | null;
    issuer_agency: string;
    province: string;
    title_vi: string;
    title_en: string | null;
    legal_bases: JsonValue<string[]>;
    goals: JsonValue<string[]>;
    report_schedule: JsonValue<unknown[]>;
    start_year: number;
    end_year: number;
    time_zone: Generated<string>;
    source: string;
    dataset_version: string | null;
    version: Generated<number>;
    created_by: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  plan_tasks: {
    id: Generated<string>;
    plan_id: string;
    ref: string;
    position: number;
    task_group: string;
    title_vi: string;
    content_vi: string;
    lead_agency: string;
    co_lead_agencies: string[];
    coordinating_agencies: string[];
    lead_text_vi: string | null;
    lead_inferred: boolean;
    coordinating_text_vi: string | null;
    responsible_person: string | null;
    period_kind: string;
    period_text_vi: string;
    period_date: string | null;
    period_year: number | null;
    period_from: string | null;
    period_to: string | null;
    period_inferred: boolean;
    deadline: string | null;
    recurring: boolean;
    expected_product_vi: string | null;
    authority_vi: string | null;
    gate_ids: string[];
    details: JsonValue<TaskDetails>;
    status: Generated<string>;
    progress_percent: Generated<number>;
    last_update_at: Date | null;
    version: Generated<number>;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  plan_task_occurrences: {
    id: Generated<string>;
    task_id: string;
    label: string;
    period_from: string;
    period_to: string;
    due_date: string;
    status: Generated<string>;
    progress_percent: Generated<number>;
    version: Generated<number>;
    updated_at: Timestamp;
  };
  plan_events: {
    id: Generated<number>;
    at: Timestamp;
    plan_id: string;
    entity_type: 'plan' | 'task' | 'occurrence' | 'delegation';
    entity_id: string;
    action: string;
    from_status: string | null;
    to_status: string | null;
    actor_user_id: string | null;
    actor_label: string;
    reason: string | null;
    detail: ColumnType<unknown, string | null, never> | null;
  };
  plan_files: {
    id: Generated<string>;
    plan_id: string;
    uploaded_by: string | null;
    uploaded_by_label: string;
    agency_code: string | null;
    file_name: string;
    content_type: string;
    size_bytes: number;
    sha256: string;
    content: Buffer;
    created_at: Timestamp;
  };
  plan_task_updates: {
    id: Generated<string>;
    task_id: string;
    occurrence_id: string | null;
    agency_code: string | null;
    author_user_id: string | null;
    author_label: string;
    text_vi: string;
    progress_percent: number | null;
    action: string | null;
    status_after: string;
    created_at: Timestamp;
  };
  plan_update_evidence: {
    update_id: string;
    position: number;
    kind: 'file' | 'audit' | 'gate_version' | 'url';
    file_id: string | null;
    audit_id: number | null;
    gate_id: string | null;
    gate_version: number | null;
    url: string | null;
    label: string;
  };
  plan_report_submissions: {
    plan_id: string;
    kind: string;
    year: number;
    agency_code: string;
    summary_vi: string;
    submitted_by: string | null;
    submitted_by_label: string;
    submitted_at: Timestamp;
    version: Generated<number>;
  };
  plan_kpis: {
    id: Generated<string>;
    plan_id: string;
    code: string;
    position: number;
    text_vi: string;
    unit: string;
    target_min: number | null;
    target_max: number | null;
    target_year: number | null;
    platform_metric: string | null;
    baseline: number | null;
    baseline_year: number | null;
    version: Generated<number>;
    updated_at: Timestamp;
  };
  plan_kpi_values: {
    kpi_id: string;
    year: number;
    value: number;
    note: string | null;
    recorded_by: string | null;
    recorded_by_label: string;
    recorded_at: Timestamp;
  };
  plan_delegations: {
    id: Generated<string>;
    plan_id: string;
    direction: string;
    purpose_vi: string;
    counterpart_vi: string;
    country_vi: string | null;
    leader_vi: string | null;
    members: JsonValue<Array<{ nameVi: string; positionVi?: string | null; agencyCode?: string | null }>>;
    start_date: string | null;
    end_date: string | null;
    gate_id: string | null;
    host_agency: string | null;
    in_original_plan: boolean;
    status: Generated<string>;
    approval_ref: string | null;
    report_vi: string | null;
    report_file_ids: string[];
    reported_at: Date | null;
    version: Generated<number>;
    created_by: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
}

/** Fields of a task kept as printed in the document but not queried on. */
export interface TaskDetails {
  memberBodyVi?: string;
  parentRef?: string;
  parentTitleVi?: string;
  notesVi?: string[];
  completionTextVi?: string;
}
