-- Notices of the gate authority (closures, holiday hours, fruit-only days, restrictions) in three
-- languages. A notice has a current status beside its append-only event log; the workflow is the
-- transition table in shared/schemas/notices.ts, enforced by the notices capability.

create table gate_notices (
  id uuid not null default gen_random_uuid(),
  kind text not null,
  severity text not null,
  status text not null default 'draft',
  valid_from timestamptz not null,
  valid_to timestamptz not null,
  title_vi text not null,
  title_en text,
  title_zh text,
  body_vi text not null,
  body_en text,
  body_zh text,
  version integer not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  published_at timestamptz,
  published_by uuid,
  ended_at timestamptz,
  constraint gate_notices_pk primary key (id),
  constraint gate_notices_kind_valid check (kind in ('closure', 'holiday_hours', 'fruit_only', 'restriction', 'other')),
  constraint gate_notices_severity_valid check (severity in ('info', 'warning', 'critical')),
  constraint gate_notices_status_valid check (status in ('draft', 'published', 'withdrawn', 'expired')),
  constraint gate_notices_period_order check (valid_from < valid_to),
  -- Drivers on the other side read Chinese: nothing is published without all three languages.
  constraint gate_notices_published_translated check (
    published_at is null or (title_en is not null and title_zh is not null and body_en is not null and body_zh is not null)),
  constraint gate_notices_published_at check (status in ('draft', 'withdrawn') or published_at is not null),
  constraint gate_notices_created_by_fk foreign key (created_by) references users (id),
  constraint gate_notices_published_by_fk foreign key (published_by) references users (id)
);
create index gate_notices_current_idx on gate_notices (status, valid_to);
comment on table gate_notices is
  'Notices of the gate authority in vi/en/zh; status is the current state, gate_notice_events the history.';
comment on column gate_notices.valid_from is 'Start of the period the notice is about (UTC; shown in the gate''s zone and in UTC+8).';
comment on column gate_notices.ended_at is 'When it was withdrawn or expired.';

create table gate_notice_gates (
  notice_id uuid not null,
  gate_id text not null,
  constraint gate_notice_gates_pk primary key (notice_id, gate_id),
  constraint gate_notice_gates_notice_fk foreign key (notice_id) references gate_notices (id) on delete cascade,
  constraint gate_notice_gates_gate_fk foreign key (gate_id) references gates (id)
);
create index gate_notice_gates_gate_idx on gate_notice_gates (gate_id);
comment on table gate_notice_gates is 'The gates a notice is about (one or more).';

create table gate_notice_events (
  id bigint generated always as identity,
  notice_id uuid not null,
  at timestamptz not null,
  action text not null,
  from_status text,
  to_status text not null,
  actor_user_id uuid,
  actor_label text not null,
  reason text,
  details jsonb not null default '{}',
  constraint gate_notice_events_pk primary key (id),
  constraint gate_notice_events_notice_fk foreign key (notice_id) references gate_notices (id),
  constraint gate_notice_events_actor_fk foreign key (actor_user_id) references users (id)
);
create index gate_notice_events_notice_idx on gate_notice_events (notice_id, id);
comment on table gate_notice_events is 'Append-only history of every action on a notice (who, when, why).';

create trigger gate_notice_events_no_update before update or delete on gate_notice_events
  for each row execute function reject_history_rewrite();
create trigger gate_notice_events_no_truncate before truncate on gate_notice_events
  for each statement execute function reject_history_rewrite();
