import type { Client } from '../lib/http';

// The yard operator's "call next" while trucks wait: each (gate, direction) is called at most
// every `minIntervalMs`, one request at a time, whenever a waiting truck asks. The server decides
// who is called (queue order, clearance, capacity now); the dispatcher only presses the button.
// Stops with the run; never calls on its own.

export interface Dispatcher {
  wake(gateId: string, direction: string): void;
  stop(): void;
  calls(): number;
}

export function createDispatcher(operatorAt: (gateId: string) => Client, minIntervalMs = 250): Dispatcher {
  const state = new Map<string, { running: boolean; again: boolean; last: number }>();
  let stopped = false;
  let count = 0;
  const run = async (gateId: string, direction: string, s: { running: boolean; again: boolean; last: number }) => {
    s.running = true;
    try {
      while (!stopped) {
        s.again = false;
        const wait = s.last + minIntervalMs - Date.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        s.last = Date.now();
        count++;
        await operatorAt(gateId).post('/api/v1/yards/call-next', { gateId, direction }, { op: 'yard.call_next' }).catch(() => undefined);
        if (!s.again) break;
      }
    } finally {
      s.running = false;
    }
  };
  return {
    wake(gateId, direction) {
      if (stopped) return;
      const key = `${gateId}/${direction}`;
      const s = state.get(key) ?? { running: false, again: false, last: 0 };
      state.set(key, s);
      if (s.running) s.again = true;
      else void run(gateId, direction, s);
    },
    stop() {
      stopped = true;
    },
    calls: () => count,
  };
}
