-- Plans capability: provincial plans as tracked bodies of work. A plan has tasks ("6 rõ": lead
-- and coordinating agencies, responsible person, period, expected product, authority), recurring
-- tasks have occurrences, progress is reported in updates with evidence, and every status change
-- is kept in an append-only event log beside the current-status columns.

create table plan_agency_parents (
  code text not null,
  parent_code text not null,
  constraint plan_agency_parents_pk primary key (code),
  constraint plan_agency_parents_code_fk foreign key (code) references agencies (code),
  constraint plan_agency_parents_parent_fk foreign key (parent_code) references agencies (code),
  constraint plan_agency_parents_not_self check (code <> parent_code)
);
comment on table plan_agency_parents is 'Sub-units (Phòng, Văn phòng, Ban quản lý…) and the department they belong to, from reference/agencies; a department acts for its sub-units in plans.';

create table plans (
  id text not null,
  number text,
  issued_on date,
  issuer_agency text not null,
  province text not null,
  title_vi text not null,
  title_en text,
  legal_bases jsonb not null default '[]',
  goals jsonb not null default '[]',
  report_schedule jsonb not null default '[]',
  start_year integer not null,
  end_year integer not null,
  time_zone text not null default 'Asia/Ho_Chi_Minh',
  source text not null,
  dataset_version text,
  version integer not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint plans_pk primary key (id),
  constraint plans_id_format check (id ~ '^[a-z0-9-]{3,64}$'),
  constraint plans_issuer_fk foreign key (issuer_agency) references agencies (code),
  constraint plans_created_by_fk foreign key (created_by) references users (id),
  constraint plans_years_order check (start_year <= end_year and start_year between 2000 and 2100 and end_year between 2000 and 2100)
);
comment on table plans is 'Provincial plans (kế hoạch). The issuer agency owns the plan: its staff manage it.';
comment on column plans.source is 'Seed file name, "import" or "ui".';
comment on column plans.start_year is 'First year any task of the plan covers (recurring tasks repeat from here to end_year).';

create table plan_tasks (
  id uuid not null default gen_random_uuid(),
  plan_id text not null,
  ref text not null,
  position integer not null,
  task_group text not null,
  title_vi text not null,
  content_vi text not null,
  lead_agency text not null,
  co_lead_agencies text[] not null default '{}',
  coordinating_agencies text[] not null default '{}',
  lead_text_vi text,
  lead_inferred boolean not null default false,
  coordinating_text_vi text,
  responsible_person text,
  period_kind text not null,
  period_text_vi text not null,
  period_date date,
  period_year integer,
  period_from date,
  period_to date,
  period_inferred boolean not null default false,
  deadline date,
  recurring boolean not null default false,
  expected_product_vi text,
  authority_vi text,
  gate_ids text[] not null default '{}',
  details jsonb not null default '{}',
  status text not null default 'not_started',
  progress_percent integer not null default 0,
  last_update_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint plan_tasks_pk primary key (id),
  constraint plan_tasks_plan_fk foreign key (plan_id) references plans (id),
  constraint plan_tasks_ref_unique unique (plan_id, ref),
  constraint plan_tasks_lead_fk foreign key (lead_agency) references agencies (code),
  constraint plan_tasks_group_valid check (task_group in ('specific', 'recurring', 'member_duty', 'activity')),
  constraint plan_tasks_status_valid check (status in ('not_started', 'in_progress', 'done', 'overdue', 'cancelled')),
  constraint plan_tasks_progress_range check (progress_percent between 0 and 100),
  constraint plan_tasks_period_valid check (
    (period_kind = 'date' and period_date is not null)
    or (period_kind = 'year' and period_year between 2000 and 2100)
    or (period_kind = 'range' and period_from is not null and period_to is not null and period_from <= period_to)
    or period_kind in ('recurring', 'yearly')),
  -- A recurring task has no single deadline: each occurrence carries its own.
  constraint plan_tasks_deadline_shape check (recurring = (deadline is null))
);
create index plan_tasks_lead_idx on plan_tasks (lead_agency);
create index plan_tasks_co_lead_idx on plan_tasks using gin (co_lead_agencies);
create index plan_tasks_coordinating_idx on plan_tasks using gin (coordinating_agencies);
create index plan_tasks_gates_idx on plan_tasks using gin (gate_ids);
create index plan_tasks_open_deadline_idx on plan_tasks (deadline) where status in ('not_started', 'in_progress');
comment on table plan_tasks is 'Tasks of a plan with the "6 rõ". Array columns hold agency codes and gate ids, checked on write.';
comment on column plan_tasks.deadline is 'Derived from the period: the date, 31 Dec of the year, or the end of the range; null when recurring.';

