import fs from 'node:fs';

// CPU and memory of a process (and optionally of its children, e.g. the PostgreSQL backends of a
// postmaster) read from /proc, sampled while a benchmark runs. No dependency: /proc/<pid>/stat
// fields 14–15 are user and system time in clock ticks; /proc/<pid>/status has VmRSS.

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export interface CpuMem {
  /** Average CPU over the sampled period, in % of one core (200% = two cores busy). */
  cpuAvgPercent: number;
  cpuMaxPercent: number;
  rssMaxMb: number;
  rssEndMb: number;
  samples: number;
}

function cpuTicks(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces; fields after the closing parenthesis are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Direct children of a process (PostgreSQL backends are children of the postmaster). */
export function childrenOf(pid: number): number[] {
  try {
    const tasks = fs.readdirSync(`/proc/${pid}/task`);
    const out: number[] = [];
    for (const t of tasks) {
      const text = fs.readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim();
      if (text) out.push(...text.split(/\s+/).map(Number));
    }
    return out;
  } catch {
    return [];
  }
}

export interface Sampler {
  stop(): CpuMem;
}

/**
 * Samples every `intervalMs`. With `withChildren` the CPU of children is included, counting
 * children that ended between samples as far as they were seen.
 */
export function sampleProcess(pidOf: () => number | null, options: { intervalMs?: number; withChildren?: boolean } = {}): Sampler {
  const intervalMs = options.intervalMs ?? 500;
  const seen = new Map<number, number>(); // pid → last ticks
  let consumed = 0; // ticks since start
  let lastTotal = 0;
  let lastAt = performance.now();
  const start = lastAt;
  let cpuMax = 0;
  let rssMax = 0;
  let rssEnd = 0;
  let samples = 0;
  const tick = () => {
    const pid = pidOf();
    if (!pid) return;
    const pids = options.withChildren ? [pid, ...childrenOf(pid)] : [pid];
    let rss = 0;
    for (const p of pids) {
      const ticks = cpuTicks(p);
      if (ticks === null) continue;
      const before = seen.get(p);
      consumed += before === undefined ? 0 : Math.max(0, ticks - before);
      seen.set(p, ticks);
      rss += rssKb(p);
    }
    const now = performance.now();
    const deltaTicks = consumed - lastTotal;
    const seconds = (now - lastAt) / 1000;
    if (seconds > 0 && samples > 0) cpuMax = Math.max(cpuMax, (deltaTicks / TICKS_PER_SECOND / seconds) * 100);
    lastTotal = consumed;
    lastAt = now;
    rssMax = Math.max(rssMax, rss);
    rssEnd = rss;
    samples++;
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    stop() {
      tick();
      clearInterval(timer);
      const seconds = (performance.now() - start) / 1000;
      return {
        cpuAvgPercent: round(seconds > 0 ? (consumed / TICKS_PER_SECOND / seconds) * 100 : 0),
        cpuMaxPercent: round(cpuMax),
        rssMaxMb: round(rssMax / 1024),
        rssEndMb: round(rssEnd / 1024),
        samples,
      };
    },
  };
}

const round = (n: number) => Math.round(n * 10) / 10;
