import type { Permission } from '../../../shared/roles';
import { recordAudit } from '../audit/audit.repository';
import { buildActor, requireAuthenticated, type AuthenticatedActor } from '../platform/actor';
import type { AppServices, RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';
import * as repo from './auth.repository';
import { assertPasswordPolicy, dummyPasswordHash, hashPassword, verifyPassword } from './passwords';
import { digest, newSecret } from './secrets';
import { assertNotThrottled, clearFailures, recordFailure } from './throttle';

export const SESSION_COOKIE = 'cks_session';
const TOKEN_PREFIX = 'cks_';
// Writing last_seen on every request would turn each read into a write.
const TOUCH_INTERVAL_MS = 60_000;

export interface LoginResult {
  cookieValue: string;
  expiresAt: Date;
  actor: AuthenticatedActor;
}

export async function login(
  ctx: RequestContext,
  input: { username: string; password: string; userAgent?: string },
): Promise<LoginResult> {
  const { app } = ctx;
  const username = input.username.trim().toLowerCase();
  await assertNotThrottled(app, username, ctx.ip);
  const user = await repo.findUser(app.db, { username });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !ok || !user.active) {
    await recordFailure(app, username, ctx.ip);
    throw new AppError('auth.invalid_credentials');
  }
  await clearFailures(app, username);
  const cookieValue = newSecret('');
  const now = app.now();
  const expiresAt = new Date(now.getTime() + app.config.sessionAbsoluteHours * 3_600_000);
  const sessionId = await app.db.transaction().execute(async (tx) => {
    const id = await repo.insertSession(tx, {
      tokenHash: digest(cookieValue),
      userId: user.id,
      now,
      expiresAt,
      ip: ctx.ip,
      userAgent: input.userAgent,
    });
    const actor = buildActor(user, { sessionId: id });
    await recordAudit(tx, actor, ctx.requestId, { action: 'auth.login', entityType: 'user', entityId: user.id });
    return id;
  });
  return { cookieValue, expiresAt, actor: buildActor(user, { sessionId }) };
}

/** Returns the actor for a session cookie, or null when it is unknown, revoked or expired. */
export async function resolveSession(app: AppServices, cookieValue: string): Promise<AuthenticatedActor | null> {
  const session = await repo.findSessionByHash(app.db, digest(cookieValue));
  const now = app.now();
  if (!session || session.revoked_at) return null;
  const idleLimit = session.last_seen_at.getTime() + app.config.sessionIdleMinutes * 60_000;
  if (session.expires_at <= now || idleLimit <= now.getTime()) return null;
  const user = await repo.findUser(app.db, { id: session.user_id });
  if (!user || !user.active) return null;
  if (now.getTime() - session.last_seen_at.getTime() > TOUCH_INTERVAL_MS) {
    await repo.touchSession(app.db, session.id, now);
  }
  return buildActor(user, { sessionId: session.id });
}

export async function resolveToken(app: AppServices, bearer: string): Promise<AuthenticatedActor> {
  if (!bearer.startsWith(TOKEN_PREFIX)) throw new AppError('auth.token_invalid');
  const token = await repo.findTokenByHash(app.db, digest(bearer));
  const now = app.now();
  if (!token || token.revoked_at || (token.expires_at && token.expires_at <= now)) {
    throw new AppError('auth.token_invalid');
  }
  const user = await repo.findUser(app.db, { id: token.user_id });
  if (!user || !user.active) throw new AppError('auth.token_invalid');
  if (!token.last_used_at || now.getTime() - token.last_used_at.getTime() > TOUCH_INTERVAL_MS) {
    await app.db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', token.id).execute();
  }
  return buildActor(user, { tokenId: token.id, scopes: token.scopes as Permission[] });
}

export function newApiTokenSecret(): string {
  return newSecret(TOKEN_PREFIX);
}

export async function logout(ctx: RequestContext): Promise<void> {
  const actor = requireAuthenticated(ctx.actor);
  if (!actor.sessionId) return;
  await ctx.app.db.transaction().execute(async (tx) => {
    await repo.revokeSessions(tx, { id: actor.sessionId! }, ctx.app.now());
    await recordAudit(tx, actor, ctx.requestId, { action: 'auth.logout', entityType: 'user', entityId: actor.userId });
  });
}

/** Changing the password ends every other session of the user. */
export async function changePassword(ctx: RequestContext, input: { currentPassword: string; newPassword: string }) {
  const actor = requireAuthenticated(ctx.actor);
  // A leaked integration token must not be able to take over its owner's account.
  if (actor.tokenId) throw new AppError('auth.forbidden', {}, 'Passwords are changed in a signed-in session, not with an API token');
  const user = await repo.findUser(ctx.app.db, { id: actor.userId });
  if (!user) throw new AppError('auth.unauthenticated');
  await assertNotThrottled(ctx.app, user.username, ctx.ip);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordFailure(ctx.app, user.username, ctx.ip);
    throw new AppError('auth.wrong_current_password');
  }
  assertPasswordPolicy(input.newPassword, user.username);
  const hash = await hashPassword(input.newPassword);
  const now = ctx.app.now();
  await ctx.app.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({ password_hash: hash, password_changed_at: now, updated_at: now })
      .where('id', '=', user.id)
      .execute();
    await repo.revokeSessions(tx, { userId: user.id, exceptId: actor.sessionId }, now);
    await recordAudit(tx, actor, ctx.requestId, { action: 'auth.password_changed', entityType: 'user', entityId: user.id });
  });
}
