import { runHttpBaseline, runPgbench } from './baseline/baselines';
import { runFanout } from './fanout/run-fanout';
import { describeMachine } from './lib/machine';
import { startPostgres, withClient, type PgServer } from './lib/postgres';
import { spawnServer, type ServerProcess } from './lib/server';
import { generateHistory, shiftDate } from './national/history';
import { probes, timeQueries } from './national/queries';
import { loadPeakProfile } from './peak/day';
import { localDate, runPeakDay, type PeakOptions } from './peak/run-peak';
import { checkInProbe } from './peak/checkin-probe';
import { writeReport, type BenchReport } from './report';
import { findings } from './findings';

// npm run bench: every benchmark in one run against one real PostgreSQL server, with the
// baselines measured in the same run. Phases and sizes come from the environment:
//   BENCH_PHASES        baseline,checkin,peak,national,fanout (default: all)
//   BENCH_PEAK_TRUCKS   trucks in the peak day (default 1911, domain.md §4)
//   BENCH_CONCURRENCY   trucks in flight (default 32)      BENCH_SEED  generator seed (default 2026)
//   BENCH_SCALE         national history as a fraction of 20,000 trips/day (default 0.05)
//   BENCH_HISTORY_DAYS  days of history (default 365)      BENCH_FANOUT  subscribers (default 2000)
//   BENCH_DEADLINE_MIN  longest a load phase may run (default 20)
//   BENCH_PG_FSYNC      on|off (default on)                BENCH_DATABASE_URL  an existing local server
//   BENCH_CHECK_IN      mixed (4 in 5 trucks by plate camera, 1 by pass QR; default) | camera | qr

const env = process.env;
const num = (name: string, fallback: number) => {
  const v = env[name];
  if (v === undefined || v === '') return fallback;
  const parsed = Number(v);
  if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`${name} must be a non-negative number, got "${v}"`);
  return parsed;
};

const phases = new Set((env.BENCH_PHASES ?? 'baseline,checkin,peak,national,fanout').split(',').map((s) => s.trim()));
const options = {
  peakTrucks: Math.min(20_000, Math.round(num('BENCH_PEAK_TRUCKS', 1911))),
  concurrency: Math.min(256, Math.max(1, Math.round(num('BENCH_CONCURRENCY', 32)))),
  seed: Math.round(num('BENCH_SEED', 2026)),
  scale: Math.min(1, num('BENCH_SCALE', 0.05)),
  historyDays: Math.min(730, Math.max(1, Math.round(num('BENCH_HISTORY_DAYS', 365)))),
  fanout: Math.min(10_000, Math.round(num('BENCH_FANOUT', 2000))),
  deadlineMinutes: Math.min(120, num('BENCH_DEADLINE_MIN', 20)),
  fsync: (env.BENCH_PG_FSYNC ?? 'on') !== 'off',
  checkIn: (env.BENCH_CHECK_IN ?? 'mixed') as 'mixed' | 'camera' | 'qr',
};
if (!['mixed', 'camera', 'qr'].includes(options.checkIn)) throw new Error('BENCH_CHECK_IN must be mixed, camera or qr');

