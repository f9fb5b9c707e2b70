import { ROLE_PERMISSIONS, type Permission, type Role } from '../../../shared/roles';
import type { Db } from '../db/connect';

// Who hears about a task: the active users of the agencies concerned and of the departments
// those agencies belong to, limited to roles that hold the permission the message is about.

type Executor = Pick<Db, 'selectFrom'>;

export async function withParentAgencies(db: Executor, codes: string[]): Promise<string[]> {
  const parents = await db.selectFrom('plan_agency_parents').select(['code', 'parent_code']).execute();
  const result = new Set(codes);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of parents) {
      if (result.has(p.code) && !result.has(p.parent_code)) {
        result.add(p.parent_code);
        grew = true;
      }
    }
  }
  return [...result];
}

export async function usersOfAgencies(db: Executor, codes: string[], permission: Permission): Promise<Array<{ id: string; agency: string }>> {
  if (codes.length === 0) return [];
  const roles = (Object.entries(ROLE_PERMISSIONS) as Array<[Role, readonly Permission[]]>).filter(([, p]) => p.includes(permission)).map(([r]) => r);
  const rows = await db
    .selectFrom('users')
    .select(['id', 'agency_code'])
    .where('agency_code', 'in', await withParentAgencies(db, codes))
    .where('role', 'in', roles)
    .where('active', '=', true)
    .execute();
  return rows.map((r) => ({ id: r.id, agency: r.agency_code! }));
}
