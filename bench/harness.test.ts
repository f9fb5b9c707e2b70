import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { Client } from './lib/http';
import { pollUntil, runBounded } from './lib/pool';
import { assertLocalHost } from './lib/postgres';
import { subscribe, type SseEvent } from './lib/sse';
import { percentile, Recorder, summarise } from './lib/stats';

// A short smoke of the benchmark harness itself (the benchmarks never run in npm test).

describe('benchmark harness', () => {
  it('computes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100…1, unsorted
    expect(summarise(values)).toMatchObject({ count: 100, p50: 50, p95: 95, p99: 99, max: 100, mean: 50.5 });
    expect(percentile([7], 99)).toBe(7);
    expect(summarise([])).toMatchObject({ count: 0, p99: 0 });
  });

  it('records requests, writes and errors by operation and code', () => {
    const r = new Recorder();
    r.record('trip.create', 10, { ok: true, status: 201, write: true });
    r.record('trip.create', 30, { ok: false, status: 422, code: 'capacity.window_full', write: true });
    r.record('trip.get', 5, { ok: true, status: 200, write: false });
    r.timing('payment_confirmed_after_ms', 900);
    expect(r.requests).toBe(3);
    expect(r.writes).toBe(1);
    expect(r.errors()).toEqual({ 'trip.create': { '422 capacity.window_full': 1 } });
    expect(r.operations()['trip.create']).toMatchObject({ count: 2, errors: 1, max: 30 });
    expect(r.timings().payment_confirmed_after_ms.count).toBe(1);
  });

  it('never runs more than the given concurrency and starts nothing after the deadline', async () => {
    let running = 0;
    let most = 0;
    const result = await runBounded(Array.from({ length: 40 }, (_, i) => i), { concurrency: 4, deadlineMs: 60 }, async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 20));
      running--;
    });
    expect(most).toBe(4);
    expect(result.stoppedByDeadline).toBe(true);
    expect(result.started).toBeLessThan(40);
    await expect(pollUntil(async () => undefined, { timeoutMs: 30, intervalMs: 5 })).rejects.toThrow(/gave up/);
  });

  it('targets only this machine', () => {
    expect(() => assertLocalHost('127.0.0.1')).not.toThrow();
    expect(() => assertLocalHost('example.org')).toThrow(/only targets this machine/);
    expect(() => new Client('http://10.0.0.1:8080')).toThrow(/only targets this machine/);
  });

  it('reads server-sent events split across chunks', async () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(': hello\n\nid: 1\nevent: trip.called\ndata: {"a"');
      setTimeout(() => res.end(':1}\n\nid: 2\ndata: second\n\n'), 20);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const events: SseEvent[] = [];
    const sub = await subscribe(`http://127.0.0.1:${port}/stream`, {}, (e) => events.push(e));
    await sub.closed;
    server.close();
    expect(events.map((e) => [e.id, e.event ?? null, e.data])).toEqual([
      ['1', 'trip.called', '{"a":1}'],
      ['2', null, 'second'],
    ]);
  });
});
