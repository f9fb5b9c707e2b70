-- Fleet of the enterprises: vehicles (plates validated by format and stored canonical) and
-- drivers (passport or border pass with its expiry). Each enterprise registers a plate or a
-- driver document once; the duplicate is refused by the unique constraints below.

create table vehicles (
  id uuid not null default gen_random_uuid(),
  enterprise_id uuid not null,
  plate text not null,
  plate_country text not null,
  plate_province text not null,
  type text not null,
  axles integer not null,
  tonnage_capacity double precision not null,
  trailer_plate text,
  container_numbers text[] not null default '{}',
  inspection_expires_on date,
  active boolean not null default true,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint vehicles_pk primary key (id),
  constraint vehicles_enterprise_fk foreign key (enterprise_id) references enterprises (id),
  constraint vehicles_plate_unique unique (enterprise_id, plate),
  constraint vehicles_plate_country_valid check (plate_country in ('VN', 'CN')),
  constraint vehicles_type_valid check (type in ('truck', 'container_truck', 'tractor_unit', 'refrigerated_truck', 'tanker', 'van')),
  constraint vehicles_axles_range check (axles between 2 and 12),
  constraint vehicles_tonnage_range check (tonnage_capacity > 0 and tonnage_capacity <= 100),
  constraint vehicles_containers_max check (cardinality(container_numbers) <= 4)
);
create index vehicles_enterprise_idx on vehicles (enterprise_id, plate);
comment on table vehicles is 'Trucks of an enterprise. plate is canonical (11C-123.45, 桂F·12345); tonnage_capacity is the payload limit in tonnes.';

create table drivers (
  id uuid not null default gen_random_uuid(),
  enterprise_id uuid not null,
  full_name text not null,
  nationality text not null,
  document_type text not null,
  document_number text not null,
  document_expires_on date not null,
  phone text,
  account_id uuid,
  active boolean not null default true,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint drivers_pk primary key (id),
  constraint drivers_enterprise_fk foreign key (enterprise_id) references enterprises (id),
  constraint drivers_account_fk foreign key (account_id) references users (id),
  constraint drivers_document_unique unique (enterprise_id, nationality, document_type, document_number),
  constraint drivers_nationality_format check (nationality ~ '^[A-Z]{2}$'),
  constraint drivers_document_type_valid check (document_type in ('passport', 'border_pass')),
  constraint drivers_document_number_format check (document_number ~ '^[A-Z0-9-]{5,20}$')
);
create index drivers_enterprise_idx on drivers (enterprise_id, full_name);
create index drivers_account_idx on drivers (account_id) where account_id is not null;
comment on table drivers is 'Drivers of an enterprise; account_id links a driver account so the driver sees the trips they drive.';
