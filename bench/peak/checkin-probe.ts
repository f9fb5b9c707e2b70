import { runBounded } from '../lib/pool';
import { summarise, type Percentiles } from '../lib/stats';
import type { ServerProcess } from '../lib/server';
import type { PeakProfile, PlannedTrip } from './day';
import { declareStep, payStep, type TripRun } from './flow';
import { prepareDay } from './run-peak';

// Check-in under a burst: paid trucks of one gate arrive at once, half read by the entry camera,
// half scanned at the desk, each sent once (no retry). Isolates the yard's check-in path, where
// every arrival at a yard takes the same locks.

export interface CheckInProbe {
  trucks: number;
  concurrency: number;
  camera: { latency: Percentiles; outcomes: Record<string, number> };
  qr: { latency: Percentiles; outcomes: Record<string, number> };
}

export async function checkInProbe(server: ServerProcess, databaseUrl: string, profile: PeakProfile, trucks = 60, concurrency = 30): Promise<CheckInProbe> {
  const gateId = profile.gates[0].id;
  // Every probe truck is an export truck of the first gate, so they all arrive at one yard.
  const transform = (plan: PlannedTrip[]) => plan.filter((p) => p.direction === 'export').map((p) => ({ ...p, gateId }));
  const day = await prepareDay(server.baseUrl, databaseUrl, profile, { trucks, seed: 77, concurrency, flowTimeoutMs: 120_000, transform });
  day.ctx.dispatcher?.stop();
  const ready: TripRun[] = [];
  await runBounded(day.trips, { concurrency: 8, deadlineMs: 300_000 }, async (t) => {
    await declareStep.run(day.ctx, t);
    await payStep.run(day.ctx, t);
    ready.push(t);
  });
  const gate = day.world.gates?.get(gateId);
  const half = Math.floor(ready.length / 2);
  const result: CheckInProbe = { trucks: ready.length, concurrency, camera: { latency: summarise([]), outcomes: {} }, qr: { latency: summarise([]), outcomes: {} } };
  if (!gate) return result;
  const count = (into: Record<string, number>, key: string) => (into[key] = (into[key] ?? 0) + 1);
  const cameraTimes: number[] = [];
  await runBounded(ready.slice(0, half), { concurrency, deadlineMs: 300_000 }, async (t) => {
    const reading = { eventId: `probe-${t.id}`, cameraId: gate.cameras.entry, yardId: gate.yardId, plate: t.plan.truck.plate, confidence: 0.97, capturedAt: new Date().toISOString() };
    const res = await gate.camera.post<{ outcome?: string; code?: string }>('/api/v1/yards/camera-readings', reading, { timeoutMs: 120_000 }).catch(() => null);
    if (res) cameraTimes.push(res.ms);
    count(result.camera.outcomes, res ? `${res.status} ${res.body.outcome ?? res.body.code ?? ''}`.trim() : 'network');
  });
  const qrTimes: number[] = [];
  const operator = day.ctx.officer(gateId, 'yard_operator');
  await runBounded(ready.slice(half), { concurrency, deadlineMs: 300_000 }, async (t) => {
    const pass = await t.enterprise.client.get<{ token: string }>(`/api/v1/trips/${t.id}/pass`);
    const res = await operator.post<{ outcome?: string; code?: string }>(`/api/v1/yards/${gate.yardId}/check-ins/qr`, { passToken: pass.body.token }, { idempotencyKey: `probe-${t.id}`, timeoutMs: 120_000 }).catch(() => null);
    if (res) qrTimes.push(res.ms);
    count(result.qr.outcomes, res ? `${res.status} ${res.body.outcome ?? res.body.code ?? ''}`.trim() : 'network');
  });
  result.camera.latency = summarise(cameraTimes);
  result.qr.latency = summarise(qrTimes);
  return result;
}
