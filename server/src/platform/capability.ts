import type { Db } from '../db/connect';
import type { AppServices } from './context';
import type { App } from './types';

/** A periodic task (expiry, reminders). Must be safe when several server processes run it. */
export interface Job {
  name: string;
  everyMs: number;
  run(services: AppServices): Promise<void>;
}

/**
 * What a capability plugs into the platform: its routes, its reference or demo data and its
 * periodic jobs. Capabilities are listed once, in capabilities.ts.
 */
export interface Capability {
  name: string;
  routes?: (app: App) => Promise<void>;
  seed?: (db: Db, options: { demo: boolean }) => Promise<string>;
  jobs?: Job[];
}
