-- Degraded mode: events recorded on a yard or gate device while offline, sent when the network
-- returns. The client event id is unique, so a batch sent twice applies once. Each event is
-- applied in the order of the time it happened (per trip); one that cannot be applied is kept as
-- a conflict, with what the server had, for an operator to accept or discard.

create table yard_sync_events (
  id uuid not null default gen_random_uuid(),
  client_event_id uuid not null,
  device_id text not null,
  gate_id text not null,
  yard_id text not null,
  type text not null,
  occurred_at timestamptz not null,
  trip_reference text,
  plate text,
  pass_token text,
  lane text,
  reason text,
  payload jsonb not null default '{}',
  recorded_by uuid,
  recorded_by_label text not null,
  received_at timestamptz not null,
  trip_id uuid,
  status text not null,
  conflict_reason text,
  server_version jsonb,
  applied_at timestamptz,
  resolved_at timestamptz,
  resolved_by uuid,
  resolved_by_label text,
  resolution text,
  constraint yard_sync_events_pk primary key (id),
  constraint yard_sync_events_client_unique unique (client_event_id),
  constraint yard_sync_events_gate_fk foreign key (gate_id) references gates (id),
  constraint yard_sync_events_yard_fk foreign key (yard_id) references yards (id),
  constraint yard_sync_events_trip_fk foreign key (trip_id) references trips (id),
  constraint yard_sync_events_recorded_by_fk foreign key (recorded_by) references users (id),
  constraint yard_sync_events_resolved_by_fk foreign key (resolved_by) references users (id),
  constraint yard_sync_events_type_valid check (type in ('check_in', 'call', 'leave_yard', 'pass_gate', 'arrive', 'check_out')),
  constraint yard_sync_events_status_valid check (status in ('applied', 'conflict', 'accepted', 'discarded')),
  constraint yard_sync_events_conflict_reason check ((status = 'conflict') = (conflict_reason is not null) or status in ('accepted', 'discarded')),
  constraint yard_sync_events_reason_valid check (conflict_reason is null or conflict_reason in ('duplicate_record', 'not_allowed_now',
    'unknown_truck', 'wrong_gate', 'future_time', 'pass_invalid', 'not_admissible'))
);
create index yard_sync_events_trip_idx on yard_sync_events (trip_id, occurred_at);
create index yard_sync_events_conflicts_idx on yard_sync_events (gate_id, received_at) where status = 'conflict';
comment on table yard_sync_events is 'Events recorded offline by yard and gate devices (real times), applied once and in time order per trip; conflicts wait for an operator.';
