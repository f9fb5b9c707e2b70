import type { Static } from 'typebox';
import { TOKEN_SCOPES, type Permission } from '../../../shared/roles';
import type { ApiToken, CreateTokenRequest } from '../../../shared/schemas/auth';
import { recordAudit } from '../audit/audit.repository';
import { newApiTokenSecret } from '../auth/auth.service';
import { digest } from '../auth/secrets';
import { requirePermission } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { runIdempotent, type IdempotentResult } from '../platform/idempotency';

type Token = Static<typeof ApiToken>;

function toToken(row: { id: string; name: string; scopes: string[]; created_at: Date; expires_at: Date | null; revoked_at: Date | null; last_used_at: Date | null }): Token {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}

export async function listTokens(ctx: RequestContext): Promise<Token[]> {
  const actor = requirePermission(ctx.actor, 'tokens:write');
  const rows = await ctx.app.db.selectFrom('api_tokens').selectAll().where('user_id', '=', actor.userId).orderBy('created_at', 'desc').execute();
  return rows.map(toToken);
}

/** A token carries a subset of its owner's permissions, never more, and never token management. */
export async function createToken(
  ctx: RequestContext,
  input: Static<typeof CreateTokenRequest>,
  idempotencyKey: string | undefined,
): Promise<IdempotentResult<{ token: Token; secret: string }>> {
  const actor = requirePermission(ctx.actor, 'tokens:write');
  const refused = input.scopes.filter((s) => !actor.permissions.has(s as Permission) || !TOKEN_SCOPES.includes(s as Permission));
  if (refused.length > 0) throw new AppError('tokens.scope_not_allowed', { errors: refused.map((s) => ({ path: '/scopes', message: s })) });
  const secret = newApiTokenSecret();
  const expiresAt = input.expiresInDays ? new Date(ctx.app.now().getTime() + input.expiresInDays * 86_400_000) : null;
  return runIdempotent(ctx, { scope: `${actor.userId}:tokens.create`, key: idempotencyKey, request: input }, async (tx) => {
    const row = await tx
      .insertInto('api_tokens')
      .values({ user_id: actor.userId, name: input.name, token_hash: digest(secret), scopes: input.scopes, created_by: actor.userId, expires_at: expiresAt, revoked_at: null, last_used_at: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    const token = toToken(row);
    await recordAudit(tx, actor, ctx.requestId, { action: 'token.created', entityType: 'api_token', entityId: row.id, after: token });
    // The secret is stored with the idempotent response so a retried request gets the same token.
    return { status: 201, body: { token, secret } };
  });
}

export async function revokeToken(ctx: RequestContext, id: string): Promise<Token> {
  const actor = requirePermission(ctx.actor, 'tokens:write');
  return ctx.app.db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('api_tokens').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row || (row.user_id !== actor.userId && actor.role !== 'admin')) throw new AppError('tokens.not_found');
    if (row.revoked_at) return toToken(row);
    const updated = await tx.updateTable('api_tokens').set({ revoked_at: ctx.app.now() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await recordAudit(tx, actor, ctx.requestId, { action: 'token.revoked', entityType: 'api_token', entityId: id, before: toToken(row), after: toToken(updated) });
    return toToken(updated);
  });
}
