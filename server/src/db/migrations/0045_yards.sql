-- Yards at the gates (issue 6): each gate has one or more yards with a capacity and the cameras
-- that read plates at their entry, exit and the gate line; per gate, the queue lanes and the
-- rules of the yard (camera threshold, call-forward limits, drop-back) as edited by the gate
-- authority over the reference data; and one lock row per gate and crossing direction that the
-- call-forward takes, so two server processes never call the same trucks.

create table yards (
  id text not null,
  gate_id text not null,
  name_vi text not null,
  name_en text not null,
  name_zh text,
  capacity integer not null,
  directions text[] not null,
  active boolean not null default true,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint yards_pk primary key (id),
  constraint yards_gate_fk foreign key (gate_id) references gates (id),
  constraint yards_id_format check (id ~ '^[a-z0-9-]{2,64}$'),
  constraint yards_capacity_non_negative check (capacity >= 0),
  constraint yards_directions_valid check (cardinality(directions) between 1 and 2 and directions <@ array['export', 'import']::text[])
);
create index yards_gate_idx on yards (gate_id);
comment on table yards is 'Truck yards of a gate; capacity is the number of trucks the yard holds (occupancy = visits queued or called).';
comment on column yards.directions is 'Crossing directions the yard serves (export: out of Vietnam; import: into it).';

create table yard_cameras (
  id text not null,
  yard_id text not null,
  position text not null,
  description text,
  active boolean not null default true,
  constraint yard_cameras_pk primary key (id),
  constraint yard_cameras_yard_fk foreign key (yard_id) references yards (id),
  constraint yard_cameras_position_valid check (position in ('entry', 'exit', 'gate'))
);
create index yard_cameras_yard_idx on yard_cameras (yard_id);
comment on table yard_cameras is 'Plate-reading cameras: entry checks trucks in, exit records leaving the yard, gate records passing the gate.';

create table yard_gate_rules (
  gate_id text not null,
  version integer not null default 1,
  source text not null,
  dataset text not null,
  lanes jsonb not null,
  rules jsonb not null,
  updated_at timestamptz,
  updated_by uuid,
  updated_by_label text,
  constraint yard_gate_rules_pk primary key (gate_id),
  constraint yard_gate_rules_gate_fk foreign key (gate_id) references gates (id),
  constraint yard_gate_rules_updated_by_fk foreign key (updated_by) references users (id),
  constraint yard_gate_rules_source_valid check (source in ('reference', 'gate_authority')),
  constraint yard_gate_rules_lanes_array check (jsonb_typeof(lanes) = 'array' and jsonb_array_length(lanes) >= 1)
);
comment on table yard_gate_rules is 'Queue lanes and yard rules in force at a gate. source reference: as shipped in reference/yards (a newer file replaces it); gate_authority: edited in the product (kept over newer files).';

create table yard_queue_locks (
  gate_id text not null,
  direction text not null,
  last_run_at timestamptz,
  constraint yard_queue_locks_pk primary key (gate_id, direction),
  constraint yard_queue_locks_gate_fk foreign key (gate_id) references gates (id),
  constraint yard_queue_locks_direction_valid check (direction in ('export', 'import'))
);
comment on table yard_queue_locks is 'One row per gate and crossing direction; call-forward and drop-back hold its row lock, so runs in several server processes never overlap.';
