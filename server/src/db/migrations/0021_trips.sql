-- Truck trips: the declaration (current state in trips and its child tables), the amendment
-- history (trip_versions: the previous state of each change) and the append-only timeline
-- (trip_events). The lifecycle table is shared/workflows/trip.ts; later capabilities add
-- statuses by replacing trips_status_valid.

create table trips (
  id uuid not null default gen_random_uuid(),
  reference text not null,
  enterprise_id uuid not null,
  status text not null default 'draft',
  version integer not null default 1,
  direction text,
  gate_id text,
  planned_date date,
  window_from time,
  window_to time,
  vehicle_id uuid,
  driver_id uuid,
  options jsonb not null default '{}',
  notes text,
  fee_total bigint,
  fee_quote jsonb,
  paid_amount bigint not null default 0,
  expires_at timestamptz,
  submitted_at timestamptz,
  paid_at timestamptz,
  cancelled_at timestamptz,
  expired_at timestamptz,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint trips_pk primary key (id),
  constraint trips_reference_unique unique (reference),
  constraint trips_reference_format check (reference ~ '^CKS-[A-Z]{2,4}-[0-9]{8}-[0-9A-Z]{6}$'),
  constraint trips_enterprise_fk foreign key (enterprise_id) references enterprises (id),
  constraint trips_gate_fk foreign key (gate_id) references gates (id),
  constraint trips_vehicle_fk foreign key (vehicle_id) references vehicles (id),
  constraint trips_driver_fk foreign key (driver_id) references drivers (id),
  constraint trips_created_by_fk foreign key (created_by) references users (id),
  constraint trips_status_valid check (status in ('draft', 'submitted', 'paid', 'cancelled', 'expired')),
  constraint trips_direction_valid check (direction is null or direction in ('export', 'import', 'transit', 'temporary_import_reexport', 'empty_return')),
  constraint trips_window_order check (window_from is null or window_to is null or window_from < window_to),
  constraint trips_paid_non_negative check (paid_amount >= 0 and (fee_total is null or fee_total >= 0)),
  -- Whatever passed submission is complete; a draft (or a draft cancelled or expired) may not be.
  constraint trips_submitted_complete check (
    submitted_at is null or (direction is not null and gate_id is not null and planned_date is not null
      and window_from is not null and window_to is not null and vehicle_id is not null and driver_id is not null
      and fee_total is not null))
);
create index trips_enterprise_idx on trips (enterprise_id, created_at desc);
create index trips_gate_date_idx on trips (gate_id, planned_date);
create index trips_expiry_idx on trips (expires_at) where status in ('draft', 'submitted', 'paid');
create index trips_driver_idx on trips (driver_id);
comment on table trips is 'One row per truck trip; reference CKS-<gate code>-<yyyymmdd>-<6 chars> is fixed once submitted.';
comment on column trips.paid_amount is 'VND confirmed by the payment provider, less confirmed refunds.';
comment on column trips.fee_quote is 'Itemised fee quote (tariff, items, legal basis) computed at the last submission or amendment.';

create table trip_cargo_lines (
  trip_id uuid not null,
  line_no integer not null,
  hs_code text,
  description text,
  packages integer,
  package_kind text,
  quantity double precision,
  unit text,
  gross_weight_kg double precision,
  volume_m3 double precision,
  declared_value double precision,
  currency text,
  origin text,
  perishable boolean not null default false,
  goods_category text,
  taxable_import boolean,
  growing_area_code text,
  packing_house_code text,
  constraint trip_cargo_lines_pk primary key (trip_id, line_no),
  constraint trip_cargo_lines_trip_fk foreign key (trip_id) references trips (id) on delete cascade,
  constraint trip_cargo_lines_non_negative check (coalesce(packages, 0) >= 0 and coalesce(quantity, 0) >= 0
    and coalesce(gross_weight_kg, 0) >= 0 and coalesce(volume_m3, 0) >= 0 and coalesce(declared_value, 0) >= 0)
);
create index trip_cargo_lines_hs_idx on trip_cargo_lines (hs_code);

create table trip_containers (
  trip_id uuid not null,
  position integer not null,
  container_number text not null,
  size text not null,
  seal_number text,
  constraint trip_containers_pk primary key (trip_id, position),
  constraint trip_containers_trip_fk foreign key (trip_id) references trips (id) on delete cascade,
  constraint trip_containers_size_valid check (size in ('20', '40'))
);
create index trip_containers_number_idx on trip_containers (container_number);

create table trip_files (
  id uuid not null default gen_random_uuid(),
  trip_id uuid not null,
  file_name text not null,
  content_type text not null,
  size integer not null,
  sha256 text not null,
  content bytea not null,
  uploaded_by uuid,
  uploaded_at timestamptz not null default now(),
  constraint trip_files_pk primary key (id),
  constraint trip_files_trip_fk foreign key (trip_id) references trips (id),
  constraint trip_files_uploaded_by_fk foreign key (uploaded_by) references users (id),
  constraint trip_files_sha256_format check (sha256 ~ '^[0-9a-f]{64}$'),
  constraint trip_files_size_matches check (size = octet_length(content))
);
create index trip_files_trip_idx on trip_files (trip_id);
comment on table trip_files is 'Uploaded documents; sha256 is computed on upload so a later copy can be checked against it.';

create table trip_documents (
  trip_id uuid not null,
  position integer not null,
  kind text not null,
  number text not null,
  issued_on date,
  expires_on date,
  file_id uuid,
  note text,
  constraint trip_documents_pk primary key (trip_id, position),
  constraint trip_documents_trip_fk foreign key (trip_id) references trips (id) on delete cascade,
  constraint trip_documents_file_fk foreign key (file_id) references trip_files (id),
  constraint trip_documents_kind_valid check (kind in ('customs_declaration', 'certificate_of_origin_form_e',
    'phytosanitary_certificate', 'veterinary_certificate', 'health_certificate', 'commercial_invoice', 'packing_list', 'other'))
);
create index trip_documents_number_idx on trip_documents (kind, number);

create table trip_versions (
  trip_id uuid not null,
  version integer not null,
  status text not null,
  snapshot jsonb not null,
  changes text[] not null default '{}',
  reason text,
  changed_by uuid,
  changed_by_label text not null,
  changed_at timestamptz not null default now(),
  constraint trip_versions_pk primary key (trip_id, version),
  constraint trip_versions_trip_fk foreign key (trip_id) references trips (id)
);
comment on table trip_versions is 'The declaration as it was before each edit or amendment (snapshot of that version), with who, when and why.';

create table trip_events (
  id bigint generated always as identity,
  trip_id uuid not null,
  at timestamptz not null default now(),
  action text not null,
  from_status text,
  to_status text,
  actor_user_id uuid,
  actor_label text not null,
  reason text,
  details jsonb not null default '{}',
  constraint trip_events_pk primary key (id),
  constraint trip_events_trip_fk foreign key (trip_id) references trips (id)
);
create index trip_events_trip_idx on trip_events (trip_id, id);
comment on table trip_events is 'Append-only timeline of a trip: every action, by whom and when.';

create function trip_events_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'trip_events is append-only' using errcode = 'insufficient_privilege';
end;
$$;
create trigger trip_events_no_update before update or delete on trip_events
  for each row execute function trip_events_is_append_only();
