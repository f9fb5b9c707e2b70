import { Client } from '../lib/http';
import { sampleProcess, type CpuMem } from '../lib/proc-stats';
import { Recorder, type OperationStats, type Percentiles } from '../lib/stats';
import type { PgServer } from '../lib/postgres';
import type { ServerProcess } from '../lib/server';
import { discoverApi, type Api } from './api';
import { generatePeakDay, type PeakProfile, type PlannedTrip } from './day';
import { declareStep, payStep, runFlow, type FlowContext, type Step, type TripRun } from './flow';
import { gateSteps } from './gate-steps';
import { createDispatcher } from './dispatcher';
import { setUpGates } from './gate-setup';
import { setUpWorld, type BenchWorld } from './setup';

// The peak-day phase: set the world up, then replay the day through the HTTP API as fast as the
// server takes it, measuring every request and the server's CPU and memory.

export interface PeakOptions {
  trucks: number;
  seed: number;
  concurrency: number;
  deadlineMs: number;
  flowTimeoutMs: number;
}

export interface PeakReport {
  trucks: number;
  seed: number;
  profileVersion: string;
  concurrency: number;
  plannedDate: string;
  setup: { seconds: number; requests: number };
  elapsedSeconds: number;
  tripsCompleted: number;
  tripsFailed: number;
  failedByStep: Record<string, number>;
  firstErrors: string[];
  tripsPerSecond: number;
  requests: number;
  requestsPerSecond: number;
  writesPerSecond: number;
  errors: number;
  errorsByOperation: Record<string, Record<string, number>>;
  operations: Record<string, OperationStats>;
  /** Waits that are not one request: payment confirmation, clearance, queue. */
  waits: Record<string, Percentiles>;
  measuredSteps: string[];
  notMeasured: Record<string, string>;
  server: CpuMem;
  database: CpuMem;
  stoppedByDeadline: boolean;
}

/** The gate's local date `days` from today (Asia/Ho_Chi_Minh). */
export function localDate(days: number, now = new Date()): string {
  const shifted = new Date(now.getTime() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(shifted);
}

export function flowSteps(): Step[] {
  return [declareStep, payStep, ...gateSteps];
}

export interface PeakRun {
  report: PeakReport;
  world: BenchWorld;
  trips: TripRun[];
  api: Api;
  recorder: Recorder;
}

export interface PreparedDay {
  world: BenchWorld;
  trips: TripRun[];
  ctx: FlowContext;
  recorder: Recorder;
  api: Api;
  plannedDate: string;
}

/** Sets up the world for a generated day and the flow context that replays it. */
export async function prepareDay(
  baseUrl: string,
  databaseUrl: string,
  profile: PeakProfile,
  options: Pick<PeakOptions, 'trucks' | 'seed' | 'concurrency' | 'flowTimeoutMs'> & { transform?: (plan: PlannedTrip[]) => PlannedTrip[] },
): Promise<PreparedDay> {
  const generated = generatePeakDay(profile, { seed: options.seed, trucks: options.trucks });
  const plan = options.transform ? options.transform(generated) : generated;
  const world = await setUpWorld({ baseUrl, databaseUrl, profile, trips: plan, concurrency: options.concurrency });
  const recorder = new Recorder();
  const api = await discoverApi(new Client(baseUrl));
  const byIndex = new Map(world.enterprises.map((e) => [e.index, e]));
  // Clients that record into this run's recorder, on the same sockets.
  const recording = new Client(baseUrl, recorder, options.concurrency * 2);
  for (const e of world.enterprises) e.client = recording.as({ token: e.client.auth!.replace(/^Bearer /, '') });
  for (const byRole of world.officers.values()) for (const [role, c] of byRole) byRole.set(role, recording.as({ cookie: c.cookie! }));
  const volumes = new Map<string, number>();
  for (const p of plan) volumes.set(p.gateId, (volumes.get(p.gateId) ?? 0) + 1);
  const started = performance.now();
  world.gates = await setUpGates(world, api, databaseUrl, profile, volumes);
  world.setupSeconds += (performance.now() - started) / 1000;
  const plannedDate = process.env.BENCH_PLANNED_DATE ?? localDate(Number(process.env.BENCH_PLANNED_IN_DAYS ?? 1));
  const trips: TripRun[] = plan.map((p) => ({ plan: p, enterprise: byIndex.get(p.enterprise)!, plannedDate, acknowledged: [] }));
  const ctx: FlowContext = {
    world,
    api,
    recorder,
    officer: (gateId, role) => world.officers.get(gateId)!.get(role)!,
    timeoutMs: options.flowTimeoutMs,
    // Clients resend what the server refused with 503 (a camera resends its reading, a desk
    // rescans), as a careful client does; every refusal still counts in the figures.
    retry: true,
    dispatcher: createDispatcher((gateId) => world.officers.get(gateId)!.get('yard_operator')!),
  };
  return { world, trips, ctx, recorder, api, plannedDate };
}

export async function runPeakDay(pg: PgServer, server: ServerProcess, databaseUrl: string, profile: PeakProfile, options: PeakOptions): Promise<PeakRun> {
  const { world, trips, ctx, recorder, api, plannedDate } = await prepareDay(server.baseUrl, databaseUrl, profile, options);
  const serverSampler = sampleProcess(() => server.pid);
  const dbSampler = sampleProcess(() => pg.postmasterPid(), { withChildren: true });
  const result = await runFlow(ctx, trips, flowSteps(), { concurrency: options.concurrency, deadlineMs: options.deadlineMs });
  ctx.dispatcher?.stop();
  const serverStats = serverSampler.stop();
  const dbStats = dbSampler.stop();
  const elapsed = result.elapsedSeconds;
  const round = (n: number) => Math.round(n * 100) / 100;
  const report: PeakReport = {
    trucks: trips.length,
    seed: options.seed,
    profileVersion: profile.version,
    concurrency: options.concurrency,
    plannedDate,
    setup: { seconds: round(world.setupSeconds), requests: world.setupRequests },
    elapsedSeconds: round(elapsed),
    tripsCompleted: result.completed,
    tripsFailed: trips.filter((t) => t.failedAt).length,
    failedByStep: result.failedByStep,
    firstErrors: result.pool.firstErrors,
    tripsPerSecond: round(result.completed / elapsed),
    requests: recorder.requests,
    requestsPerSecond: round(recorder.requests / elapsed),
    writesPerSecond: round(recorder.writes / elapsed),
    errors: recorder.totalErrors(),
    errorsByOperation: recorder.errors(),
    operations: recorder.operations(),
    waits: recorder.timings(),
    measuredSteps: result.measuredSteps,
    notMeasured: result.notMeasured,
    server: serverStats,
    database: dbStats,
    stoppedByDeadline: result.pool.stoppedByDeadline,
  };
  return { report, world, trips, api, recorder };
}
