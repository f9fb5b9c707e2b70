-- Notifications: in-app notices per user, and the outbox of e-mail and SMS messages written by
-- the built-in local provider (a real gateway can later deliver from it or replace it).

create table notifications (
  id uuid not null default gen_random_uuid(),
  user_id uuid not null,
  kind text not null,
  title_vi text not null,
  title_en text not null,
  body_vi text not null,
  body_en text not null,
  link text,
  entity_type text,
  entity_id text,
  dedupe_key text,
  created_at timestamptz not null default now(),
  read_at timestamptz,
  constraint notifications_pk primary key (id),
  constraint notifications_user_fk foreign key (user_id) references users (id) on delete cascade,
  -- The same event never notifies the same person twice (a job running in two processes, a retry).
  constraint notifications_dedupe_unique unique (user_id, dedupe_key)
);
create index notifications_user_idx on notifications (user_id, created_at desc);
comment on table notifications is 'In-app notices shown to one user; read_at is set when the user marks it read.';

create table notification_outbox (
  id uuid not null default gen_random_uuid(),
  channel text not null,
  recipient text not null,
  recipient_user_id uuid,
  subject text,
  body text not null,
  kind text not null,
  provider text not null,
  status text not null default 'queued',
  dedupe_key text,
  error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  constraint notification_outbox_pk primary key (id),
  constraint notification_outbox_user_fk foreign key (recipient_user_id) references users (id) on delete set null,
  constraint notification_outbox_channel_valid check (channel in ('email', 'sms')),
  constraint notification_outbox_status_valid check (status in ('queued', 'sent', 'failed')),
  constraint notification_outbox_dedupe_unique unique (channel, recipient, dedupe_key)
);
create index notification_outbox_created_idx on notification_outbox (created_at desc);
comment on table notification_outbox is 'E-mail and SMS messages handed to the notification provider, with their delivery status.';
