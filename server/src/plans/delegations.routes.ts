import Type from 'typebox';
import { Uuid } from '../../../shared/schemas/common';
import { CreateDelegationRequest, Delegation, DelegationActionRequest, DelegationListQuery, PlanId, UpdateDelegationRequest } from '../../../shared/schemas/plans';
import { errors, IdempotencyHeaders, writeErrors } from '../platform/openapi';
import type { App } from '../platform/types';
import * as service from './delegations.service';

const PlanParams = Type.Object({ id: PlanId }, { additionalProperties: false });
const Params = Type.Object({ id: PlanId, delegationId: Uuid }, { additionalProperties: false });
const tags = ['plans'];

export async function delegationRoutes(app: App) {
  app.get('/api/v1/plans/:id/delegations', {
    schema: { tags, summary: 'Delegations of a plan (đoàn ra / đoàn vào)', params: PlanParams, querystring: DelegationListQuery, response: { 200: Type.Object({ items: Type.Array(Delegation) }), ...errors(401, 403, 404) } },
    handler: async (request) => ({ items: await service.listDelegations(request.ctx, request.params.id, request.query) }),
  });

  app.post('/api/v1/plans/:id/delegations', {
    schema: { tags, summary: 'Register a delegation, proposed (plan owner)', params: PlanParams, headers: IdempotencyHeaders, body: CreateDelegationRequest, response: { 201: Delegation, ...writeErrors(401, 403, 404, 409, 422) } },
    handler: async (request, reply) => {
      const result = await service.createDelegation(request.ctx, request.params.id, request.body, request.headers['idempotency-key']);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(result.body);
    },
  });

  app.get('/api/v1/plans/:id/delegations/:delegationId', {
    schema: { tags, summary: 'One delegation', params: Params, response: { 200: Delegation, ...errors(401, 403, 404) } },
    handler: async (request) => service.getDelegation(request.ctx, request.params.id, request.params.delegationId),
  });

  app.patch('/api/v1/plans/:id/delegations/:delegationId', {
    schema: { tags, summary: 'Edit a delegation (plan owner)', params: Params, body: UpdateDelegationRequest, response: { 200: Delegation, ...writeErrors(401, 403, 404, 409, 422) } },
    handler: async (request) => service.updateDelegation(request.ctx, request.params.id, request.params.delegationId, request.body),
  });

  app.post('/api/v1/plans/:id/delegations/:delegationId/actions', {
    schema: {
      tags,
      summary: 'Approve (with the decision reference), reject, resubmit, complete (with the report) or cancel a delegation',
      params: Params,
      body: DelegationActionRequest,
      response: { 200: Delegation, ...writeErrors(401, 403, 404, 409, 422) },
    },
    handler: async (request) => service.delegationAction(request.ctx, request.params.id, request.params.delegationId, request.body),
  });
}
