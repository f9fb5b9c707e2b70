-- One-stop clearance (issue 7). Each trip gets the controls its cargo, people and direction need
-- (one row per agency and kind, current status beside an append-only control log); customs gets a
-- risk channel chosen by a versioned rule set, and each selection is kept with everything that
-- decided it. Counters are updated incrementally so that selection never scans history.

create table clearance_rule_sets (
  version integer not null,
  effective_from timestamptz not null,
  rules jsonb not null,
  checksum text not null,
  created_by uuid,
  created_by_label text not null,
  reason text not null,
  created_at timestamptz not null default now(),
  constraint clearance_rule_sets_pk primary key (version),
  constraint clearance_rule_sets_version_positive check (version > 0),
  constraint clearance_rule_sets_created_by_fk foreign key (created_by) references users (id)
);
create index clearance_rule_sets_effective_idx on clearance_rule_sets (effective_from desc, version desc);
comment on table clearance_rule_sets is
  'Customs risk rule sets (criteria, random rates, quotas). Append-only: a new version never changes a past selection, which names the version it used.';
create trigger clearance_rule_sets_no_update before update or delete on clearance_rule_sets
  for each row execute function reject_history_rewrite();
create trigger clearance_rule_sets_no_truncate before truncate on clearance_rule_sets
  for each statement execute function reject_history_rewrite();

-- Per-trip clearance bookkeeping: which control rules were applied, and the first time the trip
-- was cleared or refused (so the enterprise counters count each trip once).
create table clearance_trips (
  trip_id uuid not null,
  enterprise_id uuid not null,
  control_rules_version text not null,
  derived_at timestamptz not null,
  cleared_at timestamptz,
  refused_at timestamptz,
  constraint clearance_trips_pk primary key (trip_id),
  constraint clearance_trips_trip_fk foreign key (trip_id) references trips (id),
  constraint clearance_trips_enterprise_fk foreign key (enterprise_id) references enterprises (id)
);
create index clearance_trips_enterprise_idx on clearance_trips (enterprise_id);

create table clearance_selections (
  id uuid not null default gen_random_uuid(),
  seq bigint generated always as identity,
  trip_id uuid not null,
  rule_set_version integer not null,
  channel text not null,
  stage text not null,
  fired_rule_id text,
  gate_id text not null,
  day date not null,
  record jsonb not null,
  selected_at timestamptz not null,
  constraint clearance_selections_pk primary key (id),
  constraint clearance_selections_trip_fk foreign key (trip_id) references trips (id),
  constraint clearance_selections_rule_set_fk foreign key (rule_set_version) references clearance_rule_sets (version),
  constraint clearance_selections_gate_fk foreign key (gate_id) references gates (id),
  constraint clearance_selections_channel_valid check (channel in ('green', 'yellow', 'red')),
  constraint clearance_selections_stage_valid check (stage in ('criteria', 'random', 'quota', 'default'))
);
create index clearance_selections_trip_idx on clearance_selections (trip_id, seq desc);
comment on table clearance_selections is
  'Every customs channel selection with the rule set version, the rule that fired, its inputs, the random draw and the quota state. Append-only.';
comment on column clearance_selections.fired_rule_id is 'The rule (or random:/quota: stage) that settled the channel; null for the default channel.';
create trigger clearance_selections_no_update before update or delete on clearance_selections
  for each row execute function reject_history_rewrite();
create trigger clearance_selections_no_truncate before truncate on clearance_selections
  for each statement execute function reject_history_rewrite();

