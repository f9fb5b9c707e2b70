import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Account, Enterprise } from '../../../shared/schemas/accounts';
import type { Database } from '../db/database';

type Executor = Kysely<Database> | Transaction<Database>;

export function toAccount(row: Selectable<Database['users']>, gateIds: string[]): Account {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    phone: row.phone,
    role: row.role,
    enterpriseId: row.enterprise_id,
    agencyCode: row.agency_code,
    isOrgAdmin: row.is_org_admin,
    gateIds,
    locale: row.locale,
    active: row.active,
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}

export function toEnterprise(row: Selectable<Database['enterprises']>): Enterprise {
  return {
    id: row.id,
    taxCode: row.tax_code,
    name: row.name,
    nameEn: row.name_en,
    address: row.address,
    phone: row.phone,
    email: row.email,
    active: row.active,
    createdAt: row.created_at.toISOString(),
  };
}

export async function gateIdsByUser(db: Executor, userIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return map;
  const rows = await db.selectFrom('user_gates').selectAll().where('user_id', 'in', userIds).orderBy('gate_id').execute();
  for (const r of rows) map.get(r.user_id)!.push(r.gate_id);
  return map;
}

export async function listAccounts(db: Executor, filter: { enterpriseId?: string; role?: string; q?: string }) {
  let query = db.selectFrom('users').selectAll();
  if (filter.enterpriseId) query = query.where('enterprise_id', '=', filter.enterpriseId);
  if (filter.role) query = query.where('role', '=', filter.role as never);
  if (filter.q) {
    const pattern = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('username', 'like', pattern), eb(eb.fn('lower', ['display_name']), 'like', pattern)]));
  }
  const rows = await query.orderBy('username').limit(500).execute();
  const gates = await gateIdsByUser(db, rows.map((r) => r.id));
  return rows.map((r) => toAccount(r, gates.get(r.id)!));
}

export function findAccountRow(db: Executor, id: string, forUpdate = false) {
  const query = db.selectFrom('users').selectAll().where('id', '=', id);
  return (forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

export async function setUserGates(db: Executor, userId: string, gateIds: string[]) {
  await db.deleteFrom('user_gates').where('user_id', '=', userId).execute();
  if (gateIds.length > 0) {
    await db.insertInto('user_gates').values(gateIds.map((gate_id) => ({ user_id: userId, gate_id }))).execute();
  }
}

export async function existingGateIds(db: Executor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('gates').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}
