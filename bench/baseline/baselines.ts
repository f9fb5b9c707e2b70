import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../server/src/config';
import { sampleProcess, type CpuMem } from '../lib/proc-stats';
import { freePort, type PgServer } from '../lib/postgres';
import { sleep } from '../lib/server';

// Baselines measured in the same run, on the same machine and the same PostgreSQL server:
// pgbench (TPC-B-like and a one-row insert) and a minimal route of the same HTTP framework hit by
// autocannon. The product's write rate is then quoted as a fraction of each.

const run = promisify(execFile);

export interface PgbenchResult {
  scale: number;
  clients: number;
  seconds: number;
  tpcbTps: number;
  insertTps: number;
  tpcbLatencyMs: number;
  insertLatencyMs: number;
}

export interface HttpBaseline {
  connections: number;
  seconds: number;
  postRequestsPerSecond: number;
  postLatencyP50Ms: number;
  postLatencyP99Ms: number;
  getRequestsPerSecond: number;
  server: CpuMem;
}

function parseTps(output: string): { tps: number; latency: number } {
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(output) ?? /tps = ([\d.]+)/.exec(output);
  const latency = /latency average = ([\d.]+) ms/.exec(output);
  if (!tps) throw new Error(`pgbench output not understood:\n${output.slice(-500)}`);
  return { tps: Number(tps[1]), latency: latency ? Number(latency[1]) : 0 };
}

export async function runPgbench(pg: PgServer, options: { scale: number; clients: number; seconds: number }): Promise<PgbenchResult> {
  const url = await pg.createDatabase('cks_pgbench');
  const u = new URL(url);
  const bin = path.join(pg.bindir, 'pgbench');
  const conn = ['-h', u.hostname, '-p', u.port || '5432', '-U', u.username || 'postgres'];
  const env = { ...process.env, PGDATABASE: 'cks_pgbench' };
  await run(bin, [...conn, '-i', '-q', '-s', String(options.scale), 'cks_pgbench'], { env, maxBuffer: 64 * 1024 * 1024 });
  const threads = String(Math.max(1, Math.min(options.clients, os.cpus().length)));
  const tpcb = await run(bin, [...conn, '-c', String(options.clients), '-j', threads, '-T', String(options.seconds), 'cks_pgbench'], { env, maxBuffer: 64 * 1024 * 1024 });
  // A one-row insert with a JSON payload and an identity key: the shape of most product writes.
  const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cks-pgbench-')), 'insert.sql');
  fs.writeFileSync(script, "insert into bench_insert (trip, payload) values (:client_id, '{\"type\":\"trip.checked_in\",\"lane\":3}');\n");
  await run(path.join(pg.bindir, 'psql'), [...conn, '-d', 'cks_pgbench', '-q', '-c', 'create table bench_insert (id bigint generated always as identity primary key, trip int not null, at timestamptz not null default now(), payload jsonb not null)'], { env });
  const insert = await run(bin, [...conn, '-n', '-c', String(options.clients), '-j', threads, '-T', String(options.seconds), '-f', script, 'cks_pgbench'], { env, maxBuffer: 64 * 1024 * 1024 });
  const a = parseTps(tpcb.stdout);
  const b = parseTps(insert.stdout);
  return { scale: options.scale, clients: options.clients, seconds: options.seconds, tpcbTps: Math.round(a.tps), insertTps: Math.round(b.tps), tpcbLatencyMs: a.latency, insertLatencyMs: b.latency };
}

interface AutocannonJson {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx?: number;
  errors?: number;
}

async function autocannon(args: string[]): Promise<AutocannonJson> {
  const bin = path.join(repoRoot, 'node_modules', 'autocannon', 'autocannon.js');
  const { stdout } = await run(process.execPath, [bin, '-j', ...args], { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as AutocannonJson;
}

export async function runHttpBaseline(options: { connections: number; seconds: number }): Promise<HttpBaseline> {
  const port = await freePort(55500, 55520);
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'minimal-server.ts'), String(port)], { cwd: repoRoot, stdio: 'ignore' });
  try {
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/ping`)).ok) break;
      } catch {
        await sleep(100);
      }
    }
    const sampler = sampleProcess(() => child.pid ?? null);
    const body = JSON.stringify({ reference: 'CKS-BHN-20260224-0A1B2C', amount: 1_200_000 });
    const post = await autocannon(['-c', String(options.connections), '-d', String(options.seconds), '-m', 'POST', '-H', 'content-type=application/json', '-b', body, `http://127.0.0.1:${port}/echo`]);
    const get = await autocannon(['-c', String(options.connections), '-d', String(Math.max(3, Math.round(options.seconds / 2))), `http://127.0.0.1:${port}/ping`]);
    return {
      connections: options.connections,
      seconds: options.seconds,
      postRequestsPerSecond: Math.round(post.requests.average),
      postLatencyP50Ms: post.latency.p50,
      postLatencyP99Ms: post.latency.p99,
      getRequestsPerSecond: Math.round(get.requests.average),
      server: sampler.stop(),
    };
  } finally {
    child.kill('SIGTERM');
    fs.rmSync(`/tmp/cks-bench-port-${port}.lock`, { force: true });
  }
}
