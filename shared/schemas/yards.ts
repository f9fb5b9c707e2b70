
// Yards, the queue, call-forward, crossing events, measured times and offline sync (issue 6).
// Used by the server (validation, OpenAPI) and the web (types). Texts the driver or operator
// reads come as codes + parameters (the web translates them) or as {vi, en, zh}.
//
// ROUTES (server/src/yards/*.routes.ts). Permission in brackets; "gate" = the actor must be
// assigned to the yard's gate (administrators everywhere; provincial leaders read everywhere).
//
// Yards and rules
//   GET  /api/v1/yards?gateId=                        [yards:read, gate]      yards with capacity and live occupancy
//   GET  /api/v1/yards/:yardId                        [yards:read, gate]      one yard
//   POST /api/v1/gates/:gateId/yards                  [capacity:write, gate]  add a yard (reason; audited)
//   PATCH /api/v1/yards/:yardId                       [capacity:write, gate]  change capacity, names, cameras, active (version + reason)
//   GET  /api/v1/gates/:gateId/yard-rules             [yards:read, gate]      lanes and rules in force (threshold, call limits, drop-back)
//   PUT  /api/v1/gates/:gateId/yard-rules             [capacity:write, gate]  replace them (version + reason; audited)
// Check-in (every path ends in the same check-in service; bad trucks are flagged, not admitted)
//   POST /api/v1/yards/camera-readings                [yards:camera, gate]    a plate read by a camera; idempotent by (cameraId, eventId)
//   GET  /api/v1/yards/readings?gateId=&status=       [yards:read, gate]      plate readings (pending = waiting for an operator)
//   POST /api/v1/yards/readings/:id/confirm           [yards:write, gate]     confirm (optionally correct the plate): applies the reading
//   POST /api/v1/yards/readings/:id/reject            [yards:write, gate]     reject a reading (reason)
//   POST /api/v1/yards/:yardId/check-ins/qr           [yards:write, gate]     scan of the pass QR (Idempotency-Key)
//   POST /api/v1/yards/:yardId/check-ins/manual       [yards:write, gate]     reference or plate typed by the operator, with reason (Idempotency-Key)
// Queue, call-forward and crossing
//   GET  /api/v1/yards/queue?gateId=&direction=       [yards:read, gate]      the ordered queue, called trucks, capacity now, counts
//   POST /api/v1/yards/call-next                      [yards:write, gate]     call the next eligible trucks now (same rules as the job; Idempotency-Key)
//   POST /api/v1/yards/trips/:tripId/actions          [yards:write, gate]     leave_yard | pass_gate | arrive | check_out, with the real time (Idempotency-Key)
//   GET  /api/v1/yards/flags?gateId=&status=          [yards:read, gate]      trucks flagged (unknown, unpaid, wrong gate, full yard, repeated drop-backs…)
//   POST /api/v1/yards/flags/:id/resolve              [yards:write, gate]     dismiss, or release a held truck back into the queue (reason)
// Measured times
//   GET  /api/v1/yards/timings?gateId=&from=&to=&direction=  [yards:read, gate]  per gate and local hour: count, median, p90 of each segment
//   GET  /api/v1/trips/:id/yard                       [trips:read, trip scope] the yard status of one trip (TripYardPanel; enterprise sees its own)
// Driver page (no account: the signed pass from the QR is the credential)
//   GET  /api/v1/driver/trips/:reference?pass=<token> [public + valid pass]  position, ETA, call-forward notice, instructions
// Degraded mode
//   GET  /api/v1/yards/:yardId/snapshot               [yards:read, gate]      what the offline page primes itself with
//   POST /api/v1/yards/sync                           [yards:write, gate of every yard in the batch]  events recorded offline
//   GET  /api/v1/yards/sync/conflicts?gateId=&status= [yards:read, gate]      conflicts for an operator
//   POST /api/v1/yards/sync/conflicts/:id/resolve     [yards:write, gate]     accept or discard (reason)
//
// Domain events emitted: trip.checked_in, trip.called, trip.dropped_back, trip.left_yard,
// trip.crossed, trip.completed, trip.checked_out, yard.flagged, plate.read, plate.unconfirmed,
// yard.sync_conflict (always with gateId, tripId and the crossing direction; see server/src/yards/README.md).

export * from './yards/base';
export * from './yards/setup';
export * from './yards/queue';
export * from './yards/checkin';
export * from './yards/driver';
export * from './yards/sync';
