import Type from 'typebox';
import { Uuid } from '../../../shared/schemas/common';
import { GatePass, PassKeysResponse, VerifyPassRequest, VerifyPassResponse } from '../../../shared/schemas/passes';
import { errors, writeErrors } from '../platform/openapi';
import type { App } from '../platform/types';
import * as service from './passes.service';

const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export async function passesRoutes(app: App) {
  app.get('/api/v1/trips/:id/pass', {
    schema: { tags: ['passes'], summary: 'The trip\'s gate pass: signed token and QR code for the phone screen', params: IdParams, response: { 200: GatePass, ...errors(401, 403, 404) } },
    handler: async (request) => service.getTripPass(request.ctx, request.params.id),
  });
  app.get('/api/v1/trips/:id/pass.pdf', {
    schema: { tags: ['passes'], summary: 'Printable gate pass (PDF)', params: IdParams, response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...errors(401, 403, 404) } },
    handler: async (request, reply) => {
      const { reference, pdf } = await service.tripPassPdf(request.ctx, request.params.id);
      reply.header('content-disposition', `inline; filename="the-qua-cua-khau-${reference}.pdf"`);
      return reply.type('application/pdf').send(pdf);
    },
  });
  app.get('/api/v1/passes/keys', {
    schema: { tags: ['passes'], summary: 'Public keys that sign gate passes, for offline verification (public)', security: [], response: { 200: PassKeysResponse, ...errors() } },
    handler: async (request) => ({ keys: await service.passKeys(request.ctx) }),
  });
  app.post('/api/v1/passes/verify', {
    schema: { tags: ['passes'], summary: 'Verify a pass token online: signature, expiry, and whether it is still the trip\'s valid pass', body: VerifyPassRequest, response: { 200: VerifyPassResponse, ...writeErrors(401, 403) } },
    handler: async (request) => service.verifyPass(request.ctx, request.body.token),
  });
}
