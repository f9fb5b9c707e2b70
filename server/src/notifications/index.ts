import type { Capability } from '../platform/capability';
import { notificationsRoutes } from './notifications.routes';

// In-app notices and the e-mail/SMS outbox, shared by every capability that notifies people.
export const notificationsCapability: Capability = { name: 'notifications', routes: notificationsRoutes };
