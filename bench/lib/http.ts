import crypto from 'node:crypto';
import http from 'node:http';
import { assertLocalHost } from './postgres';
import type { Recorder } from './stats';

// A small HTTP/1.1 client over keep-alive sockets (lighter than fetch, so the generator leaves
// the CPU to the server it measures). Targets only this machine.

export interface Response<T = unknown> {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: T;
  text: string;
  ms: number;
}

export interface RequestOptions {
  body?: unknown;
  /** Raw body sent as is (hostile inputs). */
  raw?: string | Buffer;
  headers?: Record<string, string>;
  idempotencyKey?: string;
  /** Operation name for the recorder; omitted → not recorded. */
  op?: string;
  timeoutMs?: number;
}

export class Client {
  readonly host: string;
  readonly port: number;
  private readonly agent: http.Agent;
  auth: string | null = null;
  cookie: string | null = null;

  constructor(
    readonly baseUrl: string,
    private readonly recorder?: Recorder,
    maxSockets = 64,
  ) {
    const url = new URL(baseUrl);
    assertLocalHost(url.hostname);
    this.host = url.hostname;
    this.port = Number(url.port);
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  /** Same server and sockets, another identity. */
  as(auth: { token?: string; cookie?: string }): Client {
    const c = Object.create(this) as Client;
    c.auth = auth.token ? `Bearer ${auth.token}` : null;
    c.cookie = auth.cookie ?? null;
    return c;
  }

  request<T = unknown>(method: string, path: string, options: RequestOptions = {}): Promise<Response<T>> {
    const payload = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (payload !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    if (payload !== undefined) headers['content-length'] = String(Buffer.byteLength(payload));
    if (this.auth) headers.authorization = this.auth;
    if (this.cookie) headers.cookie = this.cookie;
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    const started = performance.now();
    return new Promise<Response<T>>((resolve, reject) => {
      const req = http.request({ host: this.host, port: this.port, method, path, headers, agent: this.agent, timeout: options.timeoutMs ?? 60_000 }, (res) => {
        // An event stream never ends: its status and headers are the answer (live subscribers use sse.ts).
        if ((res.headers['content-type'] ?? '').includes('text/event-stream')) {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: '' as T, text: '', ms: performance.now() - started });
          req.destroy();
          return;
        }
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const ms = performance.now() - started;
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          if ((res.headers['content-type'] ?? '').includes('json') && text) {
            try {
              body = JSON.parse(text);
            } catch {
              body = text;
            }
          }
          const status = res.statusCode ?? 0;
          if (options.op && this.recorder) {
            const code = typeof body === 'object' && body && 'code' in body ? String((body as { code: unknown }).code) : undefined;
            this.recorder.record(options.op, ms, { ok: status < 400, status, code, write: method !== 'GET' });
          }
          resolve({ status, headers: res.headers, body: body as T, text, ms });
        });
      });
      req.on('timeout', () => req.destroy(new Error(`timeout after ${options.timeoutMs ?? 60_000} ms: ${method} ${path}`)));
      req.on('error', (error) => {
        if (options.op && this.recorder) this.recorder.record(options.op, performance.now() - started, { ok: false, status: 0, code: (error as NodeJS.ErrnoException).code ?? 'network', write: method !== 'GET' });
        reject(error);
      });
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  get<T = unknown>(path: string, options?: RequestOptions) {
    return this.request<T>('GET', path, options);
  }
  post<T = unknown>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('POST', path, { ...options, body });
  }
  patch<T = unknown>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('PATCH', path, { ...options, body });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Throws with the problem's code when the status is not the expected one. */
export function expectStatus<T>(res: Response<T>, ...statuses: number[]): Response<T> {
  if (!statuses.includes(res.status)) {
    const code = typeof res.body === 'object' && res.body && 'code' in res.body ? (res.body as { code: string }).code : res.text.slice(0, 300);
    throw new HttpError(res.status, code, `expected ${statuses.join('/')} got ${res.status} ${code}`);
  }
  return res;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const newKey = (prefix: string) => `${prefix}-${crypto.randomUUID()}`;

/** Signs in with a password and returns the session cookie. */
export async function login(client: Client, username: string, password: string): Promise<string> {
  const res = expectStatus(await client.post('/api/v1/auth/login', { username, password }), 200);
  const setCookie = res.headers['set-cookie'] ?? [];
  const session = setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith('cks_session='));
  if (!session) throw new Error(`no session cookie for ${username}`);
  return session;
}
