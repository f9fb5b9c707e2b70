import type { Capability } from '../platform/capability';

// Operations: event hub and live board, congestion levels, public congestion feed, warnings and webhooks (issue 8).
export const operationsCapability: Capability = {
  name: 'operations',
};
