-- Crossing capacity and bookings (issue 6). The day capacity per direction stays in
-- gates.capacity_export_per_day / capacity_import_per_day (edited on the gate page); this adds the
-- hourly profile and per-date overrides the gate authority sets, the counters that bookings
-- consume, and one booking row per booked crossing window.

create table capacity_settings (
  gate_id text not null,
  version integer not null default 0,
  updated_at timestamptz not null default now(),
  constraint capacity_settings_pk primary key (gate_id),
  constraint capacity_settings_gate_fk foreign key (gate_id) references gates (id),
  constraint capacity_settings_version_non_negative check (version >= 0)
);
comment on table capacity_settings is
  'Optimistic-concurrency version of a gate''s capacity settings (profiles and date overrides); every change bumps it.';

create table capacity_profiles (
  gate_id text not null,
  direction text not null,
  hours jsonb not null default '{}',
  updated_at timestamptz not null default now(),
  updated_by uuid,
  constraint capacity_profiles_pk primary key (gate_id, direction),
  constraint capacity_profiles_gate_fk foreign key (gate_id) references gates (id),
  constraint capacity_profiles_updated_by_fk foreign key (updated_by) references users (id),
  constraint capacity_profiles_direction_valid check (direction in ('export', 'import')),
  constraint capacity_profiles_hours_object check (jsonb_typeof(hours) = 'object')
);
comment on table capacity_profiles is
  'Standing hourly capacity per gate and crossing direction: {"<local hour 0-23>": trucks}. Hours not listed share what is left of the day capacity in proportion to their open minutes.';

create table capacity_date_overrides (
  gate_id text not null,
  direction text not null,
  day date not null,
  per_day integer,
  hours jsonb not null default '{}',
  reason text not null,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  constraint capacity_date_overrides_pk primary key (gate_id, direction, day),
  constraint capacity_date_overrides_gate_fk foreign key (gate_id) references gates (id),
  constraint capacity_date_overrides_updated_by_fk foreign key (updated_by) references users (id),
  constraint capacity_date_overrides_direction_valid check (direction in ('export', 'import')),
  constraint capacity_date_overrides_per_day_non_negative check (per_day is null or per_day >= 0),
  constraint capacity_date_overrides_hours_object check (jsonb_typeof(hours) = 'object')
);
comment on table capacity_date_overrides is
  'Capacity agreed for one date (e.g. a lychee-season day): a day capacity replacing the gate''s, and hours replacing the profile''s.';

create table capacity_changes (
  id bigint generated always as identity,
  gate_id text not null,
  direction text not null,
  scope text not null,
  day date,
  before jsonb,
  after jsonb,
  reason text not null,
  changed_by uuid,
  changed_by_label text not null,
  changed_at timestamptz not null,
  request_id text,
  constraint capacity_changes_pk primary key (id),
  constraint capacity_changes_gate_fk foreign key (gate_id) references gates (id),
  constraint capacity_changes_changed_by_fk foreign key (changed_by) references users (id),
  constraint capacity_changes_direction_valid check (direction in ('export', 'import')),
  constraint capacity_changes_scope_valid check (scope in ('profile', 'date')),
  constraint capacity_changes_day_for_date check ((scope = 'date') = (day is not null)),
  constraint capacity_changes_reason_present check (length(btrim(reason)) >= 3)
);
create index capacity_changes_gate_idx on capacity_changes (gate_id, id desc);
comment on table capacity_changes is 'Append-only history of capacity settings: who changed what, when and why.';
create trigger capacity_changes_no_update before update or delete on capacity_changes
  for each row execute function reject_history_rewrite();
create trigger capacity_changes_no_truncate before truncate on capacity_changes
  for each statement execute function reject_history_rewrite();

-- Counters: a booking increments the day row and one hour row with a conditional UPDATE
-- (booked < capacity in force), so concurrent bookings can never exceed capacity; the CHECKs
-- make any other path fail loudly. `capacity` is the limit in force at the last booking or
-- settings change, never below what is already booked (a later reduction freezes the slot).
create table capacity_day_counters (
  gate_id text not null,
  direction text not null,
  day date not null,
  capacity integer not null,
  booked integer not null default 0,
  constraint capacity_day_counters_pk primary key (gate_id, direction, day),
  constraint capacity_day_counters_gate_fk foreign key (gate_id) references gates (id),
  constraint capacity_day_counters_direction_valid check (direction in ('export', 'import')),
  constraint capacity_day_counters_booked_range check (booked >= 0 and booked <= capacity)
);
comment on table capacity_day_counters is 'Crossings booked per gate, direction and local date, against the day capacity.';

create table capacity_slot_counters (
  gate_id text not null,
  direction text not null,
  day date not null,
  hour smallint not null,
  capacity integer not null,
  booked integer not null default 0,
  constraint capacity_slot_counters_pk primary key (gate_id, direction, day, hour),
  constraint capacity_slot_counters_day_fk foreign key (gate_id, direction, day)
    references capacity_day_counters (gate_id, direction, day),
  constraint capacity_slot_counters_hour_range check (hour between 0 and 23),
  constraint capacity_slot_counters_booked_range check (booked >= 0 and booked <= capacity)
);
comment on table capacity_slot_counters is 'Crossings booked per local hour; a slot row is only touched while its day row is locked.';

create table crossing_bookings (
  id uuid not null default gen_random_uuid(),
  seq bigint generated always as identity,
  trip_id uuid not null,
  enterprise_id uuid not null,
  gate_id text not null,
  direction text not null,
  day date not null,
  hour smallint not null,
  window_from time not null,
  window_to time not null,
  window_end_at timestamptz not null,
  status text not null default 'active',
  created_at timestamptz not null,
  status_at timestamptz not null,
  status_reason text,
  constraint crossing_bookings_pk primary key (id),
  constraint crossing_bookings_trip_fk foreign key (trip_id) references trips (id),
  constraint crossing_bookings_enterprise_fk foreign key (enterprise_id) references enterprises (id),
  constraint crossing_bookings_slot_fk foreign key (gate_id, direction, day, hour)
    references capacity_slot_counters (gate_id, direction, day, hour),
  constraint crossing_bookings_status_valid check (status in ('active', 'used', 'released', 'no_show')),
  constraint crossing_bookings_window_order check (window_from < window_to)
);
-- A trip holds at most one crossing window at a time (active until the truck arrives, then used).
create unique index crossing_bookings_one_per_trip on crossing_bookings (trip_id) where status in ('active', 'used');
create index crossing_bookings_due_idx on crossing_bookings (window_end_at) where status = 'active';
create index crossing_bookings_trip_idx on crossing_bookings (trip_id, seq);
create index crossing_bookings_no_show_idx on crossing_bookings (gate_id, status_at) where status = 'no_show';
comment on table crossing_bookings is
  'One row per booked crossing window of a trip: active → used (truck arrived) | released (trip changed or ended) | no_show (never came). Rebooking ends the row and adds a new one.';
comment on column crossing_bookings.seq is 'Order in which bookings were made (several may share a timestamp).';
comment on column crossing_bookings.window_end_at is 'End of the declared window (UTC); a no-show is declared a grace period after it.';
