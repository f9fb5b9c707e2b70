import fs from 'node:fs';
import type { Kysely, Transaction } from 'kysely';
import type { Role } from '../../../shared/roles';
import { hashPassword } from '../auth/passwords';
import type { Database } from '../db/database';
import { readDataset, type AgencyData } from '../db/reference-data';
import { DEFAULT_DEMO_PASSWORD } from '../db/seed-demo';
import { referencePath } from '../reference/paths';
import { planProblems } from './plan-validation';
import { readSeedPlans } from './reference';
import { insertPlan, knownReferences } from './write-plan';

// The capability's seed hook: agency sub-units, the five transcribed seed plans (once per plan
// and version; a plan that already exists keeps the work recorded on it), and demo staff.

type Tx = Transaction<Database>;

async function loadedChecksum(tx: Tx, name: string, version: string): Promise<string | undefined> {
  const row = await tx.selectFrom('reference_datasets').select('checksum').where('name', '=', name).where('version', '=', version).executeTakeFirst();
  return row?.checksum;
}

async function markLoaded(tx: Tx, name: string, version: string, checksum: string, effectiveFrom: string) {
  await tx.insertInto('reference_datasets').values({ name, version, checksum, effective_from: effectiveFrom }).execute();
}

async function seedAgencyParents(tx: Tx): Promise<string> {
  const dataset = readDataset<{ agencies: Array<AgencyData & { parent?: string }> }>('agencies/agencies.json');
  const name = 'plans/agency-parents';
  if ((await loadedChecksum(tx, name, dataset.version)) === dataset.checksum) return 'up to date';
  const rows = dataset.data.agencies.filter((a) => a.parent).map((a) => ({ code: a.code, parent_code: a.parent! }));
  await tx.deleteFrom('plan_agency_parents').execute();
  if (rows.length > 0) await tx.insertInto('plan_agency_parents').values(rows).execute();
  await tx.deleteFrom('reference_datasets').where('name', '=', name).where('version', '=', dataset.version).execute();
  await markLoaded(tx, name, dataset.version, dataset.checksum, dataset.effectiveFrom);
  return `${rows.length} sub-units`;
}

async function seedPlans(tx: Tx): Promise<string[]> {
  const known = await knownReferences(tx);
  const loaded: string[] = [];
  for (const { file, checksum, content } of readSeedPlans()) {
    const plan = content.plan;
    const name = `plans/${plan.id}`;
    const stored = await loadedChecksum(tx, name, content.version);
    if (stored === checksum) continue;
    if (stored !== undefined) throw new Error(`Reference plan ${file} ${content.version} changed without a new version number`);
    const problems = planProblems(plan, known);
    if (problems.length > 0) throw new Error(`Reference plan ${file} is not valid: ${JSON.stringify(problems.slice(0, 10))}`);
    const exists = await tx.selectFrom('plans').select('id').where('id', '=', plan.id).executeTakeFirst();
    if (!exists) {
      await insertPlan(tx, plan, { source: content.source ?? file, datasetVersion: content.version, createdBy: null, now: new Date() });
      loaded.push(`${plan.id} (${plan.tasks.length} tasks)`);
    }
    await markLoaded(tx, name, content.version, checksum, plan.issuedOn ?? `${content.version.slice(0, 4)}-01-01`);
  }
  return loaded;
}

interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  agency: string;
  email?: string;
  phone?: string;
}

async function seedDemoStaff(db: Kysely<Database>): Promise<number> {
  const file = referencePath('demo', 'plans-demo-accounts.json');
  if (!fs.existsSync(file)) return 0;
  const accounts = readDataset<{ accounts: DemoAccount[] }>('demo/plans-demo-accounts.json').data.accounts;
  const existing = new Set((await db.selectFrom('users').select('username').where('username', 'in', accounts.map((a) => a.username)).execute()).map((u) => u.username));
  const missing = accounts.filter((a) => !existing.has(a.username));
  if (missing.length === 0) return 0;
  const hash = await hashPassword(process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD);
  await db
    .insertInto('users')
    .values(
      missing.map((a) => ({
        username: a.username,
        password_hash: hash,
        display_name: a.displayName,
        role: a.role,
        agency_code: a.agency,
        enterprise_id: null,
        is_org_admin: false,
        email: a.email ?? null,
        phone: a.phone ?? null,
      })),
    )
    .onConflict((oc) => oc.column('username').doNothing())
    .execute();
  return missing.length;
}

export async function seedPlansCapability(db: Kysely<Database>, options: { demo: boolean }): Promise<string> {
  const result = await db.transaction().execute(async (tx) => ({ parents: await seedAgencyParents(tx), plans: await seedPlans(tx) }));
  const staff = options.demo ? await seedDemoStaff(db) : 0;
  const plans = result.plans.length > 0 ? `loaded ${result.plans.join(', ')}` : 'plans up to date';
  return `${plans}; agency sub-units ${result.parents}${staff > 0 ? `; ${staff} demo staff` : ''}`;
}
