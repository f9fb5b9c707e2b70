-- What needs an operator: flags (a truck that may not be admitted, a full yard, a truck held
-- after repeated drop-backs) and plate readings from the cameras (below the confidence threshold
-- they wait for an operator to confirm or correct). A reading is stored once per camera event id.

create table yard_flags (
  id uuid not null default gen_random_uuid(),
  gate_id text not null,
  yard_id text,
  trip_id uuid,
  plate text,
  reason text not null,
  source text not null,
  details jsonb not null default '{}',
  status text not null default 'open',
  raised_at timestamptz not null,
  resolved_at timestamptz,
  resolved_by uuid,
  resolved_by_label text,
  resolution text,
  constraint yard_flags_pk primary key (id),
  constraint yard_flags_gate_fk foreign key (gate_id) references gates (id),
  constraint yard_flags_yard_fk foreign key (yard_id) references yards (id),
  constraint yard_flags_trip_fk foreign key (trip_id) references trips (id),
  constraint yard_flags_resolved_by_fk foreign key (resolved_by) references users (id),
  constraint yard_flags_reason_valid check (reason in ('unknown_plate', 'unknown_trip', 'unpaid', 'pass_invalid', 'trip_ended', 'wrong_gate',
    'wrong_day', 'not_crossed', 'wrong_direction', 'yard_full', 'repeated_drop_back', 'exit_not_called', 'wrong_step')),
  constraint yard_flags_source_valid check (source in ('camera', 'qr', 'manual', 'offline', 'job')),
  constraint yard_flags_status_valid check (status in ('open', 'resolved')),
  constraint yard_flags_resolution_complete check (status = 'open' or (resolved_at is not null and resolution is not null))
);
create index yard_flags_open_idx on yard_flags (gate_id, raised_at desc) where status = 'open';
create index yard_flags_gate_idx on yard_flags (gate_id, raised_at desc);
comment on table yard_flags is 'Trucks flagged for an operator instead of being admitted silently, with why; resolved with a reason.';

create table plate_readings (
  id uuid not null default gen_random_uuid(),
  event_id text not null,
  camera_id text not null,
  camera_position text not null,
  yard_id text not null,
  gate_id text not null,
  plate_read text not null,
  plate text,
  confidence double precision not null,
  captured_at timestamptz not null,
  image_sha256 text,
  status text not null,
  trip_id uuid,
  flag_id uuid,
  resolved_at timestamptz,
  resolved_by uuid,
  resolved_by_label text,
  resolution text,
  received_at timestamptz not null,
  constraint plate_readings_pk primary key (id),
  constraint plate_readings_event_unique unique (camera_id, event_id),
  constraint plate_readings_camera_fk foreign key (camera_id) references yard_cameras (id),
  constraint plate_readings_yard_fk foreign key (yard_id) references yards (id),
  constraint plate_readings_gate_fk foreign key (gate_id) references gates (id),
  constraint plate_readings_trip_fk foreign key (trip_id) references trips (id),
  constraint plate_readings_flag_fk foreign key (flag_id) references yard_flags (id),
  constraint plate_readings_resolved_by_fk foreign key (resolved_by) references users (id),
  constraint plate_readings_confidence_range check (confidence >= 0 and confidence <= 1),
  constraint plate_readings_status_valid check (status in ('applied', 'pending', 'confirmed', 'rejected', 'flagged', 'ignored')),
  constraint plate_readings_image_hash_format check (image_sha256 is null or image_sha256 ~ '^[0-9a-f]{64}$')
);
create index plate_readings_pending_idx on plate_readings (gate_id, captured_at) where status = 'pending';
create index plate_readings_gate_idx on plate_readings (gate_id, received_at desc);
comment on table plate_readings is 'Plate readings from yard cameras; (camera_id, event_id) makes a resent reading a no-op.';
