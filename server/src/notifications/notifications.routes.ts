import Type from 'typebox';
import { Uuid } from '../../../shared/schemas/common';
import { Notice, NoticeList, NoticeListQuery, OutboxMessage, OutboxQuery } from '../../../shared/schemas/notifications';
import { errors } from '../platform/openapi';
import type { App } from '../platform/types';
import * as service from './notifications.service';

const tags = ['notifications'];

export async function notificationsRoutes(app: App) {
  app.get('/api/v1/notifications', {
    schema: { tags, summary: 'My in-app notices, newest first, with the unread count', querystring: NoticeListQuery, response: { 200: NoticeList, ...errors(401) } },
    handler: async (request) => service.listMyNotices(request.ctx, request.query),
  });

  app.post('/api/v1/notifications/:id/read', {
    schema: {
      tags,
      summary: 'Mark one of my notices read (repeating it changes nothing)',
      params: Type.Object({ id: Uuid }, { additionalProperties: false }),
      response: { 200: Notice, ...errors(401, 404) },
    },
    handler: async (request) => service.markRead(request.ctx, request.params.id),
  });

  app.post('/api/v1/notifications/read-all', {
    schema: { tags, summary: 'Mark all my notices read', response: { 200: Type.Object({ marked: Type.Integer() }), ...errors(401) } },
    handler: async (request) => service.markAllRead(request.ctx),
  });

  app.get('/api/v1/notifications/outbox', {
    schema: {
      tags,
      summary: 'E-mail and SMS messages handed to the provider (administrators)',
      querystring: OutboxQuery,
      response: { 200: Type.Object({ items: Type.Array(OutboxMessage) }), ...errors(401, 403) },
    },
    handler: async (request) => ({ items: await service.listOutbox(request.ctx, request.query) }),
  });
}
