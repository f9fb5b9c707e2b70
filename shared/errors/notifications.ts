import type { ErrorCatalog } from './types';

// Composed into plansErrors (shared/errors/plans.ts), which the catalogue already includes.
export const notificationsErrors = {
  'notifications.not_found': { status: 404, vi: 'Không tìm thấy thông báo.', en: 'Notice not found.' },
} as const satisfies ErrorCatalog;
