import Type from 'typebox';
import {
  AnswerRequest,
  ApprovedCodeList,
  ApprovedCodesPage,
  ApprovedCodesQuery,
  BaysQuery,
  ClearanceTripView,
  DecisionHeaders,
  DecisionRequest,
  EnterpriseClearanceView,
  ImportApprovedCodesRequest,
  InspectionBay,
  LegalBasis,
  PublishRuleSetRequest,
  RuleSet,
  RuleSetSummary,
  WorklistPage,
  WorklistQuery,
} from '../../../shared/schemas/clearance';
import { Uuid } from '../../../shared/schemas/common';
import { errors, IdempotencyHeaders, writeErrors } from '../platform/openapi';
import type { App } from '../platform/types';
import { answerRequest } from './answer';
import { importApprovedCodes, listApprovedCodes, listCodeVersions } from './approved-codes';
import { decideControl } from './decide';
import { tripClearance } from './enterprise-view';
import { listBays, listLegalBases, readControlRules } from './lists';
import { getRuleSet, listRuleSets, publishRuleSet } from './rule-sets';
import { officerTripView } from './trip-view';
import { worklist } from './worklist';

// Routes of the clearance capability (the list with permissions is in shared/schemas/clearance.ts).

const tags = ['clearance'];
const TripParams = Type.Object({ tripId: Uuid }, { additionalProperties: false });

export async function clearanceRoutes(app: App) {
  app.get('/api/v1/clearance/worklist', {
    schema: { tags, summary: 'My agency’s controls at my gates: perishable first, then longest waiting', querystring: WorklistQuery, response: { 200: WorklistPage, ...errors(401, 403) } },
    handler: async (request) => worklist(request.ctx, request.query),
  });
  app.get('/api/v1/clearance/trips/:tripId', {
    schema: { tags, summary: 'One trip on one page: documents, every agency’s control and result, the risk selection and why, the control log', params: TripParams, response: { 200: ClearanceTripView, ...errors(401, 403, 404) } },
    handler: async (request) => officerTripView(request.ctx, request.params.tripId),
  });
  app.post('/api/v1/clearance/controls/:controlId/decisions', {
    schema: {
      tags,
      summary: 'Decide my agency’s control: pass, request documents, inspect (bay and slot assigned) or refuse (the trip is refused)',
      description: 'Idempotency-Key required. In status inspection, pass and refuse record the inspection result. A red-channel customs control passes only after inspection.',
      params: Type.Object({ controlId: Uuid }, { additionalProperties: false }),
      headers: DecisionHeaders,
      body: DecisionRequest,
      response: { 200: ClearanceTripView, ...writeErrors(401, 403, 404, 409, 422) },
    },
    handler: async (request, reply) => {
      const result = await decideControl(request.ctx, request.params.controlId, request.body, request.headers['idempotency-key']);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(200).send(result.body);
    },
  });
  app.get('/api/v1/clearance/rule-sets', {
    schema: { tags, summary: 'Customs risk rule set versions, newest first', response: { 200: Type.Object({ items: Type.Array(RuleSetSummary), total: Type.Integer() }), ...errors(401, 403) } },
    handler: async (request) => listRuleSets(request.ctx),
  });
  app.get('/api/v1/clearance/rule-sets/:version', {
    schema: { tags, summary: 'One rule set version with its rules', params: Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }), response: { 200: RuleSet, ...errors(401, 403, 404) } },
    handler: async (request) => getRuleSet(request.ctx, request.params.version),
  });
  app.post('/api/v1/clearance/rule-sets', {
    schema: {
      tags,
      summary: 'Publish a new rule set version (customs officers); past selections keep the version they used',
      headers: IdempotencyHeaders,
      body: PublishRuleSetRequest,
      response: { 201: RuleSet, ...writeErrors(401, 403, 409, 422) },
    },
    handler: async (request, reply) => {
      const result = await publishRuleSet(request.ctx, request.body, request.headers['idempotency-key']);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(result.body);
    },
  });
  app.get('/api/v1/clearance/approved-codes', {
    schema: { tags, summary: 'Approved growing-area and packing-house codes (the version in force)', querystring: ApprovedCodesQuery, response: { 200: ApprovedCodesPage, ...errors(401, 403) } },
    handler: async (request) => listApprovedCodes(request.ctx, request.query),
  });
  app.get('/api/v1/clearance/approved-codes/versions', {
    schema: { tags, summary: 'Every imported version of the approved lists', response: { 200: Type.Object({ items: Type.Array(ApprovedCodeList), total: Type.Integer() }), ...errors(401, 403) } },
    handler: async (request) => listCodeVersions(request.ctx),
  });
  app.post('/api/v1/clearance/approved-codes/import', {
    schema: {
      tags,
      summary: 'Import an approved list (plant quarantine; JSON or CSV; all or nothing, every problem listed)',
      headers: IdempotencyHeaders,
      body: ImportApprovedCodesRequest,
      response: { 201: ApprovedCodeList, ...writeErrors(401, 403, 409, 422) },
    },
    handler: async (request, reply) => {
      const result = await importApprovedCodes(request.ctx, request.body, request.headers['idempotency-key']);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(result.body);
    },
  });
  app.get('/api/v1/clearance/inspection-bays', {
    schema: { tags, summary: 'Inspection bays of a gate with the day’s bookings', querystring: BaysQuery, response: { 200: Type.Object({ items: Type.Array(InspectionBay) }), ...errors(401, 403) } },
    handler: async (request) => listBays(request.ctx, request.query.gateId, request.query.date),
  });
  app.get('/api/v1/clearance/legal-bases', {
    schema: { tags, summary: 'Legal bases a refusal may cite, with what the enterprise can do next', response: { 200: Type.Object({ items: Type.Array(LegalBasis) }), ...errors(401, 403) } },
    handler: async (request) => listLegalBases(request.ctx),
  });
  app.get('/api/v1/clearance/control-rules', {
    schema: { tags, summary: 'The control-derivation rules in force (reference/clearance/control-rules.json)', response: { 200: Type.Object({}, { additionalProperties: true }), ...errors(401, 403) } },
    handler: async (request) => readControlRules(request.ctx),
  });
  app.get('/api/v1/trips/:id/clearance', {
    schema: { tags, summary: 'Clearance of my trip: controls pending, done or blocking, what each agency asked for, what to do next', params: Type.Object({ id: Uuid }, { additionalProperties: false }), response: { 200: EnterpriseClearanceView, ...errors(401, 403, 404) } },
    handler: async (request) => tripClearance(request.ctx, request.params.id),
  });
  app.post('/api/v1/trips/:id/clearance/requests/:requestId/answer', {
    schema: {
      tags,
      summary: 'Answer an agency’s document request in place (upload files first to the trip)',
      params: Type.Object({ id: Uuid, requestId: Uuid }, { additionalProperties: false }),
      headers: IdempotencyHeaders,
      body: AnswerRequest,
      response: { 200: EnterpriseClearanceView, ...writeErrors(401, 403, 404, 409, 422) },
    },
    handler: async (request, reply) => {
      const result = await answerRequest(request.ctx, request.params.id, request.params.requestId, request.body, request.headers['idempotency-key']);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(200).send(result.body);
    },
  });
}
