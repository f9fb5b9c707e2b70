-- The trip lifecycle gains the yard and gate statuses (shared/workflows/trip.ts), the trip gets a
-- current clearance status beside the clearance log, and every capability publishes what happened
-- at a gate as a domain event that live boards, warnings and other server processes read.

alter table trips drop constraint trips_status_valid;
alter table trips add constraint trips_status_valid check (status in (
  'draft', 'submitted', 'paid', 'checked_in', 'called', 'left_yard', 'crossed', 'completed',
  'refused', 'cancelled', 'expired'));

alter table trips add column clearance_status text not null default 'pending';
alter table trips add constraint trips_clearance_status_valid
  check (clearance_status in ('pending', 'held', 'cleared', 'refused'));
comment on column trips.clearance_status is
  'Current clearance of the trip as a whole: cleared only when every required control has passed (clearance capability).';
create index trips_gate_status_idx on trips (gate_id, status) where status in ('checked_in', 'called', 'left_yard', 'crossed');

create table domain_events (
  id bigint generated always as identity,
  type text not null,
  occurred_at timestamptz not null,
  recorded_at timestamptz not null default now(),
  gate_id text,
  trip_id uuid,
  direction text,
  payload jsonb not null default '{}',
  constraint domain_events_pk primary key (id),
  constraint domain_events_type_format check (type ~ '^[a-z_]+\.[a-z_]+$'),
  constraint domain_events_gate_fk foreign key (gate_id) references gates (id),
  constraint domain_events_trip_fk foreign key (trip_id) references trips (id)
);
create index domain_events_gate_idx on domain_events (gate_id, id);
create index domain_events_trip_idx on domain_events (trip_id) where trip_id is not null;
comment on table domain_events is
  'Append-only stream of what happened at the gates (trip.checked_in, clearance.cleared, …). Readers keep the last id they saw; a NOTIFY on channel cks_events wakes them.';
comment on column domain_events.occurred_at is 'When it happened (an offline yard reports the real time later).';

create trigger domain_events_no_update before update or delete on domain_events
  for each row execute function reject_history_rewrite();
create trigger domain_events_no_truncate before truncate on domain_events
  for each statement execute function reject_history_rewrite();
