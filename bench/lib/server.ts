import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../../server/src/config';
import { freePort } from './postgres';

// The product as a child process, started the way `npm start` starts it (tsx server/src/main.ts),
// so its CPU and memory are its own and a drill can SIGKILL it. `node --import tsx` runs the
// server in this very process id (the tsx CLI would add a wrapper process in between).

export interface ServerProcess {
  pid: number;
  port: number;
  baseUrl: string;
  child: ChildProcess;
  /** Last lines of its output, for the report when it fails. */
  tail(): string;
  /** Bytes the server wrote to stdout and stderr (its log). */
  outputBytes(): number;
  exited: Promise<number | null>;
  /** SIGTERM and wait (graceful shutdown). */
  stop(): Promise<void>;
  /** SIGKILL: the process dies on the spot. */
  kill9(): Promise<void>;
}

export interface SpawnOptions {
  databaseUrl: string;
  port?: number;
  env?: Record<string, string>;
  /** Max wait for /healthz to answer 200. */
  readyTimeoutMs?: number;
  label?: string;
}

export async function spawnServer(options: SpawnOptions): Promise<ServerProcess> {
  const port = options.port ?? (await freePort(55460, 55499));
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    DATABASE_URL: options.databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'true',
    // Confirmations from the simulated bank every second: the flow waits for them like a client would.
    PAYMENTS_AUTO_PROCESS_SECONDS: '1',
    DATABASE_POOL_MAX: process.env.BENCH_POOL_MAX ?? '10',
    DATA_DIR: path.join(repoRoot, 'data', 'bench-unused'),
    ...options.env,
  };
  delete env.TEST_DATABASE_URL;
  // BENCH_SERVER_NODE_ARGS: extra Node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.join(repoRoot, 'server', 'src', 'main.ts')], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let outputBytes = 0;
  const keep = (chunk: Buffer) => {
    outputBytes += chunk.length;
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(line.slice(0, 2000));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
  const baseUrl = `http://127.0.0.1:${port}`;
  const proc: ServerProcess = {
    pid: child.pid!,
    port,
    baseUrl,
    child,
    tail: () => lines.slice(-80).join('\n'),
    outputBytes: () => outputBytes,
    exited,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
    kill9: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
  await waitHealthy(proc, options.readyTimeoutMs ?? 180_000, options.label ?? 'server');
  return proc;
}

export async function waitHealthy(proc: ServerProcess, timeoutMs: number, label: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void proc.exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`${label} exited with ${exitCode} before it was ready:\n${proc.tail()}`);
    try {
      const res = await fetch(`${proc.baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  await proc.kill9();
  throw new Error(`${label} not healthy after ${timeoutMs} ms:\n${proc.tail()}`);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
