import fs from 'node:fs';
import path from 'node:path';
import type { HttpBaseline, PgbenchResult } from './baseline/baselines';
import type { FanoutReport } from './fanout/fanout';
import type { Machine } from './lib/machine';
import type { HistoryReport } from './national/history';
import type { QueryReport } from './national/queries';
import type { CheckInProbe } from './peak/checkin-probe';
import type { PeakReport } from './peak/run-peak';

// The benchmark's report: one JSON with every figure and a Markdown summary, written as
// bench/reports/latest.{json,md} and a timestamped copy under bench/reports/runs/.

export interface BenchReport {
  generatedAt: string;
  command: string;
  machine: Machine;
  database: { version: string; fsync: boolean; external: boolean };
  options: Record<string, string | number>;
  checkIn?: CheckInProbe;
  peak?: PeakReport;
  national?: { history: HistoryReport; peak: PeakReport; queries: QueryReport };
  fanout?: FanoutReport;
  baselines?: { pgbench?: PgbenchResult; http?: HttpBaseline };
  comparisons?: Record<string, number>;
  notMeasured: Record<string, string>;
  findings: string[];
}

const REPORTS = path.join(import.meta.dirname, 'reports');

export function writeReport(report: BenchReport): { json: string; md: string } {
  fs.mkdirSync(path.join(REPORTS, 'runs'), { recursive: true });
  const stamp = report.generatedAt.replace(/[:.]/g, '-');
  const json = JSON.stringify(report, null, 2);
  const md = markdown(report);
  fs.writeFileSync(path.join(REPORTS, 'latest.json'), `${json}\n`);
  fs.writeFileSync(path.join(REPORTS, 'latest.md'), md);
  fs.writeFileSync(path.join(REPORTS, 'runs', `${stamp}.json`), `${json}\n`);
  fs.writeFileSync(path.join(REPORTS, 'runs', `${stamp}.md`), md);
  return { json: path.join(REPORTS, 'latest.json'), md: path.join(REPORTS, 'latest.md') };
}

const n = (v: number | undefined, digits = 1) => (v === undefined ? '–' : v.toLocaleString('en-US', { maximumFractionDigits: digits }));

function operationsTable(p: PeakReport): string[] {
  const rows = Object.entries(p.operations).map(([op, s]) => `| ${op} | ${s.count} | ${n(s.p50)} | ${n(s.p95)} | ${n(s.p99)} | ${n(s.max)} | ${s.errors} |`);
  const waits = Object.entries(p.waits).map(([w, s]) => `| *${w}* | ${s.count} | ${n(s.p50, 0)} | ${n(s.p95, 0)} | ${n(s.p99, 0)} | ${n(s.max, 0)} | |`);
  return ['| operation | count | p50 ms | p95 ms | p99 ms | max ms | errors |', '|---|---:|---:|---:|---:|---:|---:|', ...rows, ...waits];
}

function peakSection(title: string, p: PeakReport): string[] {
  const errors = Object.entries(p.errorsByOperation).flatMap(([op, byCode]) => Object.entries(byCode).map(([code, count]) => `${op}: ${code} ×${count}`));
  return [
    `## ${title}`,
    '',
    `${p.trucks} trucks (seed ${p.seed}, profile ${p.profileVersion}), planned for ${p.plannedDate}, ${p.concurrency} in flight; steps measured: ${p.measuredSteps.join(' → ')}.`,
    '',
    `- **${n(p.tripsPerSecond, 2)} trips/s** (${p.tripsCompleted} completed, ${p.tripsFailed} failed) in ${n(p.elapsedSeconds)} s`,
    `- **${n(p.requestsPerSecond)} requests/s**, of which ${n(p.writesPerSecond)} writes/s; ${p.requests} requests, ${p.errors} errors${errors.length ? ` (${errors.slice(0, 8).join('; ')})` : ''}`,
    `- server: CPU ${n(p.server.cpuAvgPercent)}% average, ${n(p.server.cpuMaxPercent)}% peak (100% = one core); memory ${n(p.server.rssMaxMb)} MB peak RSS`,
    `- PostgreSQL (all backends): CPU ${n(p.database.cpuAvgPercent)}% average, ${n(p.database.cpuMaxPercent)}% peak`,
    `- setup (gates, ${p.trucks} trucks and drivers, accounts, tokens): ${p.setup.requests} requests in ${n(p.setup.seconds)} s (not in the figures above)`,
    ...Object.entries(p.notMeasured).map(([step, why]) => `- not measured: ${step} (${why})`),
    ...(p.firstErrors.length ? [`- first errors: ${p.firstErrors.slice(0, 3).join(' | ')}`] : []),
    '',
    ...operationsTable(p),
    '',
  ];
}

