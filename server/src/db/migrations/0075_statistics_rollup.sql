-- Found by the national-scale benchmark: daily statistics over a year were computed from every
-- crossing record each time (3.8 s for all gates at 365,000 trips, linear in the history; the
-- leaders' view 1.2 s). statistics_daily keeps the grouped figures per local day and gate; a job
-- brings it up to date from the append-only crossing records (domain_events trip.crossed and
-- trip_events pass_gate), and readers compute live only the (gate, day) pairs touched by records
-- the rollup has not yet accounted for, so answers stay exact.

create table statistics_daily (
  day date not null,
  gate_id text not null,
  direction text not null,
  commodity text,
  currency text,
  g_commodity smallint not null,
  g_currency smallint not null,
  trucks integer not null,
  weight double precision not null,
  value double precision not null,
  constraint statistics_daily_gate_fk foreign key (gate_id) references gates (id),
  constraint statistics_daily_direction_valid check (direction in ('export', 'import')),
  constraint statistics_daily_grouping_valid check (g_commodity in (0, 1) and g_currency in (0, 1))
);
create unique index statistics_daily_key on statistics_daily (gate_id, day, direction, coalesce(commodity, ''), coalesce(currency, ''), g_commodity, g_currency);
comment on table statistics_daily is
  'Crossed trucks, gross weight and declared value per local day, gate, direction, commodity and currency (the grouping sets of market/statistics/daily.ts); rebuilt per (gate, day) by the statistics.rollup job.';
comment on column statistics_daily.g_commodity is '1 on the per-day total row (distinct trucks over all commodities).';
comment on column statistics_daily.g_currency is '1 on the per-commodity row (all currencies).';

create table statistics_rollup_state (
  id smallint not null,
  domain_event_id bigint not null,
  trip_event_id bigint not null,
  seen_domain_event_id bigint not null,
  seen_trip_event_id bigint not null,
  updated_at timestamptz not null,
  constraint statistics_rollup_state_pk primary key (id),
  constraint statistics_rollup_state_single check (id = 1)
);
comment on table statistics_rollup_state is
  'statistics_daily accounts for every crossing record up to these ids. The job advances them to the highest ids it saw on its previous run, so a transaction that took an id earlier but committed late is not skipped.';
insert into statistics_rollup_state (id, domain_event_id, trip_event_id, seen_domain_event_id, seen_trip_event_id, updated_at) values (1, 0, 0, 0, 0, now());
