import type { Capability } from './platform/capability';
import { notificationsCapability } from './notifications/index';
import { plansCapability } from './plans/index';
import { tripsCapability } from './trips/index';

/** Capabilities beyond the platform core (gates, accounts, audit), in registration order. */
export const capabilities: readonly Capability[] = [notificationsCapability, plansCapability, tripsCapability];
