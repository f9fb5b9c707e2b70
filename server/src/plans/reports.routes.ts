import Type from 'typebox';
import { PlanId, ReportParams, ReportStatus, ReportSubmission, SubmitReportRequest } from '../../../shared/schemas/plans';
import { errors, IdempotencyHeaders, writeErrors } from '../platform/openapi';
import type { App } from '../platform/types';
import { renderReport, reportStatus, submitReport, tasksSpreadsheet } from './reports.service';

const tags = ['plans'];
const Binary = Type.Unsafe({ type: 'string', format: 'binary' });
const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

function attachment(name: string) {
  return `attachment; filename="${name}"`;
}

export async function reportRoutes(app: App) {
  app.get('/api/v1/plans/:id/reports/:kind/:year', {
    schema: {
      tags,
      summary: 'A periodic report (six_month due 31 May, annual due 30 Nov): who has submitted, who has not, download links',
      params: ReportParams,
      response: { 200: ReportStatus, ...errors(401, 403, 404) },
    },
    handler: async (request) => reportStatus(request.ctx, request.params.id, request.params.kind, request.params.year),
  });

  app.post('/api/v1/plans/:id/reports/:kind/:year/submissions', {
    schema: {
      tags,
      summary: "Submit (or replace, bumping its version) my agency's part of a periodic report",
      params: ReportParams,
      headers: IdempotencyHeaders,
      body: SubmitReportRequest,
      response: { 200: ReportSubmission, ...writeErrors(401, 403, 404, 409, 422) },
    },
    handler: async (request, reply) => {
      const { id, kind, year } = request.params;
      const result = await submitReport(request.ctx, id, kind, year, request.body, request.headers['idempotency-key']);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return result.body;
    },
  });

  for (const format of ['docx', 'pdf'] as const) {
    app.get(`/api/v1/plans/:id/reports/:kind/:year/report.${format}`, {
      schema: {
        tags,
        summary: `The assembled report as ${format.toUpperCase()}, in the Vietnamese administrative layout`,
        params: ReportParams,
        response: { 200: Binary, ...errors(401, 403, 404) },
      },
      handler: async (request, reply) => {
        const { id, kind, year } = request.params;
        const body = await renderReport(request.ctx, id, kind, year, format);
        return reply.type(TYPES[format]).header('content-disposition', attachment(`bao-cao-${kind === 'six_month' ? '6-thang' : 'nam'}-${year}-${id}.${format}`)).send(body);
      },
    });
  }

  app.get('/api/v1/plans/:id/tasks.xlsx', {
    schema: {
      tags,
      summary: 'Every task of the plan as a spreadsheet',
      params: Type.Object({ id: PlanId }, { additionalProperties: false }),
      response: { 200: Binary, ...errors(401, 403, 404) },
    },
    handler: async (request, reply) => {
      const body = await tasksSpreadsheet(request.ctx, request.params.id);
      return reply.type(TYPES.xlsx).header('content-disposition', attachment(`nhiem-vu-${request.params.id}.xlsx`)).send(body);
    },
  });
}
