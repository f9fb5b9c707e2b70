import type { ErrorCatalog } from './types';

// Errors of the yards capability.
export const yardsErrors = {} as const satisfies ErrorCatalog;
