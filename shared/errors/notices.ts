import type { ErrorCatalog } from './types';

// Errors of the notices capability.
export const noticesErrors = {} as const satisfies ErrorCatalog;
