import type { Capability } from '../platform/capability';

// Market: border-market prices and volumes, daily statistics with exports, leaders view (issue 8).
export const marketCapability: Capability = {
  name: 'market',
};
