import Type from 'typebox';
import { Uuid } from '../../../shared/schemas/common';
import {
  CreateNoticeRequest, GateNotice, NoticeEvent, NoticeListQuery, PublicNotice, PublicNoticeList, PublicNoticeQuery, PublishNoticeRequest, TripNotices,
  UpdateNoticeRequest, WithdrawNoticeRequest,
} from '../../../shared/schemas/notices';
import { errors, IdempotencyHeaders, writeErrors } from '../platform/openapi';
import type { App } from '../platform/types';
import { createNotice } from './create-notice';
import { publishNotice } from './publish-notice';
import { getNotice, listNotices, noticeHistory, publicNotice, publicNotices, tripNotices } from './read-notices';
import { updateNotice } from './update-notice';
import { withdrawNotice } from './withdraw-notice';

const tags = ['notices'];
const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export async function noticesRoutes(app: App) {
  app.get('/api/v1/public/notices', {
    schema: {
      tags,
      summary: 'Published notices in force now or coming (no account needed), most severe first',
      querystring: PublicNoticeQuery,
      security: [],
      response: { 200: PublicNoticeList, ...errors() },
    },
    handler: async (request) => publicNotices(request.ctx, request.query),
  });
  app.get('/api/v1/public/notices/:id', {
    schema: { tags, summary: 'One published notice (also once withdrawn or expired, with that status)', params: IdParams, security: [], response: { 200: PublicNotice, ...errors(404) } },
    handler: async (request) => publicNotice(request.ctx, request.params.id),
  });
  app.get('/api/v1/trips/:id/notices', {
    schema: { tags, summary: 'Notices over the trip’s gate during its planned window', params: IdParams, response: { 200: TripNotices, ...errors(401, 403, 404) } },
    handler: async (request) => tripNotices(request.ctx, request.params.id),
  });
  app.get('/api/v1/notices', {
    schema: { tags, summary: 'Notices about my gates, drafts included (notices:write)', querystring: NoticeListQuery, response: { 200: Type.Object({ items: Type.Array(GateNotice) }), ...errors(401, 403) } },
    handler: async (request) => listNotices(request.ctx, request.query),
  });
  app.post('/api/v1/notices', {
    schema: {
      tags,
      summary: 'Save a new notice as a draft (Vietnamese required; English and Chinese needed to publish)',
      headers: IdempotencyHeaders,
      body: CreateNoticeRequest,
      response: { 201: GateNotice, ...writeErrors(401, 403, 422) },
    },
    handler: async (request, reply) => {
      const result = await createNotice(request.ctx, request.body, request.headers['idempotency-key']);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(result.body);
    },
  });
  app.get('/api/v1/notices/:id', {
    schema: { tags, summary: 'One notice with the actions I may take and its calendar counterpart', params: IdParams, response: { 200: GateNotice, ...errors(401, 403, 404) } },
    handler: async (request) => getNotice(request.ctx, request.params.id),
  });
  app.get('/api/v1/notices/:id/history', {
    schema: { tags, summary: 'Every action on the notice, oldest first', params: IdParams, response: { 200: Type.Object({ items: Type.Array(NoticeEvent) }), ...errors(401, 403, 404) } },
    handler: async (request) => ({ items: await noticeHistory(request.ctx, request.params.id) }),
  });
  app.patch('/api/v1/notices/:id', {
    schema: { tags, summary: 'Edit a draft notice', params: IdParams, body: UpdateNoticeRequest, response: { 200: GateNotice, ...writeErrors(401, 403, 404, 409, 422) } },
    handler: async (request) => updateNotice(request.ctx, request.params.id, request.body),
  });
  app.post('/api/v1/notices/:id/publish', {
    schema: {
      tags,
      summary: 'Publish: needs the three languages; enterprises with trips at the gates in the period are notified once',
      params: IdParams,
      body: PublishNoticeRequest,
      response: { 200: GateNotice, ...writeErrors(401, 403, 404, 409, 422) },
    },
    handler: async (request) => publishNotice(request.ctx, request.params.id, request.body.version),
  });
  app.post('/api/v1/notices/:id/withdraw', {
    schema: { tags, summary: 'Withdraw a published notice, or discard a draft, with a reason', params: IdParams, body: WithdrawNoticeRequest, response: { 200: GateNotice, ...writeErrors(401, 403, 404, 409) } },
    handler: async (request) => withdrawNotice(request.ctx, request.params.id, request.body.version, request.body.reason),
  });
}
