import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config';
import type { Db, Listen } from '../db/connect';
import type { Actor } from './actor';

/** Long-lived parts shared by every request. */
export interface AppServices {
  db: Db;
  dbKind: 'pglite' | 'postgres';
  /** LISTEN/NOTIFY on the same database (wakes event readers in every server process). */
  listen: Listen;
  config: Config;
  log: FastifyBaseLogger;
  now: () => Date;
}

/** What a service call knows about the request it serves. */
export interface RequestContext {
  app: AppServices;
  actor: Actor;
  requestId: string;
  ip?: string;
}
