import type { Kysely } from 'kysely';
import type { Role } from '../../../shared/roles';
import { hashPassword } from '../auth/passwords';
import type { Database } from './database';
import { readDataset } from './reference-data';

interface DemoData {
  enterprises: Array<{ key: string; taxCode: string; name: string; nameEn?: string; address?: string; phone?: string; email?: string }>;
  accounts: Array<{ username: string; displayName: string; role: Role; agency?: string; enterprise?: string; gates?: string[]; orgAdmin?: boolean }>;
}

export const DEFAULT_DEMO_PASSWORD = 'CuaKhauSo@2026';

/** Creates the demo enterprises and accounts, once, on a database that has no users yet. */
export async function seedDemo(db: Kysely<Database>, password = process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD): Promise<string> {
  const anyUser = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (anyUser) return 'accounts exist';
  const demo = readDataset<DemoData>('demo/demo-accounts.json').data;
  const hash = await hashPassword(password);
  await db.transaction().execute(async (tx) => {
    const gateIds = new Set((await tx.selectFrom('gates').select('id').execute()).map((r) => r.id));
    const enterpriseIds = new Map<string, string>();
    for (const e of demo.enterprises) {
      const row = await tx
        .insertInto('enterprises')
        .values({ tax_code: e.taxCode, name: e.name, name_en: e.nameEn ?? null, address: e.address ?? null, phone: e.phone ?? null, email: e.email ?? null })
        .returning('id')
        .executeTakeFirstOrThrow();
      enterpriseIds.set(e.key, row.id);
    }
    for (const a of demo.accounts) {
      const user = await tx
        .insertInto('users')
        .values({
          username: a.username,
          password_hash: hash,
          display_name: a.displayName,
          role: a.role,
          agency_code: a.agency ?? null,
          enterprise_id: a.enterprise ? enterpriseIds.get(a.enterprise)! : null,
          is_org_admin: a.orgAdmin ?? false,
          email: null,
          phone: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const gates = (a.gates ?? []).filter((g) => {
        if (!gateIds.has(g)) throw new Error(`Demo account ${a.username} names unknown gate ${g}`);
        return true;
      });
      if (gates.length > 0) await tx.insertInto('user_gates').values(gates.map((gate_id) => ({ user_id: user.id, gate_id }))).execute();
    }
  });
  return `created ${demo.accounts.length} demo accounts`;
}
