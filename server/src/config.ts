import path from 'node:path';
import { envInt, envBool } from './platform/env';

// Configuration comes only from the environment; every value is validated here so a typo
// fails at start-up with a clear message instead of misbehaving later.
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  logLevel: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  secureCookies: boolean;
  bodyLimitBytes: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  seedDemo: boolean;
  webDistDir: string;
}

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new Error(`LOG_LEVEL "${logLevel}" is not a pino level`);
  }
  return {
    port: envInt(env, 'PORT', 8080, 0, 65535),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? path.join(repoRoot, 'data')),
    databaseUrl,
    logLevel,
    sessionIdleMinutes: envInt(env, 'SESSION_IDLE_MINUTES', 60, 1, 24 * 60),
    sessionAbsoluteHours: envInt(env, 'SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 30),
    secureCookies: envBool(env, 'SECURE_COOKIES', false),
    bodyLimitBytes: envInt(env, 'BODY_LIMIT_BYTES', 1_048_576, 1024, 100 * 1_048_576),
    loginMaxFailures: envInt(env, 'LOGIN_MAX_FAILURES', 5, 1, 100),
    loginLockMinutes: envInt(env, 'LOGIN_LOCK_MINUTES', 15, 1, 24 * 60),
    seedDemo: envBool(env, 'SEED_DEMO', true),
    webDistDir: path.resolve(env.WEB_DIST_DIR ?? path.join(repoRoot, 'web', 'dist')),
  };
}
