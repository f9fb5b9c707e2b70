import { sql } from 'kysely';
import type { Db } from '../db/connect';
import { dayStart } from './clock';
import { electronicProcedures } from './reference';

// KPI figures the platform itself holds, computed from its records rather than typed in.

type Executor = Pick<Db, 'selectFrom'> & Db;

/** The instants a calendar year starts and ends in the plans' time zone. */
function yearBounds(year: number): { from: Date; to: Date } {
  return { from: dayStart(`${year}-01-01`), to: dayStart(`${year + 1}-01-01`) };
}

export interface MetricValue {
  value: number | null;
  detail: string;
}

/** Enterprises with at least one user who signed in during the year (sign-ins are in the audit log). */
export async function activeEnterprises(db: Executor, year: number): Promise<MetricValue> {
  const { from, to } = yearBounds(year);
  const row = await sql<{ n: number }>`
    select count(distinct u.enterprise_id)::int as n
    from audit_log a join users u on u.id = a.actor_user_id
    where a.action = 'auth.login' and u.enterprise_id is not null and a.at >= ${from} and a.at < ${to}`.execute(db);
  return { value: Number(row.rows[0].n), detail: 'enterprises with a user who signed in during the year' };
}

/**
 * Enterprises new to border trade at the province's gates: those whose first submitted trip
 * through any of its gates falls in the year (seed 004: "15–20 new enterprises a year").
 */
export async function newTradingEnterprises(db: Executor, year: number, province: string): Promise<MetricValue> {
  const { from, to } = yearBounds(year);
  const row = await sql<{ n: number }>`
    select count(*)::int as n from (
      select t.enterprise_id, min(t.submitted_at) as first_at
      from trips t join gates g on g.id = t.gate_id
      where g.province = ${province} and t.submitted_at is not null
      group by t.enterprise_id) f
    where f.first_at >= ${from} and f.first_at < ${to}`.execute(db);
  return { value: Number(row.rows[0].n), detail: 'enterprises whose first declared trip through the province’s gates was in the year' };
}

/**
 * Share of electronic procedures (reference/plans/electronic-procedures.json): of the procedure
 * instances recorded in the year, the percentage a signed-in user carried out on the platform.
 */
export async function electronicProcedureShare(db: Executor, year: number, province: string): Promise<MetricValue> {
  const { from, to } = yearBounds(year);
  const gate = await sql<{ total: number; online: number }>`
    select count(*)::int as total, count(v.changed_by)::int as online
    from gate_versions v join gates g on g.id = v.gate_id
    where g.province = ${province} and v.changed_at >= ${from} and v.changed_at < ${to}`.execute(db);
  const enterprises = await sql<{ total: number; online: number }>`
    select count(*)::int as total,
      count(*) filter (where exists (select 1 from audit_log a where a.action = 'enterprise.created' and a.entity_id = e.id::text and a.actor_user_id is not null))::int as online
    from enterprises e where e.created_at >= ${from} and e.created_at < ${to}`.execute(db);
  const accounts = await sql<{ total: number; online: number }>`
    select count(*)::int as total,
      count(*) filter (where exists (select 1 from audit_log a where a.action = 'account.created' and a.entity_id = u.id::text and a.actor_user_id is not null))::int as online
    from users u where u.created_at >= ${from} and u.created_at < ${to}`.execute(db);
  const parts: Record<string, { total: number; online: number }> = {
    gate_registry: gate.rows[0],
    enterprise_registration: enterprises.rows[0],
    account_issuance: accounts.rows[0],
  };
  const known = electronicProcedures().procedures.map((p) => p.code).filter((c) => c in parts);
  const total = known.reduce((n, c) => n + Number(parts[c].total), 0);
  const online = known.reduce((n, c) => n + Number(parts[c].online), 0);
  const detail = known.map((c) => `${c} ${parts[c].online}/${parts[c].total}`).join(', ');
  return { value: total === 0 ? null : Math.round((online / total) * 1000) / 10, detail };
}

export async function computeMetric(db: Executor, metric: string, year: number, province: string): Promise<MetricValue> {
  if (metric === 'active_enterprises') return activeEnterprises(db, year);
  if (metric === 'new_trading_enterprises') return newTradingEnterprises(db, year, province);
  if (metric === 'electronic_procedure_share') return electronicProcedureShare(db, year, province);
  return { value: null, detail: `unknown metric ${metric}` };
}
