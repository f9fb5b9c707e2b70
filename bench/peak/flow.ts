import { expectStatus, HttpError, type Client, type Response } from '../lib/http';
import { pollUntil, runBounded, type PoolResult } from '../lib/pool';
import type { Recorder } from '../lib/stats';
import type { Api } from './api';
import type { Dispatcher } from './dispatcher';
import type { PlannedTrip } from './day';
import type { BenchEnterprise, BenchWorld } from './setup';

// One truck's day as a chain of small steps (declare → pay → check in → clear → call → cross),
// each a function over the HTTP API. A step says whether the server offers it; missing steps are
// skipped and reported "not measured", never simulated.

export interface TripRun {
  plan: PlannedTrip;
  enterprise: BenchEnterprise;
  plannedDate: string;
  id?: string;
  reference?: string;
  version?: number;
  outstanding?: number;
  status?: string;
  /** Ids the server acknowledged with a 2xx (the drills' ledger). */
  acknowledged: Array<{ kind: string; id: string; key?: string }>;
  failedAt?: string;
  error?: string;
  /** Went through every measured step. */
  done?: boolean;
}

export interface FlowContext {
  world: BenchWorld;
  api: Api;
  recorder: Recorder;
  /** Officers' sessions at the trip's gate. */
  officer(gateId: string, role: string): Client;
  /** Longest wait for an asynchronous outcome (payment confirmation, clearance). */
  timeoutMs: number;
  /**
   * Drills: retry network failures and 503s as a careful client does (same Idempotency-Key),
   * until the timeout. The benchmark leaves it off so every failure shows in its figures.
   */
  retry?: boolean;
  onRetry?: (reason: string) => void;
  /** Presses "call next" for trucks waiting to be called (gate steps). */
  dispatcher?: Dispatcher;
  /** How trucks check in: mixed (4 in 5 by camera, the rest by QR), camera or qr. */
  checkIn?: 'mixed' | 'camera' | 'qr';
}

/** Sends a request; with ctx.retry, network failures and 503 are retried until the timeout. */
export async function send<T>(ctx: FlowContext, attempt: () => Promise<Response<T>>): Promise<Response<T>> {
  if (!ctx.retry) return attempt();
  const deadline = Date.now() + ctx.timeoutMs;
  for (let delay = 200; ; delay = Math.min(delay * 2, 2000)) {
    try {
      const res = await attempt();
      if (res.status !== 503 || Date.now() > deadline) return res;
      ctx.onRetry?.('503');
    } catch (error) {
      if (Date.now() > deadline) throw error;
      ctx.onRetry?.((error as NodeJS.ErrnoException).code ?? 'network');
    }
    await new Promise((r) => setTimeout(r, delay));
  }
}

export interface Step {
  name: string;
  /** null when available; otherwise why it is not measured. */
  unavailable(api: Api): string | null;
  run(ctx: FlowContext, trip: TripRun): Promise<void>;
}

interface Problem {
  code: string;
  alternatives?: Array<{ date: string; from: string; to: string }>;
}

interface TripBody {
  id: string;
  reference: string;
  version: number;
  status: string;
  clearanceStatus: string;
  fee: { total: number | null; outstanding: number };
  allowedActions: string[];
}

export function tripRequest(trip: TripRun) {
  const p = trip.plan;
  const c = p.cargo;
  const documents: Array<{ kind: string; number: string }> = [{ kind: 'customs_declaration', number: `30${String(7_000_000_000 + p.seq).padStart(10, '0')}` }];
  if (c.fruit && p.direction === 'export') documents.push({ kind: 'phytosanitary_certificate', number: `KDTV-${String(p.seq).padStart(6, '0')}` });
  if (p.direction === 'export') documents.push({ kind: 'certificate_of_origin_form_e', number: `VN-CN 26/02/${String(151800 + p.seq).padStart(7, '0')}` });
  return {
    direction: p.direction,
    gateId: p.gateId,
    plannedDate: trip.plannedDate,
    window: p.window,
    vehicleId: undefined as string | undefined,
    driverId: undefined as string | undefined,
    containers: p.truck.containerNumber ? [{ number: p.truck.containerNumber, size: p.truck.containerSize! }] : [],
    cargoLines: [
      {
        hsCode: c.hsCode,
        description: c.description,
        packages: c.packages,
        packageKind: c.packageKind,
        quantity: c.netWeightKg,
        unit: 'KGM',
        grossWeightKg: c.grossWeightKg,
        declaredValue: c.declaredValueUsd,
        currency: 'USD',
        origin: p.direction === 'export' ? 'VN' : 'CN',
        perishable: c.fruit,
        ...(c.growingAreaCode ? { growingAreaCode: c.growingAreaCode, packingHouseCode: c.packingHouseCode } : {}),
      },
    ],
    documents,
    options: c.fruit ? { disinfection: true } : {},
  };
}

function remember(trip: TripRun, body: TripBody) {
  trip.id = body.id;
  trip.reference = body.reference;
  trip.version = body.version;
  trip.status = body.status;
  trip.outstanding = body.fee.outstanding;
}