create table clearance_controls (
  id uuid not null default gen_random_uuid(),
  trip_id uuid not null,
  agency text not null,
  kind text not null,
  status text not null default 'pending',
  channel text,
  selection_id uuid,
  basis jsonb not null default '[]',
  flags jsonb not null default '[]',
  ready_at timestamptz not null,
  waiting_since timestamptz,
  answered boolean not null default false,
  decision text,
  decided_by uuid,
  decided_by_label text,
  decided_at timestamptz,
  decision_note text,
  legal_basis_id text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint clearance_controls_pk primary key (id),
  constraint clearance_controls_trip_fk foreign key (trip_id) references trips (id),
  constraint clearance_controls_selection_fk foreign key (selection_id) references clearance_selections (id),
  constraint clearance_controls_decided_by_fk foreign key (decided_by) references users (id),
  constraint clearance_controls_one_per_kind unique (trip_id, kind, agency),
  constraint clearance_controls_agency_valid check (agency in ('customs', 'border_guard', 'plant_quarantine', 'animal_quarantine', 'health_quarantine')),
  constraint clearance_controls_kind_valid check (kind in ('border_control', 'customs', 'plant_quarantine', 'animal_quarantine', 'health_quarantine', 'food_safety', 'licence')),
  constraint clearance_controls_status_valid check (status in ('pending', 'documents_requested', 'inspection', 'passed', 'refused', 'waived', 'closed')),
  constraint clearance_controls_channel_valid check (channel is null or (kind = 'customs' and channel in ('green', 'yellow', 'red'))),
  constraint clearance_controls_decision_valid check (decision is null or decision in ('pass', 'request_documents', 'inspect', 'refuse', 'auto_pass', 'auto_waive')),
  constraint clearance_controls_decided_together check ((decision is null) = (decided_at is null))
);
create index clearance_controls_trip_idx on clearance_controls (trip_id);
create index clearance_controls_worklist_idx on clearance_controls (agency, status, waiting_since)
  where status in ('pending', 'documents_requested', 'inspection');
comment on table clearance_controls is
  'One control per trip, agency and kind: current status (the log is clearance_control_events). Only the owning agency decides it.';
comment on column clearance_controls.ready_at is 'When the control could first be worked on (the submission: decided before arrival).';
comment on column clearance_controls.waiting_since is 'Since when it waits for the agency (reset when the enterprise answers); null while it waits for the enterprise or is final.';
comment on column clearance_controls.decision is 'Last decision; with decided_by/decided_at/legal_basis_id it says who decided what and why.';

create table clearance_control_events (
  id bigint generated always as identity,
  control_id uuid not null,
  trip_id uuid not null,
  at timestamptz not null,
  action text not null,
  from_status text,
  to_status text not null,
  actor_user_id uuid,
  actor_label text not null,
  reason text,
  details jsonb not null default '{}',
  constraint clearance_control_events_pk primary key (id),
  constraint clearance_control_events_control_fk foreign key (control_id) references clearance_controls (id),
  constraint clearance_control_events_trip_fk foreign key (trip_id) references trips (id),
  constraint clearance_control_events_actor_fk foreign key (actor_user_id) references users (id)
);
create index clearance_control_events_trip_idx on clearance_control_events (trip_id, id);
comment on table clearance_control_events is 'Append-only log of every control change: who, when, why.';
create trigger clearance_control_events_no_update before update or delete on clearance_control_events
  for each row execute function reject_history_rewrite();
create trigger clearance_control_events_no_truncate before truncate on clearance_control_events
  for each statement execute function reject_history_rewrite();

create table clearance_document_requests (
  id uuid not null default gen_random_uuid(),
  control_id uuid not null,
  trip_id uuid not null,
  items jsonb not null,
  message text not null,
  requested_by uuid,
  requested_by_label text not null,
  requested_at timestamptz not null,
  answered_at timestamptz,
  answered_by uuid,
  answered_by_label text,
  answer jsonb,
  constraint clearance_document_requests_pk primary key (id),
  constraint clearance_document_requests_control_fk foreign key (control_id) references clearance_controls (id),
  constraint clearance_document_requests_trip_fk foreign key (trip_id) references trips (id),
  constraint clearance_document_requests_answer_together check ((answered_at is null) = (answer is null))
);
create index clearance_document_requests_control_idx on clearance_document_requests (control_id, requested_at);
create unique index clearance_document_requests_one_open on clearance_document_requests (control_id) where answered_at is null;
comment on table clearance_document_requests is 'What an agency asked the enterprise for, and the enterprise''s answer in place.';

create table clearance_inspection_bays (
  id text not null,
  gate_id text not null,
  name_vi text not null,
  name_en text not null,
  name_zh text not null,
  place_vi text not null,
  place_en text not null,
  place_zh text not null,
  agencies text[] not null,
  opens time not null,
  closes time not null,
  slot_minutes integer not null,
  trucks_per_slot integer not null,
  active boolean not null default true,
  constraint clearance_inspection_bays_pk primary key (id),
  constraint clearance_inspection_bays_gate_fk foreign key (gate_id) references gates (id),
  constraint clearance_inspection_bays_hours check (opens < closes),
  constraint clearance_inspection_bays_slots check (slot_minutes between 5 and 480 and trucks_per_slot between 1 and 50)
);
create index clearance_inspection_bays_gate_idx on clearance_inspection_bays (gate_id);
comment on table clearance_inspection_bays is 'Inspection bays per gate (reference/clearance/inspection-bays.json); their slots bound the red-channel quota.';

