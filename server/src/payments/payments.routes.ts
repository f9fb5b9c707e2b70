import Type from 'typebox';
import { Uuid } from '../../../shared/schemas/common';
import { CreatePaymentRequest, Payment, PaymentHeaders, ProcessSimulatedResponse, ReconciliationQuery, ReconciliationReport } from '../../../shared/schemas/payments';
import { errors, writeErrors } from '../platform/openapi';
import type { App } from '../platform/types';
import { createPayment } from './create-payment';
import * as service from './payments.service';

const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export async function paymentsRoutes(app: App) {
  app.post('/api/v1/trips/:id/payments', {
    schema: {
      tags: ['payments'],
      summary: 'Pay what the trip owes (Idempotency-Key required: a retry or double click charges once)',
      description: 'The payment is accepted as pending; the bank confirms it asynchronously, then the trip becomes paid and gets its pass.',
      params: IdParams,
      headers: PaymentHeaders,
      body: CreatePaymentRequest,
      response: { 201: Payment, ...writeErrors(401, 403, 404, 409, 422) },
    },
    handler: async (request, reply) => {
      const result = await createPayment(request.ctx, request.params.id, request.body, request.headers['idempotency-key']);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(result.status as 201).send(result.body);
    },
  });
  app.get('/api/v1/trips/:id/payments', {
    schema: { tags: ['payments'], summary: 'Charges and refunds of a trip', params: IdParams, response: { 200: Type.Object({ items: Type.Array(Payment) }), ...errors(401, 403, 404) } },
    handler: async (request) => ({ items: await service.listTripPayments(request.ctx, request.params.id) }),
  });
  app.get('/api/v1/payments/:id', {
    schema: { tags: ['payments'], summary: 'One payment', params: IdParams, response: { 200: Payment, ...errors(401, 403, 404) } },
    handler: async (request) => service.getPayment(request.ctx, request.params.id),
  });
  app.get('/api/v1/payments/:id/receipt.pdf', {
    schema: { tags: ['payments'], summary: 'Receipt (PDF) of a confirmed charge', params: IdParams, response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...errors(401, 403, 404) } },
    handler: async (request, reply) => {
      const { receiptNumber, pdf } = await service.paymentReceipt(request.ctx, request.params.id);
      reply.header('content-disposition', `inline; filename="bien-lai-${receiptNumber}.pdf"`);
      return reply.type('application/pdf').send(pdf);
    },
  });
  app.post('/api/v1/payments/simulated/process', {
    schema: { tags: ['payments'], summary: 'Simulated bank: settle pending transactions and deliver confirmations now (tests, demos)', response: { 200: ProcessSimulatedResponse, ...errors(401, 403) } },
    handler: async (request) => service.processSimulated(request.ctx),
  });
  app.get('/api/v1/payments/reconciliation', {
    schema: { tags: ['payments'], summary: 'Reconcile a day\'s payments against the provider\'s ledger, listing every mismatch', querystring: ReconciliationQuery, response: { 200: ReconciliationReport, ...errors(401, 403) } },
    handler: async (request) => service.reconciliation(request.ctx, request.query.date),
  });
}
