import Type from 'typebox';
import { DailyStatistics, LeadersQuery, LeadersView, StatisticsQuery } from '../../../../shared/schemas/market';
import { errors } from '../../platform/openapi';
import type { RequestContext } from '../../platform/context';
import type { App } from '../../platform/types';
import { renderStatisticsCsv } from './export-csv';
import { renderStatisticsXlsx } from './export-xlsx';
import { leadersView } from './leaders';
import { dailyStatistics } from './statistics.service';

const tags = ['statistics'];
const Binary = Type.Unsafe({ type: 'string', format: 'binary' });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function gateNames(ctx: RequestContext): Promise<Map<string, string>> {
  const gates = await ctx.app.db.selectFrom('gates').select(['id', 'name_vi']).execute();
  return new Map(gates.map((g) => [g.id, g.name_vi]));
}

function fileName(q: { from: string; to: string; basis?: string }, ext: string): string {
  return `attachment; filename="so-lieu-${q.basis ?? 'crossed'}-${q.from}-${q.to}.${ext}"`;
}

export async function statisticsRoutes(app: App) {
  app.get('/api/v1/statistics/daily', {
    schema: {
      tags,
      summary: 'Trucks, gross weight and declared value per day, gate, direction and commodity, from the platform’s trip records (statistics:read, own scope)',
      querystring: StatisticsQuery,
      response: { 200: DailyStatistics, ...errors(401, 403, 404, 422) },
    },
    handler: async (request) => dailyStatistics(request.ctx, request.query),
  });
  app.get('/api/v1/statistics/daily.csv', {
    schema: { tags, summary: 'The same figures as CSV (UTF-8)', querystring: StatisticsQuery, response: { 200: Binary, ...errors(401, 403, 404, 422) } },
    handler: async (request, reply) => {
      const stats = await dailyStatistics(request.ctx, request.query);
      const body = renderStatisticsCsv(stats, await gateNames(request.ctx));
      return reply.type('text/csv; charset=utf-8').header('content-disposition', fileName(request.query, 'csv')).send(body);
    },
  });
  app.get('/api/v1/statistics/daily.xlsx', {
    schema: { tags, summary: 'The same figures as an Excel workbook', querystring: StatisticsQuery, response: { 200: Binary, ...errors(401, 403, 404, 422) } },
    handler: async (request, reply) => {
      const stats = await dailyStatistics(request.ctx, request.query);
      const body = await renderStatisticsXlsx(stats, await gateNames(request.ctx));
      return reply.type(XLSX).header('content-disposition', fileName(request.query, 'xlsx')).send(body);
    },
  });
  app.get('/api/v1/statistics/leaders', {
    schema: {
      tags,
      summary: 'A province at a glance: today and this month, the queue now, and the figures the plans’ KPIs use',
      querystring: LeadersQuery,
      response: { 200: LeadersView, ...errors(401, 403, 404) },
    },
    handler: async (request) => leadersView(request.ctx, request.query.province),
  });
}
