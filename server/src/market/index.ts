import type { Capability } from '../platform/capability';
import { marketRoutes } from './market.routes';
import { seedMarket } from './seed';
import { refreshStatisticsRollup } from './statistics/rollup';
import { statisticsRoutes } from './statistics/statistics.routes';

// Market: border-market prices and volumes, daily statistics with exports, leaders view (issue 8).
export const marketCapability: Capability = {
  name: 'market',
  routes: async (app) => {
    await app.register(marketRoutes);
    await app.register(statisticsRoutes);
  },
  seed: seedMarket,
  // Keeps the daily statistics rollup within a minute or two of the records (readers stay exact).
  jobs: [{ name: 'statistics.rollup', everyMs: 60_000, run: async (s) => void (await refreshStatisticsRollup(s)) }],
};
