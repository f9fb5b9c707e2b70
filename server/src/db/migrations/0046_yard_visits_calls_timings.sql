-- The queue and the measured times. yard_visits is the current state of a truck in a yard (one
-- per trip: a trip checks in once); the append-only logs are trip_events, audit_log and
-- domain_events. yard_calls keeps every call-forward with its outcome (capacity used per hour,
-- measured throughput); trip_timings keeps each trip's timestamps, from which waits and crossing
-- times are computed; yard_driver_notices is what the driver's page shows.

create table yard_visits (
  trip_id uuid not null,
  gate_id text not null,
  yard_id text not null,
  direction text not null,
  lane text not null,
  lane_priority integer not null,
  status text not null default 'queued',
  source text not null,
  plate text not null,
  arrived_at timestamptz not null,
  queue_key timestamptz not null,
  window_start timestamptz,
  window_end timestamptz,
  late boolean not null default false,
  drop_backs integer not null default 0,
  held boolean not null default false,
  called_at timestamptz,
  call_deadline timestamptz,
  over_capacity boolean not null default false,
  left_at timestamptz,
  ended_at timestamptz,
  end_reason text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint yard_visits_pk primary key (trip_id),
  constraint yard_visits_trip_fk foreign key (trip_id) references trips (id),
  constraint yard_visits_gate_fk foreign key (gate_id) references gates (id),
  constraint yard_visits_yard_fk foreign key (yard_id) references yards (id),
  constraint yard_visits_direction_valid check (direction in ('export', 'import')),
  constraint yard_visits_status_valid check (status in ('queued', 'called', 'left', 'ended')),
  constraint yard_visits_source_valid check (source in ('camera', 'qr', 'manual', 'offline')),
  constraint yard_visits_drop_backs_non_negative check (drop_backs >= 0),
  constraint yard_visits_called_has_deadline check (status <> 'called' or (called_at is not null and call_deadline is not null))
);
create index yard_visits_queue_idx on yard_visits (gate_id, direction, status) where status in ('queued', 'called');
create index yard_visits_yard_idx on yard_visits (yard_id) where status in ('queued', 'called');
comment on table yard_visits is 'A truck in a yard: queued, called forward, left, or ended (checked out, refused). Primary key trip_id: the same truck cannot be checked in twice.';
comment on column yard_visits.queue_key is 'Arrival order within lane and band: the arrival time, moved behind K trucks by a drop-back.';
comment on column yard_visits.late is 'Arrived after its window end plus the late grace: queued in the late band.';
comment on column yard_visits.held is 'Held after too many drop-backs: not called until an operator releases it.';

create table yard_calls (
  id uuid not null default gen_random_uuid(),
  trip_id uuid not null,
  gate_id text not null,
  direction text not null,
  yard_id text not null,
  lane text not null,
  called_at timestamptz not null,
  deadline_at timestamptz not null,
  slot_date date not null,
  slot_hour integer not null,
  called_by text not null,
  actor_label text not null,
  outcome text not null default 'pending',
  outcome_at timestamptz,
  constraint yard_calls_pk primary key (id),
  constraint yard_calls_trip_fk foreign key (trip_id) references trips (id),
  constraint yard_calls_gate_fk foreign key (gate_id) references gates (id),
  constraint yard_calls_direction_valid check (direction in ('export', 'import')),
  constraint yard_calls_slot_hour_valid check (slot_hour between 0 and 23),
  constraint yard_calls_called_by_valid check (called_by in ('job', 'operator', 'offline')),
  constraint yard_calls_outcome_valid check (outcome in ('pending', 'left', 'dropped_back', 'ended')),
  constraint yard_calls_deadline_after check (deadline_at > called_at)
);
-- Never two open calls for one truck, whatever the number of processes.
create unique index yard_calls_one_pending_idx on yard_calls (trip_id) where outcome = 'pending';
create index yard_calls_slot_idx on yard_calls (gate_id, direction, slot_date, slot_hour);
create index yard_calls_recent_idx on yard_calls (gate_id, direction, called_at);
comment on table yard_calls is 'Every call-forward: the local hour it used (slot_date, slot_hour, for capacity), its deadline and what came of it.';

create table trip_timings (
  trip_id uuid not null,
  gate_id text not null,
  direction text not null,
  yard_id text,
  lane text,
  arrived_at timestamptz,
  first_called_at timestamptz,
  called_at timestamptz,
  left_yard_at timestamptz,
  crossed_at timestamptz,
  completed_at timestamptz,
  drop_backs integer not null default 0,
  updated_at timestamptz not null default now(),
  constraint trip_timings_pk primary key (trip_id),
  constraint trip_timings_trip_fk foreign key (trip_id) references trips (id),
  constraint trip_timings_gate_fk foreign key (gate_id) references gates (id),
  constraint trip_timings_direction_valid check (direction in ('export', 'import'))
);
create index trip_timings_gate_idx on trip_timings (gate_id, direction);
comment on table trip_timings is 'Recorded timestamps of a trip at the gate (real times, offline ones included); waits and crossing times are computed from these only.';

create table yard_driver_notices (
  id bigint generated always as identity,
  trip_id uuid not null,
  code text not null,
  at timestamptz not null,
  params jsonb not null default '{}',
  message jsonb not null,
  constraint yard_driver_notices_pk primary key (id),
  constraint yard_driver_notices_trip_fk foreign key (trip_id) references trips (id),
  constraint yard_driver_notices_message_languages check (message ? 'vi' and message ? 'en' and message ? 'zh')
);
create index yard_driver_notices_trip_idx on yard_driver_notices (trip_id, id);
comment on table yard_driver_notices is 'Append-only: what the driver''s page shows (called forward, dropped back…), in vi/en/zh.';
create trigger yard_driver_notices_no_update before update or delete on yard_driver_notices
  for each row execute function reject_history_rewrite();
create trigger yard_driver_notices_no_truncate before truncate on yard_driver_notices
  for each statement execute function reject_history_rewrite();
