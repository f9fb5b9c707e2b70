import type { ErrorCatalog } from './types';

// Errors of the clearance capability.
export const clearanceErrors = {} as const satisfies ErrorCatalog;
