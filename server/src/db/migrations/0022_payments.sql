-- Payments of trip fees through a payment provider, receipts numbered per year without gaps,
-- settlements of amendments after payment, and daily reconciliation reports.

create table payments (
  id uuid not null default gen_random_uuid(),
  trip_id uuid not null,
  kind text not null,
  purpose text not null,
  amount bigint not null,
  currency text not null default 'VND',
  status text not null default 'pending',
  provider text not null,
  provider_reference text,
  payer_account text,
  idempotency_key text,
  refund_of uuid,
  receipt_number text,
  failure_code text,
  created_by uuid,
  created_at timestamptz not null default now(),
  confirmed_at timestamptz,
  constraint payments_pk primary key (id),
  constraint payments_trip_fk foreign key (trip_id) references trips (id),
  constraint payments_refund_of_fk foreign key (refund_of) references payments (id),
  constraint payments_created_by_fk foreign key (created_by) references users (id),
  constraint payments_kind_valid check (kind in ('charge', 'refund')),
  constraint payments_purpose_valid check (purpose in ('trip_fee', 'settlement', 'amendment_refund', 'cancellation_refund')),
  constraint payments_status_valid check (status in ('pending', 'succeeded', 'failed')),
  constraint payments_amount_positive check (amount > 0),
  constraint payments_currency_vnd check (currency = 'VND'),
  -- One charge per (trip, Idempotency-Key): a retried or double-clicked payment cannot charge twice.
  constraint payments_idempotency_unique unique (trip_id, idempotency_key),
  constraint payments_receipt_unique unique (receipt_number),
  constraint payments_provider_reference_unique unique (provider, provider_reference),
  constraint payments_receipt_only_succeeded_charges check (receipt_number is null or (kind = 'charge' and status = 'succeeded')),
  constraint payments_charge_has_key check (kind = 'refund' or idempotency_key is not null)
);
-- At most one charge waiting for the bank per trip: the trip is frozen until it is settled.
create unique index payments_one_pending_charge on payments (trip_id) where kind = 'charge' and status = 'pending';
create index payments_trip_idx on payments (trip_id, created_at);
create index payments_confirmed_idx on payments (confirmed_at);
comment on table payments is 'Charges and refunds of trip fees; amount in VND. provider_reference is the provider''s transaction reference.';

create table receipt_counters (
  year integer not null,
  last_number integer not null,
  constraint receipt_counters_pk primary key (year),
  constraint receipt_counters_positive check (last_number > 0)
);
comment on table receipt_counters is 'Last receipt number per year; the row is locked by the transaction that confirms a payment, so numbers have no gaps.';

create table trip_settlements (
  id uuid not null default gen_random_uuid(),
  trip_id uuid not null,
  trip_version integer not null,
  previous_total bigint not null,
  new_total bigint not null,
  paid_before bigint not null,
  difference bigint not null,
  kind text not null,
  refund_payment_ids uuid[] not null default '{}',
  created_at timestamptz not null default now(),
  constraint trip_settlements_pk primary key (id),
  constraint trip_settlements_trip_fk foreign key (trip_id) references trips (id),
  constraint trip_settlements_kind_valid check (kind in ('extra_charge', 'refund', 'none')),
  constraint trip_settlements_difference check (difference = new_total - paid_before)
);
create index trip_settlements_trip_idx on trip_settlements (trip_id, created_at);
comment on table trip_settlements is 'Fee recomputed by an amendment after payment: the difference is charged (extra_charge) or refunded.';

create table payment_reconciliations (
  day date not null,
  time_zone text not null,
  generated_at timestamptz not null,
  mismatch_count integer not null,
  report jsonb not null,
  constraint payment_reconciliations_pk primary key (day)
);
comment on table payment_reconciliations is 'Latest reconciliation of a day''s platform payments against the provider''s ledger.';
