import type { ErrorCatalog } from './types';

// Errors of the market capability.
export const marketErrors = {} as const satisfies ErrorCatalog;