export function markdown(r: BenchReport): string {
  const m = r.machine;
  const out: string[] = [
    '# Benchmark report',
    '',
    `Generated ${r.generatedAt} by \`${r.command}\`.`,
    '',
    `Machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGb} GB RAM, ${m.os} (kernel ${m.kernel}), Node ${m.node}, ${m.postgres} (fsync ${r.database.fsync ? 'on' : 'off'}${r.database.external ? ', external server' : ''}). Load average when the run started: ${m.loadAverageAtStart}.`,
    '',
    `Options: ${Object.entries(r.options).map(([k, v]) => `${k}=${v}`).join(', ')}.`,
    '',
  ];
  if (r.checkIn) {
    const c = r.checkIn;
    const line = (label: string, x: CheckInProbe['camera']) => `| ${label} | ${Object.entries(x.outcomes).map(([k, v]) => `${k} ×${v}`).join(', ')} | ${n(x.latency.p50)} | ${n(x.latency.p95)} | ${n(x.latency.max)} |`;
    out.push(
      '## Check-in burst',
      '',
      `${c.trucks} paid export trucks arrive at one yard at once (${c.concurrency} at a time), half read by the entry camera, half scanned at the desk; each request sent once.`,
      '',
      '| path | answers | p50 ms | p95 ms | max ms |',
      '|---|---|---:|---:|---:|',
      line('camera reading', c.camera),
      line('pass QR at the desk', c.qr),
      '',
    );
  }
  if (r.peak) out.push(...peakSection('Peak day (empty database)', r.peak));
  if (r.national) {
    const h = r.national.history;
    out.push(
      '## National scale',
      '',
      `History: ${h.days} days × ${n(h.tripsPerDay, 0)} trips/day (scale ${h.scale} of 20,000/day) = ${n(h.trips, 0)} trips; ${Object.entries(h.rows).map(([t, c]) => `${t} ${n(c, 0)}`).join(', ')}; database ${n(h.databaseSizeMb, 0)} MB; generated in ${h.seconds} s (${n(h.rowsPerSecond, 0)} rows/s).`,
      ...h.capability.notes.map((note) => `- ${note}`),
      '',
      ...peakSection('Peak day on top of the history', r.national.peak).slice(2),
      '### Queries over the history',
      '',
      '| query | p50 ms | p95 ms | max ms | runs | answer bytes |',
      '|---|---:|---:|---:|---:|---:|',
      ...Object.entries(r.national.queries.timings).map(([q, t]) => `| ${q} | ${n(t.p50)} | ${n(t.p95)} | ${n(t.max)} | ${t.count} | ${n(t.bytes, 0)} |`),
      ...Object.entries(r.national.queries.notMeasured).map(([q, why]) => `\nNot measured: ${q} (${why}).`),
      '',
    );
  }
  if (r.fanout) {
    const f = r.fanout;
    out.push('## Fan-out', '', ...f.lines, '');
  }
  if (r.baselines) {
    const { pgbench, http } = r.baselines;
    out.push('## Baselines (same run, same machine)', '');
    if (pgbench) out.push(`- pgbench scale ${pgbench.scale}, ${pgbench.clients} clients, ${pgbench.seconds} s: TPC-B-like **${n(pgbench.tpcbTps, 0)} tps** (${pgbench.tpcbLatencyMs} ms), one-row insert **${n(pgbench.insertTps, 0)} tps** (${pgbench.insertLatencyMs} ms)`);
    if (http) out.push(`- minimal Fastify route (same framework version), autocannon ${http.connections} connections, ${http.seconds} s: POST with JSON schema **${n(http.postRequestsPerSecond, 0)} req/s** (p50 ${http.postLatencyP50Ms} ms, p99 ${http.postLatencyP99Ms} ms), GET ${n(http.getRequestsPerSecond, 0)} req/s`);
    out.push('');
  }
  if (r.comparisons && Object.keys(r.comparisons).length) {
    out.push('### The product as a fraction of the baselines', '', ...Object.entries(r.comparisons).map(([k, v]) => `- ${k}: **${(v * 100).toFixed(2)}%**`), '');
  }
  if (Object.keys(r.notMeasured).length) out.push('## Not measured', '', ...Object.entries(r.notMeasured).map(([k, v]) => `- ${k}: ${v}`), '');
  if (r.findings.length) out.push('## Findings', '', ...r.findings.map((f) => `- ${f}`), '');
  return `${out.join('\n')}\n`;
}
