-- Gate registry: gates and crossings, their weekly hours, special days and per-direction
-- daily capacity. Every edit bumps gates.version and stores a snapshot in gate_versions.

create table gates (
  id text not null,
  parent_id text,
  province text not null,
  name_vi text not null,
  name_en text not null,
  name_zh text,
  counterpart_name_vi text not null,
  counterpart_name_en text,
  counterpart_name_zh text,
  counterpart_name_zh_verified boolean not null default false,
  counterpart_place text,
  class text not null,
  status text not null,
  planned_class text,
  target_year integer,
  plan_refs jsonb not null default '[]',
  traffic text[] not null default '{}',
  lat double precision,
  lon double precision,
  location_approximate boolean not null default true,
  time_zone text not null default 'Asia/Ho_Chi_Minh',
  counterpart_time_zone text not null default 'Asia/Shanghai',
  capacity_export_per_day integer not null default 0,
  capacity_import_per_day integer not null default 0,
  notes jsonb not null default '{}',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint gates_pk primary key (id),
  constraint gates_id_format check (id ~ '^[a-z0-9-]{2,64}$'),
  constraint gates_parent_fk foreign key (parent_id) references gates (id),
  constraint gates_class_valid check (class in ('international', 'bilateral', 'secondary', 'border_opening',
    'clearance_crossing', 'dedicated_goods_road')),
  constraint gates_planned_class_valid check (planned_class is null or planned_class in ('international',
    'bilateral', 'secondary', 'border_opening', 'clearance_crossing', 'dedicated_goods_road')),
  constraint gates_status_valid check (status in ('operating', 'planned', 'upgrading')),
  constraint gates_traffic_valid check (traffic <@ array['goods', 'passengers', 'border_residents', 'tourists']),
  constraint gates_target_year_range check (target_year is null or target_year between 2000 and 2100),
  constraint gates_lat_range check (lat is null or lat between -90 and 90),
  constraint gates_lon_range check (lon is null or lon between -180 and 180),
  constraint gates_capacity_non_negative check (capacity_export_per_day >= 0 and capacity_import_per_day >= 0)
);
create index gates_province_idx on gates (province);
comment on table gates is 'Border gates, crossings and openings on the Vietnamese side, with their Chinese counterpart.';
comment on column gates.version is 'Optimistic-concurrency counter; gate_versions keeps each version.';

create table gate_weekly_hours (
  gate_id text not null,
  weekday smallint not null,
  opens time not null,
  closes time not null,
  constraint gate_weekly_hours_pk primary key (gate_id, weekday, opens),
  constraint gate_weekly_hours_gate_fk foreign key (gate_id) references gates (id) on delete cascade,
  constraint gate_weekly_hours_weekday_range check (weekday between 1 and 7),
  constraint gate_weekly_hours_order check (opens < closes)
);
comment on table gate_weekly_hours is 'Regular opening intervals in the gate''s local time; weekday 1 = Monday.';

create table gate_special_days (
  gate_id text not null,
  day date not null,
  kind text not null,
  opens time,
  closes time,
  name_vi text not null,
  name_en text,
  name_zh text,
  constraint gate_special_days_pk primary key (gate_id, day),
  constraint gate_special_days_gate_fk foreign key (gate_id) references gates (id) on delete cascade,
  constraint gate_special_days_kind_valid check (kind in ('closed', 'special_hours', 'extended_hours',
    'pre_registered_only', 'fruit_only')),
  constraint gate_special_days_hours check (
    (kind in ('special_hours', 'extended_hours')) = (opens is not null and closes is not null)
    and (opens is null or opens < closes))
);
comment on table gate_special_days is 'Closures (e.g. Tết), special or extended hours, pre-registered-only and fruit-only days.';

create table gate_versions (
  gate_id text not null,
  version integer not null,
  snapshot jsonb not null,
  changed_by uuid,
  changed_by_label text not null,
  reason text not null,
  changed_at timestamptz not null default now(),
  constraint gate_versions_pk primary key (gate_id, version),
  constraint gate_versions_gate_fk foreign key (gate_id) references gates (id)
);
comment on table gate_versions is 'Every version of a gate with its calendar, who changed it and why.';

create table user_gates (
  user_id uuid not null,
  gate_id text not null,
  constraint user_gates_pk primary key (user_id, gate_id),
  constraint user_gates_user_fk foreign key (user_id) references users (id) on delete cascade,
  constraint user_gates_gate_fk foreign key (gate_id) references gates (id)
);
comment on table user_gates is 'Gates an officer, yard operator or gate authority is assigned to.';
