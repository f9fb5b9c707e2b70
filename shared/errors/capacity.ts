import type { ErrorCatalog } from './types';

// Errors of the capacity capability.
export const capacityErrors = {} as const satisfies ErrorCatalog;
