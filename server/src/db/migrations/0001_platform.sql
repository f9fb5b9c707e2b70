-- Platform foundation: reference datasets, agencies, enterprises, accounts, sessions,
-- API tokens, login throttling, idempotency keys and the append-only audit log.

create extension if not exists unaccent;
create extension if not exists pg_trgm;

create table reference_datasets (
  name text not null,
  version text not null,
  checksum text not null,
  effective_from date not null,
  applied_at timestamptz not null default now(),
  constraint reference_datasets_pk primary key (name, version)
);
comment on table reference_datasets is 'Which version of each versioned reference data file (reference/) has been loaded.';

create table agencies (
  code text not null,
  province text not null,
  kind text not null,
  name_vi text not null,
  name_en text not null,
  name_zh text,
  aliases text[] not null default '{}',
  active boolean not null default true,
  constraint agencies_pk primary key (code),
  constraint agencies_code_format check (code ~ '^[a-z0-9-]{2,40}$'),
  constraint agencies_province_valid check (province in ('CB', 'TQ', 'LS', 'VN'))
);
comment on table agencies is 'State bodies: departments, customs, border guard, quarantine, gate authorities, committees.';

create table enterprises (
  id uuid not null default gen_random_uuid(),
  tax_code text not null,
  name text not null,
  name_en text,
  address text,
  phone text,
  email text,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint enterprises_pk primary key (id),
  constraint enterprises_tax_code_unique unique (tax_code),
  -- Vietnamese tax code (MST): 10 digits, or 13 for a branch written as 10 digits, a dash and 3 digits.
  constraint enterprises_tax_code_format check (tax_code ~ '^[0-9]{10}(-[0-9]{3})?$')
);
comment on table enterprises is 'Importers, exporters, logistics firms and brokers, identified by tax code (MST).';

create table users (
  id uuid not null default gen_random_uuid(),
  username text not null,
  password_hash text not null,
  display_name text not null,
  email text,
  phone text,
  role text not null,
  enterprise_id uuid,
  agency_code text,
  is_org_admin boolean not null default false,
  locale text not null default 'vi',
  active boolean not null default true,
  password_changed_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  constraint users_pk primary key (id),
  constraint users_username_format check (username ~ '^[a-z0-9._-]{3,64}$'),
  constraint users_role_valid check (role in (
    'enterprise', 'driver', 'yard_operator', 'customs', 'border_guard', 'plant_quarantine',
    'animal_quarantine', 'health_quarantine', 'gate_authority', 'agency_staff', 'travel_agency',
    'provincial_leader', 'admin')),
  constraint users_locale_valid check (locale in ('vi', 'en', 'zh')),
  constraint users_enterprise_fk foreign key (enterprise_id) references enterprises (id),
  constraint users_agency_fk foreign key (agency_code) references agencies (code),
  -- Enterprise-side roles belong to an enterprise; officers belong to an agency.
  constraint users_enterprise_roles check (
    (role in ('enterprise', 'driver', 'travel_agency')) = (enterprise_id is not null)),
  constraint users_officer_roles check (
    role not in ('yard_operator', 'customs', 'border_guard', 'plant_quarantine', 'animal_quarantine',
                 'health_quarantine', 'gate_authority', 'agency_staff', 'provincial_leader')
    or agency_code is not null)
);
create unique index users_username_unique on users (username);
comment on table users is 'People who sign in. Scope comes from enterprise_id, agency_code and user_gates.';

create table sessions (
  id uuid not null default gen_random_uuid(),
  token_hash text not null,
  user_id uuid not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  ip text,
  user_agent text,
  constraint sessions_pk primary key (id),
  constraint sessions_token_hash_unique unique (token_hash),
  constraint sessions_user_fk foreign key (user_id) references users (id)
);
create index sessions_user_idx on sessions (user_id);
comment on table sessions is 'Web sessions; only a SHA-256 of the cookie value is stored.';

create table api_tokens (
  id uuid not null default gen_random_uuid(),
  user_id uuid not null,
  name text not null,
  token_hash text not null,
  scopes text[] not null,
  created_by uuid not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  revoked_at timestamptz,
  last_used_at timestamptz,
  constraint api_tokens_pk primary key (id),
  constraint api_tokens_token_hash_unique unique (token_hash),
  constraint api_tokens_user_fk foreign key (user_id) references users (id),
  constraint api_tokens_created_by_fk foreign key (created_by) references users (id),
  constraint api_tokens_scopes_not_empty check (cardinality(scopes) > 0)
);
comment on table api_tokens is 'Scoped bearer tokens for integrations; a token acts as its user, narrowed to its scopes.';

create table auth_throttle (
  key text not null,
  failures integer not null default 0,
  window_started_at timestamptz not null default now(),
  locked_until timestamptz,
  constraint auth_throttle_pk primary key (key)
);
comment on table auth_throttle is 'Failed sign-in counters per account and per client address (kept in the database so every server process shares them).';

create table idempotency_keys (
  scope text not null,
  key text not null,
  request_hash text not null,
  status_code integer,
  response jsonb,
  created_at timestamptz not null default now(),
  constraint idempotency_keys_pk primary key (scope, key),
  constraint idempotency_keys_key_format check (char_length(key) between 8 and 200)
);
comment on table idempotency_keys is 'A retried write with the same key returns the stored response instead of acting twice.';

create table audit_log (
  id bigint generated always as identity,
  at timestamptz not null default now(),
  actor_user_id uuid,
  actor_role text,
  actor_token_id uuid,
  actor_label text not null,
  action text not null,
  entity_type text not null,
  entity_id text not null,
  before jsonb,
  after jsonb,
  reason text,
  request_id text,
  constraint audit_log_pk primary key (id)
);
create index audit_log_entity_idx on audit_log (entity_type, entity_id, id);
create index audit_log_at_idx on audit_log (at);
comment on table audit_log is 'Append-only record of every write: actor, role, time, before/after and reason.';

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only' using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_is_append_only();
