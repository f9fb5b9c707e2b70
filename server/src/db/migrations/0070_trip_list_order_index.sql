-- Found by the national-scale benchmark (npm run bench, bench/reports): an enterprise's trip list
-- is ordered by planned date (newest first, undated drafts on top) then creation time, which no
-- index served, so every page sorted all of the enterprise's trips. With a year of history the
-- busiest enterprise's first page took 44 ms at 20,000 trips and grows with the history; with this
-- index the first page reads 50 index entries (0.2 ms).
create index trips_enterprise_planned_idx on trips (enterprise_id, planned_date desc nulls first, created_at desc);
comment on index trips_enterprise_planned_idx is 'Serves the trip list of an enterprise in its display order (trips/read-trips.ts listTrips).';
