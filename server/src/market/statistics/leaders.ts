import { sql } from 'kysely';
import type { LeadersView, PeriodFigures } from '../../../../shared/schemas/market';
import type { Executor } from '../../notices/notices.repository';
import { requirePermission } from '../../platform/actor';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { planYear } from '../../plans/clock';
import { electronicProcedureShare, newTradingEnterprises } from '../../plans/kpi-metrics';
import { dayBounds, todayIn, VN_TIME_ZONE } from '../../trips/time';
import { gateScope, statisticsGates } from '../scope';
import { dailyFigures } from './daily';

// The province at a glance for its leaders: today and this month (declared and crossed trucks by
// direction, tonnage and value crossed), the queue now, and the figures the plans' KPIs use,
// computed by the plans capability's own KPI functions where they exist.

async function figuresFor(db: Executor, gateIds: string[], from: string, to: string): Promise<PeriodFigures> {
  const [crossed, declared] = await Promise.all([dailyFigures(db, gateIds, from, to, 'crossed'), dailyFigures(db, gateIds, from, to, 'declared')]);
  const out: PeriodFigures = {
    from,
    to,
    declared: { export: 0, import: 0 },
    crossed: { export: 0, import: 0 },
    crossedTonnes: { export: 0, import: 0 },
    crossedValueVnd: { export: 0, import: 0 },
    newTradingEnterprises: await newEnterprisesBetween(db, gateIds, from, to),
  };
  // A trip has one gate and one day, so the per-day distinct counts add up exactly.
  for (const t of declared.totals) out.declared[t.direction] += t.trucks;
  for (const t of crossed.totals) {
    out.crossed[t.direction] += t.trucks;
    out.crossedTonnes[t.direction] += t.grossWeightKg / 1000;
    out.crossedValueVnd[t.direction] += t.valueVnd;
  }
  for (const d of ['export', 'import'] as const) out.crossedTonnes[d] = Math.round(out.crossedTonnes[d] * 1000) / 1000;
  return out;
}

/** Same definition as the plans' KPI (first submitted trip through the gates), over any period. */
async function newEnterprisesBetween(db: Executor, gateIds: string[], from: string, to: string): Promise<number> {
  if (gateIds.length === 0) return 0;
  const start = dayBounds(from, VN_TIME_ZONE).from;
  const end = dayBounds(to, VN_TIME_ZONE).to;
  const row = await sql<{ n: number }>`
    select count(*)::int as n from (
      select t.enterprise_id, min(t.submitted_at) as first_at from trips t
      where t.gate_id = any(${gateIds}) and t.submitted_at is not null group by t.enterprise_id) f
    where f.first_at >= ${start} and f.first_at < ${end}`.execute(db);
  return Number(row.rows[0].n);
}

async function defaultProvince(db: Executor, agencyCode: string | null, scope: string[] | null): Promise<string> {
  if (agencyCode) {
    const agency = await db.selectFrom('agencies').select('province').where('code', '=', agencyCode).executeTakeFirst();
    if (agency && agency.province !== 'VN') return agency.province;
  }
  const first = scope?.[0];
  if (first) return (await db.selectFrom('gates').select('province').where('id', '=', first).executeTakeFirstOrThrow()).province;
  return 'CB';
}

export async function leadersView(ctx: RequestContext, requested?: string): Promise<LeadersView> {
  const actor = requirePermission(ctx.actor, 'statistics:read');
  const db = ctx.app.db;
  const province = requested ?? (await defaultProvince(db, actor.agencyCode, await gateScope(db, actor)));
  const gateIds = await statisticsGates(db, actor, { province });
  if (gateIds.length === 0) throw new AppError('statistics.unknown_province');
  const now = ctx.app.now();
  const today = todayIn(now);
  const monthStart = `${today.slice(0, 7)}-01`;
  const year = planYear(now);
  // Year to date against the same days of last year (29 February compares with the 28th).
  const lastYearSameDay = today.slice(5) === '02-29' ? `${year - 1}-02-28` : `${year - 1}-${today.slice(5)}`;

  const [todayFigures, monthFigures, ytd, lastYtd] = [
    await figuresFor(db, gateIds, today, today),
    await figuresFor(db, gateIds, monthStart, today),
    await dailyFigures(db, gateIds, `${year}-01-01`, today, 'crossed'),
    await dailyFigures(db, gateIds, `${year - 1}-01-01`, lastYearSameDay, 'crossed'),
  ];
  const queue = await db
    .selectFrom('trips')
    .select(['gate_id', sql<number>`count(*) filter (where status = 'checked_in')::int`.as('checked_in'), sql<number>`count(*) filter (where status = 'called')::int`.as('called')])
    .where('gate_id', 'in', gateIds)
    .where('status', 'in', ['checked_in', 'called'])
    .groupBy('gate_id')
    .orderBy('gate_id')
    .execute();
  const sum = (f: Awaited<ReturnType<typeof dailyFigures>>) => f.totals.reduce((n, t) => n + t.valueVnd, 0);
  const ytdValue = sum(ytd);
  const lastValue = sum(lastYtd);
  const plans = await db
    .selectFrom('plans')
    .select(['id', 'title_vi', sql<boolean>`exists (select 1 from plan_kpis k where k.plan_id = plans.id)`.as('has_kpis')])
    .where('province', '=', province)
    .orderBy('id')
    .execute();
  const provinceName = await db.selectFrom('agencies').select('name_vi').where('province', '=', province).where('kind', '=', 'people_committee').executeTakeFirst();
  return {
    province,
    provinceName: provinceName?.name_vi ?? null,
    gateIds,
    today: todayFigures,
    month: monthFigures,
    queueNow: {
      total: queue.reduce((n, q) => n + q.checked_in + q.called, 0),
      byGate: queue.map((q) => ({ gateId: q.gate_id!, checkedIn: q.checked_in, called: q.called })),
    },
    kpis: {
      year,
      electronicProcedureShare: await electronicProcedureShare(db, year, province),
      newTradingEnterprises: await newTradingEnterprises(db, year, province),
      valueGrowth: {
        yearToDateVnd: ytdValue,
        sameTimeLastYearVnd: lastValue,
        percent: lastValue > 0 ? Math.round(((ytdValue - lastValue) / lastValue) * 1000) / 10 : null,
      },
    },
    plans: plans.map((p) => ({ id: p.id, titleVi: p.title_vi, hasKpis: p.has_kpis })),
    generatedAt: now.toISOString(),
  };
}