create table plan_task_occurrences (
  id uuid not null default gen_random_uuid(),
  task_id uuid not null,
  label text not null,
  period_from date not null,
  period_to date not null,
  due_date date not null,
  status text not null default 'not_started',
  progress_percent integer not null default 0,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  constraint plan_task_occurrences_pk primary key (id),
  constraint plan_task_occurrences_task_fk foreign key (task_id) references plan_tasks (id),
  constraint plan_task_occurrences_label_unique unique (task_id, label),
  constraint plan_task_occurrences_status_valid check (status in ('not_started', 'in_progress', 'done', 'overdue', 'cancelled')),
  constraint plan_task_occurrences_progress_range check (progress_percent between 0 and 100),
  constraint plan_task_occurrences_period_order check (period_from <= period_to)
);
create index plan_task_occurrences_open_due_idx on plan_task_occurrences (due_date) where status in ('not_started', 'in_progress');
comment on table plan_task_occurrences is 'The periodic occurrences of a recurring task (e.g. each half-year or year), each with its due date and status.';

create table plan_events (
  id bigint generated always as identity,
  at timestamptz not null default now(),
  plan_id text not null,
  entity_type text not null,
  entity_id text not null,
  action text not null,
  from_status text,
  to_status text,
  actor_user_id uuid,
  actor_label text not null,
  reason text,
  detail jsonb,
  constraint plan_events_pk primary key (id),
  constraint plan_events_plan_fk foreign key (plan_id) references plans (id),
  constraint plan_events_entity_valid check (entity_type in ('plan', 'task', 'occurrence', 'delegation'))
);
create index plan_events_entity_idx on plan_events (entity_type, entity_id, id);
comment on table plan_events is 'Append-only status history of tasks, occurrences and delegations (the current status is on the row itself).';

create function plan_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'plan_events is append-only' using errcode = 'insufficient_privilege';
end;
$$;
create trigger plan_events_no_update before update or delete on plan_events
  for each row execute function plan_events_append_only();

create table plan_files (
  id uuid not null default gen_random_uuid(),
  plan_id text not null,
  uploaded_by uuid,
  uploaded_by_label text not null,
  agency_code text,
  file_name text not null,
  content_type text not null,
  size_bytes integer not null,
  sha256 text not null,
  content bytea not null,
  created_at timestamptz not null default now(),
  constraint plan_files_pk primary key (id),
  constraint plan_files_plan_fk foreign key (plan_id) references plans (id),
  constraint plan_files_uploader_fk foreign key (uploaded_by) references users (id),
  constraint plan_files_agency_fk foreign key (agency_code) references agencies (code),
  constraint plan_files_sha256_format check (sha256 ~ '^[0-9a-f]{64}$'),
  constraint plan_files_size_positive check (size_bytes > 0 and size_bytes = octet_length(content)),
  -- The same person uploading the same bytes again (a retry) gets the same file back.
  constraint plan_files_same_upload_unique unique (plan_id, uploaded_by, sha256)
);
comment on table plan_files is 'Evidence files (reports, minutes, photos) with their SHA-256, attached to task updates or delegation reports.';

create table plan_task_updates (
  id uuid not null default gen_random_uuid(),
  task_id uuid not null,
  occurrence_id uuid,
  agency_code text,
  author_user_id uuid,
  author_label text not null,
  text_vi text not null,
  progress_percent integer,
  action text,
  status_after text not null,
  created_at timestamptz not null default now(),
  constraint plan_task_updates_pk primary key (id),
  constraint plan_task_updates_task_fk foreign key (task_id) references plan_tasks (id),
  constraint plan_task_updates_occurrence_fk foreign key (occurrence_id) references plan_task_occurrences (id),
  constraint plan_task_updates_agency_fk foreign key (agency_code) references agencies (code),
  constraint plan_task_updates_author_fk foreign key (author_user_id) references users (id),
  constraint plan_task_updates_progress_range check (progress_percent is null or progress_percent between 0 and 100)
);
create index plan_task_updates_task_idx on plan_task_updates (task_id, created_at);
comment on table plan_task_updates is 'Progress reports of the agencies on a task (or one occurrence of it), in order.';

create table plan_update_evidence (
  update_id uuid not null,
  position integer not null,
  kind text not null,
  file_id uuid,
  audit_id bigint,
  gate_id text,
  gate_version integer,
  url text,
  label text not null,
  constraint plan_update_evidence_pk primary key (update_id, position),
  constraint plan_update_evidence_update_fk foreign key (update_id) references plan_task_updates (id),
  constraint plan_update_evidence_file_fk foreign key (file_id) references plan_files (id),
  constraint plan_update_evidence_audit_fk foreign key (audit_id) references audit_log (id),
  constraint plan_update_evidence_gate_version_fk foreign key (gate_id, gate_version) references gate_versions (gate_id, version),
  constraint plan_update_evidence_shape check (
    (kind = 'file' and file_id is not null)
    or (kind = 'audit' and audit_id is not null)
    or (kind = 'gate_version' and gate_id is not null and gate_version is not null)
    or (kind = 'url' and url ~ '^https?://'))
);
comment on table plan_update_evidence is 'What proves an update: an uploaded file, an audit-log entry, a gate version, or a web address.';
