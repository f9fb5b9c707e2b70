import { expectStatus, HttpError } from '../lib/http';
import { pollUntil } from '../lib/pool';
import { send, waitForStatus, type FlowContext, type Step, type TripRun } from './flow';

// The truck at the gate, as the yard, the agencies and the border guard record it through the API:
//   export: check in → clear → called → leave the yard → pass the gate → arrive on the other side
//   import: pass the gate (coming in) → check in → clear → called (released) → leave → arrive
// Check-in is by plate camera (most trucks) or by the pass QR at the yard desk; clearance is each
// agency passing its own control (red-channel customs after an inspection); call-forward is the
// server's own rule, run by a dispatcher (bench/peak/dispatcher.ts) like the operator's screen.

const OPEN = ['pending', 'documents_requested', 'inspection'];

function gateOf(ctx: FlowContext, trip: TripRun) {
  const gate = ctx.world.gates?.get(trip.plan.gateId);
  if (!gate) throw new Error(`no yard set up at ${trip.plan.gateId}`);
  return gate;
}

async function yardAction(ctx: FlowContext, trip: TripRun, action: 'leave_yard' | 'pass_gate' | 'arrive', role: string) {
  const client = ctx.officer(trip.plan.gateId, role);
  const res = await send(ctx, () => client.post<{ tripStatus: string }>(`/api/v1/yards/trips/${trip.id}/actions`, { action }, { op: `yard.${action}`, idempotencyKey: `bench-${action}-${trip.id}` }));
  expectStatus(res, 200);
  trip.status = res.body.tripStatus;
  trip.acknowledged.push({ kind: action, id: trip.id! });
}

const checkIn: Step = {
  name: 'check_in',
  unavailable: (api) => (api.has('POST', '/api/v1/yards/camera-readings') && api.has('POST', '/api/v1/yards/{yardId}/check-ins/qr') ? null : 'check-in routes missing'),
  async run(ctx, trip) {
    const gate = gateOf(ctx, trip);
    if (trip.plan.direction === 'import') await yardAction(ctx, trip, 'pass_gate', 'border_guard');
    let outcome: string;
    // Most trucks are read by the entry camera, one in five is scanned at the desk (BENCH_CHECK_IN=camera|qr forces one).
    const mode = ctx.checkIn ?? process.env.BENCH_CHECK_IN ?? 'mixed';
    if (mode === 'camera' || (mode === 'mixed' && trip.plan.seq % 5 !== 0)) {
      const reading = { eventId: `bench-${trip.id}-entry`, cameraId: gate.cameras.entry, yardId: gate.yardId, plate: trip.plan.truck.plate, confidence: 0.97, capturedAt: new Date().toISOString() };
      const res = expectStatus(await send(ctx, () => gate.camera.post<{ outcome: string }>('/api/v1/yards/camera-readings', reading, { op: 'yard.camera_reading' })), 200, 201);
      outcome = res.body.outcome;
    } else {
      const pass = expectStatus(await send(ctx, () => trip.enterprise.client.get<{ token: string }>(`/api/v1/trips/${trip.id}/pass`, { op: 'pass.get' })), 200);
      const operator = ctx.officer(trip.plan.gateId, 'yard_operator');
      const res = expectStatus(await send(ctx, () => operator.post<{ outcome: string }>(`/api/v1/yards/${gate.yardId}/check-ins/qr`, { passToken: pass.body.token }, { op: 'yard.qr_check_in', idempotencyKey: `bench-qr-${trip.id}` })), 200);
      outcome = res.body.outcome;
    }
    if (!['checked_in', 'applied', 'already_in_yard'].includes(outcome)) throw new HttpError(200, `check-in ${outcome}`, `check-in answered ${outcome}`);
    trip.acknowledged.push({ kind: 'checked_in', id: trip.id! });
  },
};

