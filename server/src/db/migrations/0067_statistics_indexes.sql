-- Daily statistics (market capability) find the trips that crossed a gate in a period from the
-- trip.crossed domain events and the pass_gate steps of the trip timelines. Two partial indexes
-- keep that a range scan over crossings only, however long the history grows.

create index domain_events_crossed_idx on domain_events (gate_id, occurred_at) where type = 'trip.crossed';
comment on index domain_events_crossed_idx is 'Statistics: trips crossed at a gate in a period (market capability).';

create index trip_events_pass_gate_idx on trip_events (at) where action = 'pass_gate';
comment on index trip_events_pass_gate_idx is 'Statistics: gate passages in a period (market capability).';