const log = (text: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}`);

async function withServer<T>(databaseUrl: string, work: (server: ServerProcess) => Promise<T>, extraEnv: Record<string, string> = {}): Promise<T> {
  const server = await spawnServer({ databaseUrl, env: extraEnv });
  try {
    return await work(server);
  } finally {
    await server.stop();
  }
}

async function main() {
  log(`phases ${[...phases].join(', ')}; ${JSON.stringify(options)}`);
  const pg: PgServer = await startPostgres({ fsync: options.fsync });
  const version = await pg.version();
  const report: BenchReport = {
    generatedAt: new Date().toISOString(),
    command: `${Object.entries(env).filter(([k]) => k.startsWith('BENCH_') && k !== 'BENCH_DATABASE_URL').map(([k, v]) => `${k}=${v} `).join('')}npm run bench`,
    machine: describeMachine(version),
    database: { version, fsync: pg.fsync, external: pg.external },
    options: { ...options, fsync: options.fsync ? 'on' : 'off' },
    notMeasured: {},
    findings: [],
  };
  log(`PostgreSQL ${report.machine.postgres} on port ${pg.port}; machine ${report.machine.cpuModel} ×${report.machine.cores}`);
  const profile = loadPeakProfile();
  const peakOptions: PeakOptions = { trucks: options.peakTrucks, seed: options.seed, concurrency: options.concurrency, deadlineMs: options.deadlineMinutes * 60_000, flowTimeoutMs: 180_000 };
  try {
    if (phases.has('baseline')) {
      log('baseline: pgbench');
      const pgbench = await runPgbench(pg, { scale: 10, clients: 8, seconds: 15 });
      log(`baseline: pgbench tpcb ${pgbench.tpcbTps} tps, insert ${pgbench.insertTps} tps; minimal Fastify route`);
      const http = await runHttpBaseline({ connections: 32, seconds: 10 });
      log(`baseline: minimal route ${http.postRequestsPerSecond} POST/s`);
      report.baselines = { pgbench, http };
    }
    if (phases.has('checkin')) {
      const url = await pg.createDatabase('cks_bench_checkin');
      log('check-in burst: camera readings and QR scans arriving at once at one yard');
      report.checkIn = await withServer(url, (server) => checkInProbe(server, url, profile, 120, 30));
      log(`check-in burst: camera ${JSON.stringify(report.checkIn.camera.outcomes)}, QR ${JSON.stringify(report.checkIn.qr.outcomes)}`);
    }
    if (phases.has('peak')) {
      const url = await pg.createDatabase('cks_bench_peak');
      log(`peak: ${options.peakTrucks} trucks on an empty database`);
      report.peak = await withServer(url, async (server) => (await runPeakDay(pg, server, url, profile, peakOptions)).report);
      log(`peak: ${report.peak.tripsPerSecond} trips/s, ${report.peak.requestsPerSecond} req/s, ${report.peak.errors} errors`);
    }
    if (phases.has('national')) {
      const url = await pg.createDatabase('cks_bench_national');
      await withServer(url, async () => {}); // migrations and reference data
      const today = localDate(0);
      log(`national: generating ${options.historyDays} days × ${Math.round(20_000 * options.scale)} trips (scale ${options.scale})`);
      const history = await withClient(url, (db) =>
        generateHistory(db, {
          scale: options.scale,
          days: options.historyDays,
          lastDay: shiftDate(today, -1),
          peakGateIds: profile.gates.map((g) => g.id),
          onProgress: (done, of) => done % 30 === 0 && log(`national: ${done}/${of} days`),
        }),
      );
      log(`national: ${history.trips} trips, ${history.databaseSizeMb} MB in ${history.seconds} s; peak day on top`);
      report.national = await withServer(url, async (server) => {
        const run = await runPeakDay(pg, server, url, profile, peakOptions);
        const officers = run.world.officers.get(profile.gates[0].id)!;
        const queryContext = {
          baseUrl: server.baseUrl,
          databaseUrl: url,
          api: run.api,
          adminCookie: run.world.adminCookie,
          customsCookie: officers.get('customs')!.cookie!,
          gateAuthorityCookie: officers.get('gate_authority')!.cookie!,
          gateId: profile.gates[0].id,
          today: run.report.plannedDate,
          yesterday: shiftDate(today, -1),
          monthAgo: shiftDate(today, -30),
          yearAgo: shiftDate(today, -364),
          password: run.world.password,
        };
        const queries = await timeQueries(queryContext, probes(queryContext), 10);
        return { history, peak: run.report, queries };
      });
      log(`national: ${report.national.peak.tripsPerSecond} trips/s over the history`);
    }
    if (phases.has('fanout')) {
      const url = await pg.createDatabase('cks_bench_fanout');
      log(`fan-out: ${options.fanout} subscribers`);
      report.fanout = await withServer(url, (server) => runFanout(server, url, options.fanout));
      if (report.fanout.notMeasured) report.notMeasured.fanout = report.fanout.notMeasured;
    }
    report.comparisons = comparisons(report);
    report.findings = findings(report);
    for (const [step, why] of Object.entries(report.peak?.notMeasured ?? {})) report.notMeasured[`peak step ${step}`] = why;
  } finally {
    await pg.destroy();
  }
  const files = writeReport(report);
  log(`report: ${files.md} and ${files.json}`);
  console.log(`\n${(await import('./report')).markdown(report)}`);
}

function comparisons(r: BenchReport): Record<string, number> {
  const out: Record<string, number> = {};
  const writes = r.peak?.writesPerSecond;
  if (writes && r.baselines?.http) out['product writes/s ÷ minimal Fastify POST/s'] = writes / r.baselines.http.postRequestsPerSecond;
  if (writes && r.baselines?.pgbench) {
    out['product writes/s ÷ pgbench one-row inserts/s'] = writes / r.baselines.pgbench.insertTps;
    out['product writes/s ÷ pgbench TPC-B-like tps'] = writes / r.baselines.pgbench.tpcbTps;
  }
  return out;
}

await main();
process.exit(0);
