-- Seed 004 counts enterprises new to border trade each year; the platform computes it from the
-- first declared trip of each enterprise through the province's gates.
alter table plan_kpis drop constraint plan_kpis_metric_valid;
alter table plan_kpis add constraint plan_kpis_metric_valid check (platform_metric is null or platform_metric in
  ('active_enterprises', 'new_trading_enterprises', 'electronic_procedure_share'));
