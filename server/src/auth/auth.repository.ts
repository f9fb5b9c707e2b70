import type { Kysely, Transaction } from 'kysely';
import type { Role } from '../../../shared/roles';
import type { Database } from '../db/database';

type Executor = Kysely<Database> | Transaction<Database>;

export interface UserRecord {
  id: string;
  username: string;
  passwordHash: string;
  displayName: string;
  role: Role;
  enterpriseId: string | null;
  agencyCode: string | null;
  isOrgAdmin: boolean;
  locale: 'vi' | 'en' | 'zh';
  active: boolean;
  gateIds: string[];
}

async function gateIdsOf(db: Executor, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('user_gates').select('gate_id').where('user_id', '=', userId).orderBy('gate_id').execute();
  return rows.map((r) => r.gate_id);
}

export async function findUser(db: Executor, by: { id: string } | { username: string }): Promise<UserRecord | null> {
  let query = db
    .selectFrom('users')
    .select([
      'id', 'username', 'password_hash', 'display_name', 'role', 'enterprise_id', 'agency_code',
      'is_org_admin', 'locale', 'active',
    ]);
  query = 'id' in by ? query.where('id', '=', by.id) : query.where('username', '=', by.username.toLowerCase());
  const row = await query.executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    username: row.username,
    passwordHash: row.password_hash,
    displayName: row.display_name,
    role: row.role,
    enterpriseId: row.enterprise_id,
    agencyCode: row.agency_code,
    isOrgAdmin: row.is_org_admin,
    locale: row.locale,
    active: row.active,
    gateIds: await gateIdsOf(db, row.id),
  };
}

export async function insertSession(
  db: Executor,
  values: { tokenHash: string; userId: string; now: Date; expiresAt: Date; ip?: string; userAgent?: string },
): Promise<string> {
  const row = await db
    .insertInto('sessions')
    .values({
      token_hash: values.tokenHash,
      user_id: values.userId,
      // The application clock, not the database's, so expiry rules use one time source.
      created_at: values.now,
      last_seen_at: values.now,
      expires_at: values.expiresAt,
      revoked_at: null,
      ip: values.ip ?? null,
      user_agent: values.userAgent?.slice(0, 300) ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function findSessionByHash(db: Executor, tokenHash: string) {
  return db
    .selectFrom('sessions')
    .select(['id', 'user_id', 'created_at', 'last_seen_at', 'expires_at', 'revoked_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function touchSession(db: Executor, id: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
}

export async function revokeSessions(db: Executor, where: { id: string } | { userId: string; exceptId?: string }, now: Date) {
  let query = db.updateTable('sessions').set({ revoked_at: now }).where('revoked_at', 'is', null);
  if ('id' in where) query = query.where('id', '=', where.id);
  else {
    query = query.where('user_id', '=', where.userId);
    if (where.exceptId) query = query.where('id', '!=', where.exceptId);
  }
  await query.execute();
}

export function findTokenByHash(db: Executor, tokenHash: string) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'user_id', 'scopes', 'expires_at', 'revoked_at', 'last_used_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}
