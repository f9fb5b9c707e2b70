import type { ErrorCatalog } from './types';

// Errors of the operations capability.
export const operationsErrors = {} as const satisfies ErrorCatalog;
