-- One guard for every append-only history table (audit log, plan events, trip events), so they
-- all refuse UPDATE, DELETE and TRUNCATE alike; replaces three copies of the same function.

create function reject_history_rewrite() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only', tg_table_name using errcode = 'insufficient_privilege';
end;
$$;
comment on function reject_history_rewrite() is 'Trigger function: history tables are append-only.';

drop trigger audit_log_no_update on audit_log;
drop trigger audit_log_no_truncate on audit_log;
drop function audit_log_is_append_only();
drop trigger plan_events_no_update on plan_events;
drop function plan_events_append_only();
drop trigger trip_events_no_update on trip_events;
drop function trip_events_is_append_only();

create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function reject_history_rewrite();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function reject_history_rewrite();
create trigger plan_events_no_update before update or delete on plan_events
  for each row execute function reject_history_rewrite();
create trigger plan_events_no_truncate before truncate on plan_events
  for each statement execute function reject_history_rewrite();
create trigger trip_events_no_update before update or delete on trip_events
  for each row execute function reject_history_rewrite();
create trigger trip_events_no_truncate before truncate on trip_events
  for each statement execute function reject_history_rewrite();