/** Declare: save the declaration, then submit it (every check at once; the fee is fixed). */
export const declareStep: Step = {
  name: 'declare',
  unavailable: (api) => (api.has('POST', '/api/v1/trips') && api.has('POST', '/api/v1/trips/{id}/submit') ? null : 'trip routes missing'),
  async run(ctx, trip) {
    const client = trip.enterprise.client;
    const body = { ...tripRequest(trip), vehicleId: ctx.world.vehicleIds.get(trip.plan.seq), driverId: ctx.world.driverIds.get(trip.plan.seq) };
    const key = `bench-trip-${trip.plan.seq}-${trip.plannedDate}`;
    const created = expectStatus(await send(ctx, () => client.post<TripBody>('/api/v1/trips', body, { op: 'trip.create', idempotencyKey: key })), 201);
    remember(trip, created.body);
    trip.acknowledged.push({ kind: 'trip', id: created.body.id, key });
    let submitted = await send(ctx, () => client.post<TripBody>(`/api/v1/trips/${trip.id}/submit`, { version: trip.version }, { op: 'trip.submit' }));
    if (submitted.status === 409 && ctx.retry) {
      // A retry after an unknown outcome: the first attempt may have committed. Read the trip.
      submitted = expectStatus(await send(ctx, () => client.get<TripBody>(`/api/v1/trips/${trip.id}`, { op: 'trip.get' })), 200);
      if (submitted.body.status === 'draft') submitted = await send(ctx, () => client.post<TripBody>(`/api/v1/trips/${trip.id}/submit`, { version: submitted.body.version }, { op: 'trip.submit' }));
    }
    // A full window: take the nearest free window the refusal offers, as the declaration form
    // does, and submit again (bounded).
    for (let attempt = 0; attempt < 3 && submitted.status >= 400 && (submitted.body as unknown as Problem).code === 'capacity.window_full'; attempt++) {
      const alternative = (submitted.body as unknown as Problem).alternatives?.[0];
      if (!alternative) break;
      const moved = expectStatus(
        await send(ctx, () => client.patch<TripBody>(`/api/v1/trips/${trip.id}`, { version: trip.version, plannedDate: alternative.date, window: { from: alternative.from, to: alternative.to } }, { op: 'trip.move_window' })),
        200,
      );
      remember(trip, moved.body);
      trip.plannedDate = alternative.date;
      submitted = await send(ctx, () => client.post<TripBody>(`/api/v1/trips/${trip.id}/submit`, { version: trip.version }, { op: 'trip.submit' }));
    }
    expectStatus(submitted, 200);
    remember(trip, submitted.body);
    trip.acknowledged.push({ kind: 'submitted', id: trip.id! });
  },
};

/** Pay: one charge with an idempotency key, then wait for the bank's confirmation like a client. */
export const payStep: Step = {
  name: 'pay',
  unavailable: (api) => (api.has('POST', '/api/v1/trips/{id}/payments') ? null : 'payment route missing'),
  async run(ctx, trip) {
    if (trip.status === 'paid' || (trip.outstanding ?? 0) <= 0) return;
    const client = trip.enterprise.client;
    const key = `bench-pay-${trip.id}`;
    const started = performance.now();
    const amount = trip.outstanding;
    const paid = await send(ctx, () => client.post<{ id: string }>(`/api/v1/trips/${trip.id}/payments`, { amount, payerAccount: trip.enterprise.payerAccount }, { op: 'payment.create', idempotencyKey: key }));
    expectStatus(paid, 201);
    trip.acknowledged.push({ kind: 'payment', id: paid.body.id, key });
    await waitForStatus(ctx, trip, (t) => t.status === 'paid' && t.fee.outstanding <= 0, 'trip.get(wait_paid)');
    ctx.recorder.timing('payment_confirmed_after_ms', performance.now() - started);
  },
};

/** Polls the trip (as its enterprise) until `done`; bounded by the flow's timeout. */
export async function waitForStatus(ctx: FlowContext, trip: TripRun, done: (t: TripBody) => boolean, op: string, client = trip.enterprise.client): Promise<TripBody> {
  return pollUntil(
    async () => {
      const res = expectStatus(await send(ctx, () => client.get<TripBody>(`/api/v1/trips/${trip.id}`, { op })), 200);
      remember(trip, res.body);
      return done(res.body) ? res.body : undefined;
    },
    { timeoutMs: ctx.timeoutMs, intervalMs: 500 },
  );
}

export interface FlowResult {
  trips: TripRun[];
  pool: PoolResult;
  completed: number;
  failedByStep: Record<string, number>;
  measuredSteps: string[];
  notMeasured: Record<string, string>;
  elapsedSeconds: number;
}

/** Replays the day as fast as possible, at most `concurrency` trucks in flight. */
export async function runFlow(
  ctx: FlowContext,
  trips: TripRun[],
  steps: Step[],
  options: { concurrency: number; deadlineMs: number; stop?: () => boolean },
): Promise<FlowResult> {
  const measured = steps.filter((s) => s.unavailable(ctx.api) === null);
  const notMeasured = Object.fromEntries(steps.filter((s) => s.unavailable(ctx.api) !== null).map((s) => [s.name, s.unavailable(ctx.api)!]));
  const started = performance.now();
  const failedByStep: Record<string, number> = {};
  const pool = await runBounded(trips, options, async (trip) => {
    for (const step of measured) {
      try {
        await step.run(ctx, trip);
      } catch (error) {
        trip.failedAt = step.name;
        trip.error = error instanceof HttpError ? `${error.status} ${error.code}` : String((error as Error).message ?? error).slice(0, 200);
        failedByStep[step.name] = (failedByStep[step.name] ?? 0) + 1;
        throw error;
      }
    }
    trip.done = true;
  });
  return {
    trips,
    pool,
    completed: trips.filter((t) => t.done).length,
    failedByStep,
    measuredSteps: measured.map((s) => s.name),
    notMeasured,
    elapsedSeconds: (performance.now() - started) / 1000,
  };
}
