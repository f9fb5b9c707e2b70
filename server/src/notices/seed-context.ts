import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { loadConfig } from '../config';
import type { Database } from '../db/database';
import { buildActor } from '../platform/actor';
import type { RequestContext } from '../platform/context';

// Demo data is created through the same services a user goes through, acting as that user
// (with their gate assignments), so it passes every check real data passes.

export async function seedContext(db: Kysely<Database>, username: string, now: Date): Promise<RequestContext | null> {
  const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  if (!user) return null;
  const gateIds = (await db.selectFrom('user_gates').select('gate_id').where('user_id', '=', user.id).execute()).map((g) => g.gate_id);
  const actor = buildActor(
    { id: user.id, username: user.username, role: user.role, enterpriseId: user.enterprise_id, agencyCode: user.agency_code, isOrgAdmin: user.is_org_admin, gateIds },
    {},
  );
  const log = { info() {}, warn() {}, error() {}, debug() {}, trace() {}, fatal() {}, child() { return log; }, level: 'silent', silent() {} };
  return {
    app: { db, dbKind: 'pglite', listen: async () => async () => {}, config: loadConfig({}), log: log as never, now: () => now },
    actor,
    requestId: `seed-${crypto.randomUUID()}`,
  };
}
