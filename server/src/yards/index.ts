import type { Capability } from '../platform/capability';

// Yards: yards, check-in/out by camera, QR or hand, the queue, call-forward, crossing events, measured waits, offline sync (issue 6).
export const yardsCapability: Capability = {
  name: 'yards',
};
