import type { Capability } from './platform/capability';
import { capacityCapability } from './capacity/index';
import { clearanceCapability } from './clearance/index';
import { marketCapability } from './market/index';
import { noticesCapability } from './notices/index';
import { notificationsCapability } from './notifications/index';
import { operationsCapability } from './operations/index';
import { plansCapability } from './plans/index';
import { tripsCapability } from './trips/index';
import { yardsCapability } from './yards/index';

/** Capabilities beyond the platform core (gates, accounts, audit), in registration order. */
export const capabilities: readonly Capability[] = [
  notificationsCapability,
  plansCapability,
  tripsCapability,
  capacityCapability,
  yardsCapability,
  clearanceCapability,
  operationsCapability,
  noticesCapability,
  marketCapability,
];
