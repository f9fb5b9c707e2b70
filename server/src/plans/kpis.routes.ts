import Type from 'typebox';
import { Kpi, PlanId, RecordKpiValueRequest, UpdateKpiRequest } from '../../../shared/schemas/plans';
import { errors, writeErrors } from '../platform/openapi';
import type { App } from '../platform/types';
import { listKpis, recordKpiValue, updateKpi } from './kpis.service';

const KpiParams = Type.Object({ id: PlanId, code: Type.String({ pattern: '^[a-z0-9-]{2,60}$' }) }, { additionalProperties: false });
const tags = ['plans'];

export async function kpiRoutes(app: App) {
  app.get('/api/v1/plans/:id/kpis', {
    schema: {
      tags,
      summary: 'KPIs with baseline, actual values over time (computed from platform data where it holds the figure) and whether on track',
      params: Type.Object({ id: PlanId }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Kpi) }), ...errors(401, 403, 404) },
    },
    handler: async (request) => ({ items: await listKpis(request.ctx, request.params.id) }),
  });

  app.put('/api/v1/plans/:id/kpis/:code/values', {
    schema: {
      tags,
      summary: 'Record (or correct) the actual value of a typed-in KPI for a year (plan owner); computed KPIs refuse with 422',
      params: KpiParams,
      body: RecordKpiValueRequest,
      response: { 200: Kpi, ...writeErrors(401, 403, 404, 422) },
    },
    handler: async (request) => recordKpiValue(request.ctx, request.params.id, request.params.code, request.body),
  });

  app.patch('/api/v1/plans/:id/kpis/:code', {
    schema: {
      tags,
      summary: 'Set the baseline or adjust the target of a KPI (plan owner)',
      params: KpiParams,
      body: UpdateKpiRequest,
      response: { 200: Kpi, ...writeErrors(401, 403, 404, 409, 422) },
    },
    handler: async (request) => updateKpi(request.ctx, request.params.id, request.params.code, request.body),
  });
}
