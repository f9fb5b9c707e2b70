import type { ErrorCatalog } from './types';

export const plansErrors = {} as const satisfies ErrorCatalog;
