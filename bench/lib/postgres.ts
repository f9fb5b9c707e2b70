import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

// A PostgreSQL server of our own for benchmarks and drills: initdb in a temporary directory, on a
// free port of the range reserved for this harness (55450–55459). The drills stop and start it on
// the same port and data directory, which an external server (BENCH_DATABASE_URL) cannot offer.

const run = promisify(execFile);

export interface PgServer {
  /** Connection string of the `postgres` database (admin). */
  adminUrl: string;
  port: number;
  /** Data directory, or null for an external server. */
  dir: string | null;
  bindir: string;
  fsync: boolean;
  external: boolean;
  /** Connection string of another database on the same server. */
  urlFor(database: string): string;
  createDatabase(name: string): Promise<string>;
  /** Stops the server (fast: open connections are terminated, as on a crash of a client). */
  stopServer(): Promise<void>;
  startServer(): Promise<void>;
  version(): Promise<string>;
  /** PID of the postmaster, to sample the CPU of its backends. */
  postmasterPid(): number | null;
  destroy(): Promise<void>;
}

export function postgresBindir(): string {
  const candidates = fs.existsSync('/usr/lib/postgresql')
    ? fs.readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)).map((v) => `/usr/lib/postgresql/${v}/bin`)
    : [];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'initdb')));
  if (!found) throw new Error('PostgreSQL server binaries not found: apt-get install postgresql postgresql-contrib');
  return found;
}

const asRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

async function asPostgres(cmd: string, args: string[]): Promise<string> {
  const [file, argv] = asRoot() ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  const { stdout } = await run(file, argv, { maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

export async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

export async function freePort(from: number, to: number): Promise<number> {
  for (let port = from; port <= to; port++) {
    const lock = `/tmp/cks-bench-port-${port}.lock`;
    if (fs.existsSync(lock)) {
      const owner = Number(fs.readFileSync(lock, 'utf8'));
      if (owner && processAlive(owner)) continue;
    }
    if (await portFree(port)) {
      fs.writeFileSync(lock, String(process.pid));
      return port;
    }
  }
  throw new Error(`no free port between ${from} and ${to}`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface StartOptions {
  /** fsync on (default) is what a deployment runs; off only for quick local runs. */
  fsync?: boolean;
  port?: number;
  sharedBuffers?: string;
}

/** BENCH_DATABASE_URL names an external server; otherwise a fresh one is started. */
export async function startPostgres(options: StartOptions = {}): Promise<PgServer> {
  const external = process.env.BENCH_DATABASE_URL;
  if (external) return externalServer(external);
  const bindir = postgresBindir();
  const port = options.port ?? (await freePort(55450, 55459));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cks-bench-pg-'));
  if (asRoot()) await run('chown', ['postgres', dir]);
  await asPostgres(path.join(bindir, 'initdb'), ['-D', `${dir}/data`, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const fsync = options.fsync ?? true;
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c max_connections=300',
    `-c shared_buffers=${options.sharedBuffers ?? '256MB'}`,
    `-c fsync=${fsync ? 'on' : 'off'}`,
    `-c synchronous_commit=${fsync ? 'on' : 'off'}`,
    '-c max_wal_size=4GB',
    '-c checkpoint_timeout=15min',
  ].join(' ');
  const pgCtl = (...args: string[]) => asPostgres(path.join(bindir, 'pg_ctl'), ['-D', `${dir}/data`, ...args]);
  const start = async () => {
    await pgCtl('-l', `${dir}/log`, '-w', '-t', '60', '-o', settings, 'start');
  };
  await start();
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const server: PgServer = {
    adminUrl,
    port,
    dir,
    bindir,
    fsync,
    external: false,
    urlFor: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    createDatabase: (name) => createDatabase(adminUrl, name),
    stopServer: async () => {
      await pgCtl('-m', 'fast', '-w', 'stop');
    },
    startServer: start,
    version: () => serverVersion(adminUrl),
    postmasterPid: () => {
      try {
        return Number(fs.readFileSync(`${dir}/data/postmaster.pid`, 'utf8').split('\n')[0]) || null;
      } catch {
        return null;
      }
    },
    destroy: async () => {
      await pgCtl('-m', 'immediate', 'stop').catch(() => {});
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(`/tmp/cks-bench-port-${port}.lock`, { force: true });
    },
  };
  return server;
}

function externalServer(url: string): PgServer {
  const parsed = new URL(url);
  assertLocalHost(parsed.hostname);
  const urlFor = (database: string) => {
    const u = new URL(url);
    u.pathname = `/${database}`;
    return u.toString();
  };
  const unsupported = async () => {
    throw new Error('an external server (BENCH_DATABASE_URL) cannot be stopped or started by the harness');
  };
  return {
    adminUrl: url,
    port: Number(parsed.port || 5432),
    dir: null,
    bindir: postgresBindir(),
    fsync: true,
    external: true,
    urlFor,
    createDatabase: (name) => createDatabase(url, name),
    stopServer: unsupported,
    startServer: unsupported,
    version: () => serverVersion(url),
    postmasterPid: () => null,
    destroy: async () => {},
  };
}

export function assertLocalHost(hostname: string): void {
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(hostname)) {
    throw new Error(`the harness only targets this machine, not ${hostname}`);
  }
}

async function createDatabase(adminUrl: string, name: string): Promise<string> {
  if (!/^[a-z0-9_]{1,60}$/.test(name)) throw new Error(`bad database name ${name}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ v: string }>('select version() as v')).rows[0].v;
  } finally {
    await client.end();
  }
}

/** Runs SQL on a database with a short-lived client. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}
