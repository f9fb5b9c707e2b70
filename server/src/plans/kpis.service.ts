import type { Kpi, RecordKpiValueRequest, UpdateKpiRequest } from '../../../shared/schemas/plans';
import { recordAudit } from '../audit/audit.repository';
import { actorLabel } from '../platform/actor';
import type { RequestContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { planYear } from './clock';
import { onTrack } from './kpi-evaluate';
import { computeMetric } from './kpi-metrics';
import { loadPlan } from './read.service';
import { requirePlanManager } from './scope';

// KPIs of a plan: target, baseline, actual values over the years and whether it is on track.
// A KPI with a platform metric is computed from platform data for each year of the plan so far;
// the others are typed in by the plan owner, one value per year.

type KpiRow = Awaited<ReturnType<typeof kpiRows>>[number];

function kpiRows(db: RequestContext['app']['db'], planId: string) {
  return db.selectFrom('plan_kpis').selectAll().where('plan_id', '=', planId).orderBy('position').execute();
}

async function toKpi(ctx: RequestContext, row: KpiRow, plan: { start_year: number; end_year: number; province: string }): Promise<Kpi> {
  const db = ctx.app.db;
  let values: Kpi['values'];
  let detail: string | null = null;
  if (row.platform_metric) {
    const last = Math.min(planYear(ctx.app.now()), plan.end_year);
    values = [];
    for (let year = plan.start_year; year <= last; year++) {
      const m = await computeMetric(db, row.platform_metric, year, plan.province);
      detail = m.detail;
      if (m.value !== null) values.push({ year, value: m.value, note: m.detail, recordedBy: 'system:platform', recordedAt: ctx.app.now().toISOString() });
    }
  } else {
    const stored = await db.selectFrom('plan_kpi_values').selectAll().where('kpi_id', '=', row.id).orderBy('year').execute();
    values = stored.map((v) => ({ year: v.year, value: v.value, note: v.note, recordedBy: v.recorded_by_label, recordedAt: v.recorded_at.toISOString() }));
  }
  const latest = values.at(-1) ?? null;
  const first = values[0] ?? null;
  return {
    code: row.code,
    textVi: row.text_vi,
    unit: row.unit as Kpi['unit'],
    targetMin: row.target_min,
    targetMax: row.target_max,
    targetYear: row.target_year,
    platformMetric: row.platform_metric as Kpi['platformMetric'],
    computed: row.platform_metric !== null,
    baseline: row.baseline,
    baselineYear: row.baseline_year,
    values,
    actual: latest ? { year: latest.year, value: latest.value, detail: row.platform_metric ? detail : latest.note } : null,
    onTrack: onTrack(
      { unit: row.unit, targetMin: row.target_min, targetYear: row.target_year, baseline: row.baseline, baselineYear: row.baseline_year },
      latest,
      first,
    ),
    version: row.version,
  };
}

export async function listKpis(ctx: RequestContext, planId: string): Promise<Kpi[]> {
  const { row: plan } = await loadPlan(ctx, planId);
  const rows = await kpiRows(ctx.app.db, planId);
  const result: Kpi[] = [];
  for (const r of rows) result.push(await toKpi(ctx, r, plan));
  return result;
}

async function ownedKpi(ctx: RequestContext, planId: string, code: string) {
  const { pa, row: plan } = await loadPlan(ctx, planId);
  requirePlanManager(pa, plan.issuer_agency);
  const kpi = await ctx.app.db.selectFrom('plan_kpis').selectAll().where('plan_id', '=', planId).where('code', '=', code).executeTakeFirst();
  if (!kpi) throw new AppError('plans.kpi_not_found');
  return { pa, plan, kpi };
}

export async function recordKpiValue(ctx: RequestContext, planId: string, code: string, input: RecordKpiValueRequest): Promise<Kpi> {
  const { pa, plan, kpi } = await ownedKpi(ctx, planId, code);
  if (kpi.platform_metric) throw new AppError('plans.kpi_computed');
  await ctx.app.db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('plan_kpi_values').selectAll().where('kpi_id', '=', kpi.id).where('year', '=', input.year).forUpdate().executeTakeFirst();
    const values = { value: input.value, note: input.note ?? null, recorded_by: pa.actor.userId, recorded_by_label: actorLabel(pa.actor), recorded_at: ctx.app.now() };
    // One value per year: recording it again corrects it (the audit log keeps the old one).
    await tx
      .insertInto('plan_kpi_values')
      .values({ kpi_id: kpi.id, year: input.year, ...values })
      .onConflict((oc) => oc.columns(['kpi_id', 'year']).doUpdateSet(values))
      .execute();
    await recordAudit(tx, pa.actor, ctx.requestId, {
      action: 'plan_kpi.value_recorded',
      entityType: 'plan_kpi',
      entityId: kpi.id,
      before: before ? { year: before.year, value: before.value, note: before.note } : undefined,
      after: { planId, code, year: input.year, value: input.value, note: input.note ?? null },
    });
  });
  return toKpi(ctx, (await ctx.app.db.selectFrom('plan_kpis').selectAll().where('id', '=', kpi.id).executeTakeFirstOrThrow()), plan);
}

export async function updateKpi(ctx: RequestContext, planId: string, code: string, input: UpdateKpiRequest): Promise<Kpi> {
  const { pa, plan, kpi } = await ownedKpi(ctx, planId, code);
  const next = {
    baseline: input.baseline !== undefined ? input.baseline : kpi.baseline,
    baseline_year: input.baselineYear !== undefined ? input.baselineYear : kpi.baseline_year,
    target_min: input.targetMin !== undefined ? input.targetMin : kpi.target_min,
    target_max: input.targetMax !== undefined ? input.targetMax : kpi.target_max,
    target_year: input.targetYear !== undefined ? input.targetYear : kpi.target_year,
  };
  if (next.target_min !== null && next.target_max !== null && next.target_min > next.target_max) {
    throw new AppError('plans.invalid_plan', { errors: [{ path: '/targetMin', message: 'targetMin is above targetMax' }] });
  }
  if ((next.baseline === null) !== (next.baseline_year === null)) {
    throw new AppError('plans.invalid_plan', { errors: [{ path: '/baselineYear', message: 'a baseline needs its year, and a year its baseline' }] });
  }
  const updated = await ctx.app.db.transaction().execute(async (tx) => {
    const current = await tx.selectFrom('plan_kpis').selectAll().where('id', '=', kpi.id).forUpdate().executeTakeFirstOrThrow();
    if (current.version !== input.version) throw new AppError('plans.version_conflict', { currentVersion: current.version });
    const row = await tx.updateTable('plan_kpis').set({ ...next, version: current.version + 1, updated_at: ctx.app.now() }).where('id', '=', kpi.id).returningAll().executeTakeFirstOrThrow();
    const pick = (r: typeof row) => ({ baseline: r.baseline, baselineYear: r.baseline_year, targetMin: r.target_min, targetMax: r.target_max, targetYear: r.target_year });
    await recordAudit(tx, pa.actor, ctx.requestId, { action: 'plan_kpi.updated', entityType: 'plan_kpi', entityId: kpi.id, before: pick(current), after: pick(row), reason: input.reason });
    return row;
  });
  return toKpi(ctx, updated, plan);
}