interface ControlView {
  id: string;
  agency: string;
  status: string;
  version: number;
  allowedOutcomes: string[];
}
interface ClearanceView {
  trip: { clearanceStatus: string };
  controls: ControlView[];
}

const clear: Step = {
  name: 'clear',
  unavailable: (api) => (api.has('GET', '/api/v1/clearance/trips/{tripId}') && api.has('POST', '/api/v1/clearance/controls/{controlId}/decisions') ? null : 'clearance routes missing'),
  async run(ctx, trip) {
    const started = performance.now();
    const gate = trip.plan.gateId;
    const read = (role: string) => send(ctx, () => ctx.officer(gate, role).get<ClearanceView>(`/api/v1/clearance/trips/${trip.id}`, { op: 'clearance.trip_view' })).then((r) => expectStatus(r, 200).body);
    let view = await read('customs');
    for (let round = 0; round < 8 && view.trip.clearanceStatus !== 'cleared'; round++) {
      const open = view.controls.filter((c) => OPEN.includes(c.status));
      if (open.length === 0) break;
      for (const control of open) {
        // Each agency decides its own control, from its own view (what it may decide now).
        const mine = (await read(control.agency)).controls.find((c) => c.id === control.id)!;
        if (!OPEN.includes(mine.status)) continue;
        const outcome = mine.allowedOutcomes.includes('pass') ? 'pass' : 'inspect';
        const res = await send(ctx, () =>
          ctx.officer(gate, control.agency).post<ClearanceView>(`/api/v1/clearance/controls/${control.id}/decisions`, { outcome, version: mine.version }, { op: `clearance.${outcome}`, idempotencyKey: `bench-${control.id}-${mine.version}` }),
        );
        if (res.status === 409) continue; // someone else moved it first: read again
        expectStatus(res, 200);
      }
      view = await read('customs');
    }
    if (view.trip.clearanceStatus !== 'cleared') throw new HttpError(200, `clearance ${view.trip.clearanceStatus}`, `clearance ended ${view.trip.clearanceStatus}`);
    ctx.recorder.timing('clearance_done_after_ms', performance.now() - started);
    trip.acknowledged.push({ kind: 'cleared', id: trip.id! });
  },
};

const call: Step = {
  name: 'call',
  unavailable: (api) => (api.has('POST', '/api/v1/yards/call-next') && api.has('GET', '/api/v1/trips/{id}/yard') ? null : 'call-forward routes missing'),
  async run(ctx, trip) {
    const started = performance.now();
    ctx.dispatcher?.wake(trip.plan.gateId, trip.plan.direction);
    await pollUntil(
      async () => {
        const res = expectStatus(await send(ctx, () => trip.enterprise.client.get<{ tripStatus: string }>(`/api/v1/trips/${trip.id}/yard`, { op: 'trip.yard(wait_called)' })), 200);
        trip.status = res.body.tripStatus;
        if (res.body.tripStatus === 'called') return true;
        ctx.dispatcher?.wake(trip.plan.gateId, trip.plan.direction);
        return undefined;
      },
      { timeoutMs: ctx.timeoutMs, intervalMs: 500 },
    );
    ctx.recorder.timing('called_after_ms', performance.now() - started);
  },
};

const cross: Step = {
  name: 'cross',
  unavailable: (api) => (api.has('POST', '/api/v1/yards/trips/{tripId}/actions') ? null : 'crossing routes missing'),
  async run(ctx, trip) {
    await yardAction(ctx, trip, 'leave_yard', 'yard_operator');
    if (trip.plan.direction === 'export') await yardAction(ctx, trip, 'pass_gate', 'border_guard');
    await yardAction(ctx, trip, 'arrive', trip.plan.direction === 'export' ? 'border_guard' : 'yard_operator');
    if (trip.status !== 'completed') await waitForStatus(ctx, trip, (t) => t.status === 'completed', 'trip.get(wait_completed)');
  },
};

export const gateSteps: Step[] = [checkIn, clear, call, cross];
