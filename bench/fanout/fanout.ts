import type { Percentiles } from '../lib/stats';

// Fan-out: many open live-board (and driver-page) subscribers, events emitted, and the time from
// each event to its last subscriber. Filled in against the operations stream once it exists.

export interface FanoutReport {
  subscribers: number;
  connected: number;
  events: number;
  /** Per event: time from commit to the last subscriber that received it. */
  toLastSubscriber?: Percentiles;
  /** Every single delivery. */
  perDelivery?: Percentiles;
  missed: number;
  connectSeconds: number;
  notMeasured?: string;
  lines: string[];
}
