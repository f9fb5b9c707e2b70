import Type from 'typebox';
import { Uuid } from '../../../shared/schemas/common';
import {
  CreatePlanRequest,
  EvidenceFile,
  ImportPlanRequest,
  LateAgency,
  Plan,
  PlanId,
  PlanListQuery,
  PlanSummary,
  ReminderRequest,
  ReminderResult,
  UpdatePlanRequest,
} from '../../../shared/schemas/plans';
import { errors, IdempotencyHeaders, writeErrors } from '../platform/openapi';
import type { App } from '../platform/types';
import { downloadFile, MAX_FILE_BYTES, uploadFile } from './files.service';
import { updatePlan } from './edit-plan';
import { createPlan, importPlan } from './import.service';
import { lateByAgency } from './overview.service';
import { getPlan, listPlans } from './read.service';
import { sendReminders } from './reminders';

const PlanParams = Type.Object({ id: PlanId }, { additionalProperties: false });
const tags = ['plans'];

export async function planRoutes(app: App) {
  app.get('/api/v1/plans', {
    schema: {
      tags,
      summary: 'Plans with task counts; filter by agency, province, status, year, gate, keyword',
      querystring: PlanListQuery,
      response: { 200: Type.Object({ items: Type.Array(PlanSummary) }), ...errors(401, 403) },
    },
    handler: async (request) => ({ items: await listPlans(request.ctx, request.query) }),
  });

  app.post('/api/v1/plans', {
    schema: {
      tags,
      summary: 'Create a plan for my agency (staff of the issuing agency, administrator); tasks may be added later',
      headers: IdempotencyHeaders,
      body: CreatePlanRequest,
      response: { 201: Plan, ...writeErrors(401, 403, 409, 422) },
    },
    handler: async (request, reply) => {
      const result = await createPlan(request.ctx, request.body, request.headers['idempotency-key']);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(result.body);
    },
  });

  app.post('/api/v1/plans/import', {
    schema: {
      tags,
      summary: 'Import a plan from a structured file (same shape as reference/plans/plan-NNN.json); all or nothing, every problem listed',
      headers: IdempotencyHeaders,
      body: ImportPlanRequest,
      response: { 201: Plan, ...writeErrors(401, 403, 409, 422) },
    },
    handler: async (request, reply) => {
      const result = await importPlan(request.ctx, request.body, request.headers['idempotency-key']);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(result.body);
    },
  });

  app.get('/api/v1/plans/:id', {
    schema: { tags, summary: 'One plan', params: PlanParams, response: { 200: Plan, ...errors(401, 403, 404) } },
    handler: async (request) => getPlan(request.ctx, request.params.id),
  });

  app.patch('/api/v1/plans/:id', {
    schema: { tags, summary: 'Correct the number, date or title of a plan (plan owner)', params: PlanParams, body: UpdatePlanRequest, response: { 200: Plan, ...writeErrors(401, 403, 404, 409) } },
    handler: async (request) => updatePlan(request.ctx, request.params.id, request.body),
  });

  app.get('/api/v1/plans/:id/late', {
    schema: {
      tags,
      summary: 'Who is late: late tasks and occurrences grouped by lead agency',
      params: PlanParams,
      response: { 200: Type.Object({ items: Type.Array(LateAgency) }), ...errors(401, 403, 404) },
    },
    handler: async (request) => ({ items: await lateByAgency(request.ctx, request.params.id) }),
  });

  app.post('/api/v1/plans/:id/reminders', {
    schema: {
      tags,
      summary: 'Remind the lead agencies of chosen (or all late) tasks, in the app and by e-mail / SMS (plan owner)',
      params: PlanParams,
      headers: IdempotencyHeaders,
      body: ReminderRequest,
      response: { 200: ReminderResult, ...writeErrors(401, 403, 404, 409, 422) },
    },
    handler: async (request, reply) => {
      const result = await sendReminders(request.ctx, request.params.id, request.body, request.headers['idempotency-key']);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return result.body;
    },
  });

  app.get('/api/v1/plans/:id/files/:fileId', {
    schema: {
      tags,
      summary: 'Download an evidence file (header x-content-sha256 carries its digest)',
      params: Type.Object({ id: PlanId, fileId: Uuid }, { additionalProperties: false }),
      response: { 200: Type.Unsafe({ type: 'string', format: 'binary' }), ...errors(401, 403, 404) },
    },
    handler: async (request, reply) => {
      const file = await downloadFile(request.ctx, request.params.id, request.params.fileId);
      reply.header('content-type', file.content_type);
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.file_name)}`);
      reply.header('x-content-sha256', file.sha256);
      return reply.send(file.content);
    },
  });

  // Raw uploads live in their own scope so that only this route accepts non-JSON bodies.
  await app.register(async (raw: App) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES }, (_request, body, done) => done(null, body));
    raw.post('/api/v1/plans/:id/files', {
      schema: {
        tags,
        summary: 'Upload an evidence file as the raw request body; the same bytes uploaded again return the same file',
        params: PlanParams,
        querystring: Type.Object({ fileName: Type.String({ minLength: 1, maxLength: 255, pattern: '^[^/\\\\]+$' }) }, { additionalProperties: false }),
        response: { 200: EvidenceFile, 201: EvidenceFile, ...errors(401, 403, 404, 413, 422) },
      },
      handler: async (request, reply) => {
        const content = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const contentType = (request.headers['content-type'] ?? 'application/octet-stream').split(';')[0].trim() || 'application/octet-stream';
        const result = await uploadFile(request.ctx, request.params.id, { fileName: request.query.fileName, contentType, content });
        return reply.code(result.status).send(result.body);
      },
    });
  });
}
