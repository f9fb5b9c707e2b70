import Type from 'typebox';
import { ApiToken, CreatedToken, CreateTokenRequest } from '../../../shared/schemas/auth';
import { Uuid } from '../../../shared/schemas/common';
import { errors, IdempotencyHeaders, writeErrors } from '../platform/openapi';
import type { App } from '../platform/types';
import * as service from './tokens.service';

export async function tokensRoutes(app: App) {
  app.get('/api/v1/tokens', {
    schema: { tags: ['tokens'], summary: 'My API tokens', response: { 200: Type.Object({ items: Type.Array(ApiToken) }), ...errors(401, 403) } },
    handler: async (request) => ({ items: await service.listTokens(request.ctx) }),
  });

  app.post('/api/v1/tokens', {
    schema: {
      tags: ['tokens'],
      summary: 'Create a scoped API token for an integration (the secret is shown once)',
      headers: IdempotencyHeaders,
      body: CreateTokenRequest,
      response: { 201: CreatedToken, ...writeErrors(401, 403) },
    },
    handler: async (request, reply) => {
      const result = await service.createToken(request.ctx, request.body, request.headers['idempotency-key']);
      return reply.code(result.status as 201).send(result.body);
    },
  });

  app.delete('/api/v1/tokens/:id', {
    schema: {
      tags: ['tokens'],
      summary: 'Revoke an API token',
      params: Type.Object({ id: Uuid }, { additionalProperties: false }),
      response: { 200: ApiToken, ...errors(401, 403, 404) },
    },
    handler: async (request) => service.revokeToken(request.ctx, request.params.id),
  });
}
