import type { Capability } from '../platform/capability';
import { expireNotices } from './expire-notices';
import { noticesRoutes } from './notices.routes';
import { seedNotices } from './seed';

// Notices: the authority's notices in three languages (closures, holiday hours, fruit-only days) (issue 8).
export const noticesCapability: Capability = {
  name: 'notices',
  routes: noticesRoutes,
  seed: seedNotices,
  jobs: [{ name: 'notices.expiry', everyMs: 60_000, run: async (s) => void (await expireNotices(s.db, s.now())) }],
};
