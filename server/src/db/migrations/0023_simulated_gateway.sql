-- The built-in payment provider: a simulated bank gateway with its own accounts, transactions
-- and double-entry ledger. It shares the database only for convenience; the platform reads it
-- solely through the provider interface (server/src/payments/provider.ts) and reconciliation.

create table simgw_accounts (
  account_no text not null,
  holder text not null,
  balance bigint not null,
  behaviour text not null default 'normal',
  created_at timestamptz not null default now(),
  constraint simgw_accounts_pk primary key (account_no),
  constraint simgw_accounts_behaviour_valid check (behaviour in ('normal', 'insufficient_funds', 'declined', 'closed', 'merchant'))
);
comment on table simgw_accounts is 'Accounts at the simulated bank. Designated test accounts fail deterministically (reference/payments/simulated-gateway.json).';

create table simgw_transactions (
  id uuid not null default gen_random_uuid(),
  reference text not null,
  merchant_reference text not null,
  kind text not null,
  account_no text not null,
  amount bigint not null,
  status text not null default 'pending',
  failure_code text,
  refund_of text,
  created_at timestamptz not null,
  processed_at timestamptz,
  notified_at timestamptz,
  constraint simgw_transactions_pk primary key (id),
  constraint simgw_transactions_reference_unique unique (reference),
  -- The merchant's id for the payment is the gateway's idempotency key: one transaction per payment.
  constraint simgw_transactions_merchant_unique unique (merchant_reference),
  constraint simgw_transactions_kind_valid check (kind in ('charge', 'refund')),
  constraint simgw_transactions_status_valid check (status in ('pending', 'succeeded', 'failed')),
  constraint simgw_transactions_amount_positive check (amount > 0)
);
create index simgw_transactions_pending_idx on simgw_transactions (created_at) where status = 'pending';
create index simgw_transactions_unnotified_idx on simgw_transactions (processed_at) where notified_at is null and status <> 'pending';

create table simgw_entries (
  id bigint generated always as identity,
  transaction_id uuid not null,
  account_no text not null,
  amount bigint not null,
  at timestamptz not null,
  constraint simgw_entries_pk primary key (id),
  constraint simgw_entries_transaction_fk foreign key (transaction_id) references simgw_transactions (id),
  constraint simgw_entries_account_fk foreign key (account_no) references simgw_accounts (account_no)
);
create index simgw_entries_transaction_idx on simgw_entries (transaction_id);
comment on table simgw_entries is 'Double-entry ledger of the simulated bank: each settled transaction debits one account and credits another.';
