-- Operations (issue 8): congestion levels per gate with their history, congestion warnings,
-- enterprise webhooks with a delivery log, and the indexes the live board reads the domain
-- events with.

-- The board counts arrivals, clearances and crossings per gate and hour, and measures waits,
-- from the domain events of one gate, type and period.
create index domain_events_gate_type_time_idx on domain_events (gate_id, type, occurred_at);
create index domain_events_trip_type_idx on domain_events (trip_id, type, occurred_at) where trip_id is not null;

create table gate_congestion (
  gate_id text not null,
  level text not null,
  since timestamptz not null,
  computed_at timestamptz not null,
  figures jsonb not null,
  thresholds_version text not null,
  constraint gate_congestion_pk primary key (gate_id),
  constraint gate_congestion_gate_fk foreign key (gate_id) references gates (id),
  constraint gate_congestion_level_valid check (level in ('green', 'yellow', 'orange', 'red'))
);
comment on table gate_congestion is
  'Current congestion level of each gate, as last computed by the operations.levels job (one row per gate; the row lock serialises the job across server processes).';
comment on column gate_congestion.since is 'When the gate entered this level.';
comment on column gate_congestion.figures is 'Queue, capacity, throughput and expected wait the level was computed from.';

create table gate_congestion_history (
  id bigint generated always as identity,
  gate_id text not null,
  level text not null,
  previous_level text,
  since timestamptz not null,
  figures jsonb not null,
  thresholds_version text not null,
  constraint gate_congestion_history_pk primary key (id),
  constraint gate_congestion_history_gate_fk foreign key (gate_id) references gates (id),
  constraint gate_congestion_history_level_valid check (level in ('green', 'yellow', 'orange', 'red'))
);
create index gate_congestion_history_gate_idx on gate_congestion_history (gate_id, since);
comment on table gate_congestion_history is 'Append-only: every change of a gate''s congestion level, with the figures behind it.';
create trigger gate_congestion_history_no_update before update or delete on gate_congestion_history
  for each row execute function reject_history_rewrite();
create trigger gate_congestion_history_no_truncate before truncate on gate_congestion_history
  for each statement execute function reject_history_rewrite();

create table congestion_warnings (
  id uuid not null default gen_random_uuid(),
  gate_id text not null,
  raised_at timestamptz not null,
  raised_level text not null,
  max_level text not null,
  reason text not null,
  figures jsonb not null,
  recipients integer not null default 0,
  notified_enterprises uuid[] not null default '{}',
  cleared_at timestamptz,
  cleared_figures jsonb,
  constraint congestion_warnings_pk primary key (id),
  constraint congestion_warnings_gate_fk foreign key (gate_id) references gates (id),
  constraint congestion_warnings_reason_valid check (reason in ('level', 'wait')),
  constraint congestion_warnings_levels_valid check (
    raised_level in ('green', 'yellow', 'orange', 'red') and max_level in ('green', 'yellow', 'orange', 'red')),
  constraint congestion_warnings_cleared_consistent check ((cleared_at is null) = (cleared_figures is null))
);
-- At most one open warning per gate: a job run in another process can never warn twice.
create unique index congestion_warnings_one_open on congestion_warnings (gate_id) where cleared_at is null;
comment on column congestion_warnings.notified_enterprises is 'Every enterprise told about this episode: each is also told when it ends.';
comment on table congestion_warnings is
  'A congestion episode at a gate: raised when the level or the expected wait passes the warning threshold, cleared when both fall back (thresholds in reference/operations/congestion-levels.json).';

create table webhook_endpoints (
  id uuid not null default gen_random_uuid(),
  enterprise_id uuid not null,
  url text not null,
  description text,
  event_types text[] not null,
  secret text not null,
  active boolean not null default true,
  from_event_id bigint not null,
  created_by uuid,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  version integer not null default 1,
  constraint webhook_endpoints_pk primary key (id),
  constraint webhook_endpoints_enterprise_fk foreign key (enterprise_id) references enterprises (id),
  constraint webhook_endpoints_created_by_fk foreign key (created_by) references users (id),
  constraint webhook_endpoints_url_scheme check (url ~ '^https?://'),
  constraint webhook_endpoints_event_types_present check (cardinality(event_types) > 0)
);
create unique index webhook_endpoints_active_url on webhook_endpoints (enterprise_id, url) where active;
comment on table webhook_endpoints is
  'An enterprise''s own systems that receive signed event notifications (HMAC-SHA256 with the secret shown once at creation).';
comment on column webhook_endpoints.from_event_id is 'Domain events after this id are delivered (an endpoint never receives what happened before it existed).';

create table webhook_deliveries (
  id uuid not null default gen_random_uuid(),
  endpoint_id uuid not null,
  enterprise_id uuid not null,
  event_id text not null,
  event_type text not null,
  payload jsonb not null,
  status text not null default 'pending',
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  lease_until timestamptz,
  last_status_code integer,
  last_error text,
  created_at timestamptz not null,
  delivered_at timestamptz,
  constraint webhook_deliveries_pk primary key (id),
  constraint webhook_deliveries_endpoint_fk foreign key (endpoint_id) references webhook_endpoints (id),
  constraint webhook_deliveries_enterprise_fk foreign key (enterprise_id) references enterprises (id),
  constraint webhook_deliveries_status_valid check (status in ('pending', 'sending', 'delivered', 'failed')),
  -- The same event reaches an endpoint once, whichever process or job run found it.
  constraint webhook_deliveries_once unique (event_id, endpoint_id)
);
create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at) where status in ('pending', 'sending');
create index webhook_deliveries_endpoint_idx on webhook_deliveries (endpoint_id, created_at desc);
comment on table webhook_deliveries is
  'One event for one endpoint, sent by the operations.webhooks job (never inside the request that caused it), retried with exponential backoff and jitter, then failed.';

create table webhook_delivery_attempts (
  id bigint generated always as identity,
  delivery_id uuid not null,
  started_at timestamptz not null,
  duration_ms integer not null,
  status_code integer,
  error text,
  outcome text not null,
  constraint webhook_delivery_attempts_pk primary key (id),
  constraint webhook_delivery_attempts_delivery_fk foreign key (delivery_id) references webhook_deliveries (id),
  constraint webhook_delivery_attempts_outcome_valid check (outcome in ('delivered', 'retry', 'failed'))
);
create index webhook_delivery_attempts_delivery_idx on webhook_delivery_attempts (delivery_id, id);
comment on table webhook_delivery_attempts is 'Append-only: every HTTP attempt of a delivery, with the answer or the error.';
create trigger webhook_delivery_attempts_no_update before update or delete on webhook_delivery_attempts
  for each row execute function reject_history_rewrite();
create trigger webhook_delivery_attempts_no_truncate before truncate on webhook_delivery_attempts
  for each statement execute function reject_history_rewrite();

create table operations_cursors (
  name text not null,
  last_event_id bigint not null,
  updated_at timestamptz not null,
  constraint operations_cursors_pk primary key (name)
);
comment on table operations_cursors is
  'How far a job of the operations capability has read the domain events (locked FOR UPDATE SKIP LOCKED, so one process reads at a time).';