create table clearance_inspections (
  id uuid not null default gen_random_uuid(),
  control_id uuid not null,
  trip_id uuid not null,
  agency text not null,
  bay_id text not null,
  slot_start timestamptz not null,
  slot_end timestamptz not null,
  status text not null default 'scheduled',
  result_at timestamptz,
  result_by uuid,
  result_by_label text,
  result_note text,
  created_at timestamptz not null,
  constraint clearance_inspections_pk primary key (id),
  constraint clearance_inspections_control_fk foreign key (control_id) references clearance_controls (id),
  constraint clearance_inspections_trip_fk foreign key (trip_id) references trips (id),
  constraint clearance_inspections_bay_fk foreign key (bay_id) references clearance_inspection_bays (id),
  constraint clearance_inspections_status_valid check (status in ('scheduled', 'passed', 'refused', 'cancelled')),
  constraint clearance_inspections_slot_order check (slot_start < slot_end)
);
create index clearance_inspections_bay_slot_idx on clearance_inspections (bay_id, slot_start) where status = 'scheduled';
create unique index clearance_inspections_one_scheduled on clearance_inspections (control_id) where status = 'scheduled';
comment on table clearance_inspections is 'Physical inspections: bay and slot assigned by capacity and workload, then the result.';

-- Quotas: selections per gate and day, kept as counters (never counted from history).
create table clearance_channel_counters (
  gate_id text not null,
  day date not null,
  green integer not null default 0,
  yellow integer not null default 0,
  red integer not null default 0,
  constraint clearance_channel_counters_pk primary key (gate_id, day),
  constraint clearance_channel_counters_gate_fk foreign key (gate_id) references gates (id),
  constraint clearance_channel_counters_non_negative check (green >= 0 and yellow >= 0 and red >= 0)
);
comment on table clearance_channel_counters is 'Current selections per gate and crossing day by channel (red bounded by the inspection capacity).';

-- Compliance history per enterprise, updated with each event (selection reads one row).
create table clearance_enterprise_counters (
  enterprise_id uuid not null,
  trips integer not null default 0,
  cleared integer not null default 0,
  refusals integer not null default 0,
  discrepancies integer not null default 0,
  document_requests integer not null default 0,
  updated_at timestamptz not null,
  constraint clearance_enterprise_counters_pk primary key (enterprise_id),
  constraint clearance_enterprise_counters_enterprise_fk foreign key (enterprise_id) references enterprises (id),
  constraint clearance_enterprise_counters_non_negative check (trips >= 0 and cleared >= 0 and refusals >= 0 and discrepancies >= 0 and document_requests >= 0)
);
comment on table clearance_enterprise_counters is
  'trips: trips with controls; cleared/refused: trips first cleared/refused; discrepancies: inspections that refused; document_requests: requests made.';

-- Approved growing-area (PUC) and packing-house (PHC) codes; each import is a new version.
create table clearance_code_lists (
  version integer not null,
  label text not null,
  mode text not null,
  reason text not null,
  imported_by uuid,
  imported_by_label text not null,
  imported_at timestamptz not null,
  puc_count integer not null,
  phc_count integer not null,
  constraint clearance_code_lists_pk primary key (version),
  constraint clearance_code_lists_mode_valid check (mode in ('replace', 'merge')),
  constraint clearance_code_lists_imported_by_fk foreign key (imported_by) references users (id)
);
create table clearance_approved_codes (
  list_version integer not null,
  kind text not null,
  code text not null,
  fruit text not null,
  holder text,
  province text,
  constraint clearance_approved_codes_pk primary key (list_version, kind, code, fruit),
  constraint clearance_approved_codes_list_fk foreign key (list_version) references clearance_code_lists (version),
  constraint clearance_approved_codes_kind_valid check (kind in ('puc', 'phc'))
);
create index clearance_approved_codes_lookup_idx on clearance_approved_codes (kind, code, list_version);
comment on table clearance_approved_codes is 'Codes approved by China for a fruit (normalised: upper case, no spaces). The highest list version is in force.';
create trigger clearance_code_lists_no_update before update or delete on clearance_code_lists
  for each row execute function reject_history_rewrite();
create trigger clearance_approved_codes_no_update before update or delete on clearance_approved_codes
  for each row execute function reject_history_rewrite();
