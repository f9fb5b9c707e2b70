import Type from 'typebox';
import { Account, Agency, CreateAccountRequest, CreateEnterpriseRequest, Enterprise, UpdateAccountRequest } from '../../../shared/schemas/accounts';
import { RoleSchema } from '../../../shared/schemas/auth';
import { Uuid } from '../../../shared/schemas/common';
import { errors, IdempotencyHeaders, writeErrors } from '../platform/openapi';
import type { App } from '../platform/types';
import * as accounts from './accounts.service';
import * as enterprises from './enterprises.service';

const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export async function accountsRoutes(app: App) {
  app.get('/api/v1/accounts', {
    schema: {
      tags: ['accounts'],
      summary: 'List accounts (administrators; an enterprise administrator sees its own users)',
      querystring: Type.Object(
        { role: Type.Optional(RoleSchema), q: Type.Optional(Type.String({ maxLength: 100 })), enterpriseId: Type.Optional(Uuid) },
        { additionalProperties: false },
      ),
      response: { 200: Type.Object({ items: Type.Array(Account) }), ...errors(401, 403) },
    },
    handler: async (request) => ({ items: await accounts.listAccounts(request.ctx, request.query) }),
  });

  app.get('/api/v1/accounts/:id', {
    schema: { tags: ['accounts'], summary: 'One account', params: IdParams, response: { 200: Account, ...errors(401, 403, 404) } },
    handler: async (request) => accounts.getAccount(request.ctx, request.params.id),
  });

  app.post('/api/v1/accounts', {
    schema: {
      tags: ['accounts'],
      summary: 'Create an account',
      headers: IdempotencyHeaders,
      body: CreateAccountRequest,
      response: { 201: Account, ...writeErrors(401, 403, 409, 422) },
    },
    handler: async (request, reply) => {
      const result = await accounts.createAccount(request.ctx, request.body, request.headers['idempotency-key']);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(result.status as 201).send(result.body);
    },
  });

  app.patch('/api/v1/accounts/:id', {
    schema: {
      tags: ['accounts'],
      summary: 'Change an account: role, scope, status, password reset',
      params: IdParams,
      body: UpdateAccountRequest,
      response: { 200: Account, ...writeErrors(401, 403, 404, 409, 422) },
    },
    handler: async (request) => accounts.updateAccount(request.ctx, request.params.id, request.body),
  });

  app.get('/api/v1/enterprises', {
    schema: {
      tags: ['enterprises'],
      summary: 'List enterprises (an enterprise user sees only its own)',
      querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Enterprise) }), ...errors(401, 403) },
    },
    handler: async (request) => ({ items: await enterprises.listEnterprises(request.ctx, request.query) }),
  });

  app.get('/api/v1/enterprises/:id', {
    schema: { tags: ['enterprises'], summary: 'One enterprise', params: IdParams, response: { 200: Enterprise, ...errors(401, 403, 404) } },
    handler: async (request) => enterprises.getEnterprise(request.ctx, request.params.id),
  });

  app.post('/api/v1/enterprises', {
    schema: {
      tags: ['enterprises'],
      summary: 'Register an enterprise by tax code',
      headers: IdempotencyHeaders,
      body: CreateEnterpriseRequest,
      response: { 201: Enterprise, ...writeErrors(401, 403, 409) },
    },
    handler: async (request, reply) => {
      const result = await enterprises.createEnterprise(request.ctx, request.body, request.headers['idempotency-key']);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(result.status as 201).send(result.body);
    },
  });

  app.get('/api/v1/agencies', {
    schema: {
      tags: ['agencies'],
      summary: 'State agencies (public)',
      querystring: Type.Object(
        { province: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })), kind: Type.Optional(Type.String({ pattern: '^[a-z_]{2,40}$' })) },
        { additionalProperties: false },
      ),
      response: { 200: Type.Object({ items: Type.Array(Agency) }), ...errors() },
    },
    handler: async (request) => ({ items: await enterprises.listAgencies(request.ctx, request.query) }),
  });
}
