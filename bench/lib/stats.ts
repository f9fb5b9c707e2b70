// Latency figures per operation: every sample is kept (a peak day is a few hundred thousand
// requests, small enough to sort), so percentiles are exact rather than bucketed.

export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of sorted values (p in 0–100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function summarise(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((s, v) => s + v, 0);
  const r = (n: number) => Math.round(n * 100) / 100;
  return {
    count: sorted.length,
    p50: r(percentile(sorted, 50)),
    p95: r(percentile(sorted, 95)),
    p99: r(percentile(sorted, 99)),
    max: r(sorted[sorted.length - 1] ?? 0),
    mean: r(sorted.length ? sum / sorted.length : 0),
  };
}

export interface OperationStats extends Percentiles {
  errors: number;
}

/** Records each request's latency and outcome, by operation name. */
export class Recorder {
  private readonly latencies = new Map<string, number[]>();
  private readonly errorCounts = new Map<string, Map<string, number>>();
  requests = 0;
  writes = 0;
  private firstAt = 0;
  private lastAt = 0;

  private readonly waits = new Map<string, number[]>();

  /** A duration that is not one request (e.g. waiting for the bank's confirmation). */
  timing(name: string, ms: number): void {
    const list = this.waits.get(name) ?? [];
    list.push(ms);
    this.waits.set(name, list);
  }

  timings(): Record<string, Percentiles> {
    return Object.fromEntries([...this.waits].sort(([a], [b]) => a.localeCompare(b)).map(([name, values]) => [name, summarise(values)]));
  }

  record(operation: string, ms: number, outcome: { ok: boolean; status: number; code?: string; write: boolean }): void {
    const now = performance.now();
    if (this.requests === 0) this.firstAt = now - ms;
    this.lastAt = now;
    this.requests++;
    if (outcome.write && outcome.ok) this.writes++;
    const list = this.latencies.get(operation) ?? [];
    list.push(ms);
    this.latencies.set(operation, list);
    if (!outcome.ok) {
      const key = `${outcome.status} ${outcome.code ?? ''}`.trim();
      const byCode = this.errorCounts.get(operation) ?? new Map<string, number>();
      byCode.set(key, (byCode.get(key) ?? 0) + 1);
      this.errorCounts.set(operation, byCode);
    }
  }

  /** Time from the first request's start to the last answer, in seconds. */
  elapsedSeconds(): number {
    return this.requests === 0 ? 0 : (this.lastAt - this.firstAt) / 1000;
  }

  operations(): Record<string, OperationStats> {
    const out: Record<string, OperationStats> = {};
    for (const [name, values] of [...this.latencies].sort(([a], [b]) => a.localeCompare(b))) {
      const errors = [...(this.errorCounts.get(name)?.values() ?? [])].reduce((s, n) => s + n, 0);
      out[name] = { ...summarise(values), errors };
    }
    return out;
  }

  errors(): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {};
    for (const [op, byCode] of this.errorCounts) out[op] = Object.fromEntries(byCode);
    return out;
  }

  totalErrors(): number {
    let n = 0;
    for (const byCode of this.errorCounts.values()) for (const c of byCode.values()) n += c;
    return n;
  }
}
