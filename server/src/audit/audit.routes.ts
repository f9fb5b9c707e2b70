import Type from 'typebox';
import { AuditRecord } from '../../../shared/schemas/accounts';
import { errors } from '../platform/openapi';
import type { App } from '../platform/types';
import { listAudit } from './audit.service';

export async function auditRoutes(app: App) {
  app.get('/api/v1/audit', {
    schema: {
      tags: ['audit'],
      summary: 'The append-only audit log, newest first',
      querystring: Type.Object(
        {
          entityType: Type.Optional(Type.String({ pattern: '^[a-z_]{2,40}$' })),
          entityId: Type.Optional(Type.String({ maxLength: 100 })),
          beforeId: Type.Optional(Type.Integer({ minimum: 1 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
        },
        { additionalProperties: false },
      ),
      response: { 200: Type.Object({ items: Type.Array(AuditRecord) }), ...errors(401, 403) },
    },
    handler: async (request) => ({ items: await listAudit(request.ctx, request.query) }),
  });
}
