-- Border-market information: prices and volumes of key goods published by the authority
-- (official) and by enterprises (attributed). Commodities and markets are reference data
-- (reference/market/); an entry is never edited, only retracted with a reason.

create table market_prices (
  id uuid not null default gen_random_uuid(),
  commodity text not null,
  market_id text not null,
  gate_id text not null,
  day date not null,
  currency text not null,
  unit text not null,
  price_min numeric(16, 2),
  price_max numeric(16, 2),
  price_avg numeric(16, 2),
  volume_tonnes numeric(14, 3),
  source text not null,
  enterprise_id uuid,
  publisher_user_id uuid not null,
  publisher_label text not null,
  note text,
  created_at timestamptz not null default now(),
  retracted_at timestamptz,
  retracted_by uuid,
  retract_reason text,
  constraint market_prices_pk primary key (id),
  constraint market_prices_currency_valid check (currency in ('VND', 'CNY')),
  constraint market_prices_source_valid check (source in ('authority', 'enterprise')),
  constraint market_prices_some_price check (price_avg is not null or (price_min is not null and price_max is not null)),
  constraint market_prices_positive check (coalesce(price_min, 1) > 0 and coalesce(price_max, 1) > 0 and coalesce(price_avg, 1) > 0
    and coalesce(volume_tonnes, 0) >= 0),
  constraint market_prices_range_order check (price_min is null or price_max is null or price_min <= price_max),
  constraint market_prices_enterprise_attributed check ((source = 'enterprise') = (enterprise_id is not null)),
  constraint market_prices_retraction check ((retracted_at is null) = (retract_reason is null)),
  constraint market_prices_gate_fk foreign key (gate_id) references gates (id),
  constraint market_prices_enterprise_fk foreign key (enterprise_id) references enterprises (id),
  constraint market_prices_publisher_fk foreign key (publisher_user_id) references users (id),
  constraint market_prices_retracted_by_fk foreign key (retracted_by) references users (id)
);
-- One live entry per publisher (the authority, or one enterprise) per market, commodity, day,
-- currency and unit: a correction retracts the old entry first.
create unique index market_prices_one_live_entry on market_prices
  (commodity, market_id, day, currency, unit, coalesce(enterprise_id::text, 'official')) where retracted_at is null;
create index market_prices_trend_idx on market_prices (commodity, gate_id, day) where retracted_at is null;
comment on table market_prices is
  'Prices and volumes at border markets. source=authority entries are official; enterprise entries are attributed to the enterprise.';
comment on column market_prices.gate_id is 'The gate the market belongs to (a gate is itself a market); trends are shown per gate.';
comment on column market_prices.unit is 'Unit the price is quoted per (kg, tonne), one the commodity allows (reference/market/commodities.json).';
