import type { ErrorCatalog } from './types';

export const tripsErrors = {} as const satisfies ErrorCatalog;
