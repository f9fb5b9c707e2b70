-- Gate passes: Ed25519-signed tokens for paid trips, and the signing keys. Public keys are
-- published (GET /api/v1/passes/keys) so the yard and gate verify passes offline.

create table pass_signing_keys (
  kid text not null,
  public_key_pem text not null,
  private_key_pem text,
  source text not null,
  created_at timestamptz not null default now(),
  retired_at timestamptz,
  constraint pass_signing_keys_pk primary key (kid),
  constraint pass_signing_keys_source_valid check (source in ('generated', 'environment')),
  -- A key from PASS_SIGNING_KEY is never written here; only its public half is published.
  constraint pass_signing_keys_private_only_generated check ((source = 'generated') = (private_key_pem is not null))
);
-- One generated key in use at a time: concurrent first starts agree on the same key.
create unique index pass_signing_keys_one_active on pass_signing_keys (source) where retired_at is null and source = 'generated';
comment on table pass_signing_keys is 'Ed25519 keys for gate passes. Rotate by setting retired_at (a new key is generated on next use) or by setting PASS_SIGNING_KEY; retired keys stay published so passes already issued still verify.';

create table gate_passes (
  id uuid not null default gen_random_uuid(),
  trip_id uuid not null,
  serial integer not null,
  kid text not null,
  token text not null,
  payload jsonb not null,
  status text not null default 'valid',
  issued_at timestamptz not null,
  valid_until timestamptz not null,
  ended_at timestamptz,
  constraint gate_passes_pk primary key (id),
  constraint gate_passes_trip_fk foreign key (trip_id) references trips (id),
  constraint gate_passes_kid_fk foreign key (kid) references pass_signing_keys (kid),
  constraint gate_passes_serial_unique unique (trip_id, serial),
  constraint gate_passes_status_valid check (status in ('valid', 'superseded', 'revoked'))
);
create unique index gate_passes_one_valid on gate_passes (trip_id) where status = 'valid';
comment on table gate_passes is 'Passes issued to paid trips; an amendment supersedes the pass and a cancellation revokes it.';
