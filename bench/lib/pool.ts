// Bounded work: at most `concurrency` tasks in flight, and nothing new starts after the deadline.
// Every generator loop in the harness goes through here, so none can run away.

export interface PoolResult {
  started: number;
  finished: number;
  failed: number;
  stoppedByDeadline: boolean;
  firstErrors: string[];
}

export async function runBounded<T>(
  items: readonly T[],
  options: { concurrency: number; deadlineMs: number; stop?: () => boolean },
  work: (item: T, index: number) => Promise<void>,
): Promise<PoolResult> {
  const deadline = Date.now() + options.deadlineMs;
  const result: PoolResult = { started: 0, finished: 0, failed: 0, stoppedByDeadline: false, firstErrors: [] };
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      if (Date.now() > deadline) {
        result.stoppedByDeadline = true;
        return;
      }
      if (options.stop?.()) return;
      const index = next++;
      result.started++;
      try {
        await work(items[index], index);
        result.finished++;
      } catch (error) {
        result.failed++;
        if (result.firstErrors.length < 10) result.firstErrors.push(String((error as Error)?.message ?? error).slice(0, 300));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, items.length)) }, worker));
  return result;
}

/** Repeats `attempt` until it returns a value or the time is up (bounded polling). */
export async function pollUntil<T>(attempt: () => Promise<T | undefined>, options: { timeoutMs: number; intervalMs: number }): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const value = await attempt();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up after ${options.timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, options.intervalMs));
  }
}
