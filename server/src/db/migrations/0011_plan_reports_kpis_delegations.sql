-- Plans capability, continued: each agency's part of the periodic reports, the measurable
-- targets (KPIs) of a plan with their actual values, and the register of delegations.

create table plan_report_submissions (
  plan_id text not null,
  kind text not null,
  year integer not null,
  agency_code text not null,
  summary_vi text not null,
  submitted_by uuid,
  submitted_by_label text not null,
  submitted_at timestamptz not null default now(),
  version integer not null default 1,
  constraint plan_report_submissions_pk primary key (plan_id, kind, year, agency_code),
  constraint plan_report_submissions_plan_fk foreign key (plan_id) references plans (id),
  constraint plan_report_submissions_agency_fk foreign key (agency_code) references agencies (code),
  constraint plan_report_submissions_user_fk foreign key (submitted_by) references users (id),
  constraint plan_report_submissions_kind_valid check (kind in ('six_month', 'annual')),
  constraint plan_report_submissions_year_range check (year between 2000 and 2100)
);
comment on table plan_report_submissions is 'An agency''s part of a plan''s 6-month (due 31 May) or annual (due 30 Nov) report; resubmitting bumps version.';

create table plan_kpis (
  id uuid not null default gen_random_uuid(),
  plan_id text not null,
  code text not null,
  position integer not null,
  text_vi text not null,
  unit text not null,
  target_min double precision,
  target_max double precision,
  target_year integer,
  platform_metric text,
  baseline double precision,
  baseline_year integer,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  constraint plan_kpis_pk primary key (id),
  constraint plan_kpis_plan_fk foreign key (plan_id) references plans (id),
  constraint plan_kpis_code_unique unique (plan_id, code),
  constraint plan_kpis_unit_valid check (unit in ('percent', 'percent_per_year', 'count', 'count_per_year')),
  constraint plan_kpis_metric_valid check (platform_metric is null or platform_metric in ('active_enterprises', 'electronic_procedure_share')),
  constraint plan_kpis_target_order check (target_min is null or target_max is null or target_min <= target_max)
);
comment on table plan_kpis is 'Measurable targets of a plan. With platform_metric set, the actual value is computed from platform data.';

create table plan_kpi_values (
  kpi_id uuid not null,
  year integer not null,
  value double precision not null,
  note text,
  recorded_by uuid,
  recorded_by_label text not null,
  recorded_at timestamptz not null default now(),
  constraint plan_kpi_values_pk primary key (kpi_id, year),
  constraint plan_kpi_values_kpi_fk foreign key (kpi_id) references plan_kpis (id),
  constraint plan_kpi_values_recorder_fk foreign key (recorded_by) references users (id),
  constraint plan_kpi_values_year_range check (year between 2000 and 2100)
);
comment on table plan_kpi_values is 'Actual values typed in by the plan owner, one per year (a correction replaces it; the audit log keeps the old one).';

create table plan_delegations (
  id uuid not null default gen_random_uuid(),
  plan_id text not null,
  direction text not null,
  purpose_vi text not null,
  counterpart_vi text not null,
  country_vi text,
  leader_vi text,
  members jsonb not null default '[]',
  start_date date,
  end_date date,
  gate_id text,
  host_agency text,
  in_original_plan boolean not null default true,
  status text not null default 'proposed',
  approval_ref text,
  report_vi text,
  report_file_ids uuid[] not null default '{}',
  reported_at timestamptz,
  version integer not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint plan_delegations_pk primary key (id),
  constraint plan_delegations_plan_fk foreign key (plan_id) references plans (id),
  constraint plan_delegations_gate_fk foreign key (gate_id) references gates (id),
  constraint plan_delegations_host_fk foreign key (host_agency) references agencies (code),
  constraint plan_delegations_creator_fk foreign key (created_by) references users (id),
  constraint plan_delegations_direction_valid check (direction in ('outgoing', 'incoming')),
  constraint plan_delegations_status_valid check (status in ('proposed', 'approved', 'rejected', 'completed', 'cancelled')),
  constraint plan_delegations_dates_order check (start_date is null or end_date is null or start_date <= end_date),
  constraint plan_delegations_completed_has_report check (status <> 'completed' or report_vi is not null),
  constraint plan_delegations_approved_has_ref check (status not in ('approved', 'completed') or approval_ref is not null)
);
create index plan_delegations_plan_idx on plan_delegations (plan_id, start_date);
comment on table plan_delegations is 'Outgoing (đoàn ra) and incoming (đoàn vào) delegations, their approval and the report that follows them.';
