import type { Capability } from './capability';
import type { AppServices } from './context';

/** Runs every capability's jobs on their interval; a failing run is logged and retried next time. */
export function startJobs(services: AppServices, capabilities: readonly Capability[]): () => void {
  const timers: NodeJS.Timeout[] = [];
  for (const job of capabilities.flatMap((c) => c.jobs ?? [])) {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      job
        .run(services)
        .catch((error) => services.log.error({ err: error, job: job.name }, 'job failed'))
        .finally(() => (running = false));
    }, job.everyMs);
    timer.unref();
    timers.push(timer);
  }
  return () => timers.forEach(clearInterval);
}
