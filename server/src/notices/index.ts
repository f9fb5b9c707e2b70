import type { Capability } from '../platform/capability';

// Notices: the authority's notices in three languages (closures, holiday hours, fruit-only days) (issue 8).
export const noticesCapability: Capability = {
  name: 'notices',
};
