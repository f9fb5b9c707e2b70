import type {
  AnswerRequest,
  ApprovedCode,
  ApprovedCodeList,
  ClearanceTripView,
  DecisionRequest,
  EnterpriseClearanceView,
  ImportApprovedCodesRequest,
  InspectionBay,
  LegalBasis,
  PublishRuleSetRequest,
  RuleSet,
  RuleSetSummary,
  WorklistItem,
} from '../../../../shared/schemas/clearance';
import { api } from '../../api/client';

// Every clearance URL the screens use (routes listed in shared/schemas/clearance.ts).

const enc = encodeURIComponent;
const idem = (key: string) => ({ 'idempotency-key': key });
const withQuery = (path: string, query?: URLSearchParams) => (query && query.size ? `${path}?${query}` : path);

export const clearanceUrls = {
  worklist: (query: URLSearchParams) => withQuery('/api/v1/clearance/worklist', query),
  trip: (tripId: string) => `/api/v1/clearance/trips/${enc(tripId)}`,
  decisions: (controlId: string) => `/api/v1/clearance/controls/${enc(controlId)}/decisions`,
  ruleSets: '/api/v1/clearance/rule-sets',
  ruleSet: (version: number | string) => `/api/v1/clearance/rule-sets/${enc(String(version))}`,
  approvedCodes: (query: URLSearchParams) => withQuery('/api/v1/clearance/approved-codes', query),
  codeVersions: '/api/v1/clearance/approved-codes/versions',
  importCodes: '/api/v1/clearance/approved-codes/import',
  bays: (gateId: string, date?: string | null) => withQuery('/api/v1/clearance/inspection-bays', new URLSearchParams({ gateId, ...(date ? { date } : {}) })),
  legalBases: '/api/v1/clearance/legal-bases',
  enterprise: (tripId: string) => `/api/v1/trips/${enc(tripId)}/clearance`,
  answer: (tripId: string, requestId: string) => `/api/v1/trips/${enc(tripId)}/clearance/requests/${enc(requestId)}/answer`,
  tripFile: (tripId: string, fileId: string) => `/api/v1/trips/${enc(tripId)}/files/${enc(fileId)}`,
  tripPage: (tripId: string) => `/trips/${enc(tripId)}`,
};

export const clearanceApi = {
  decide: (controlId: string, body: DecisionRequest, key: string) => api<ClearanceTripView>('POST', clearanceUrls.decisions(controlId), body, idem(key)),
  publishRuleSet: (body: PublishRuleSetRequest, key: string) => api<RuleSet>('POST', clearanceUrls.ruleSets, body, idem(key)),
  importCodes: (body: ImportApprovedCodesRequest, key: string) => api<ApprovedCodeList>('POST', clearanceUrls.importCodes, body, idem(key)),
  answer: (tripId: string, requestId: string, body: AnswerRequest, key: string) => api<EnterpriseClearanceView>('POST', clearanceUrls.answer(tripId, requestId), body, idem(key)),
};

export type Paged<T> = { items: T[]; total: number };
export type { ApprovedCode, ApprovedCodeList, ClearanceTripView, EnterpriseClearanceView, InspectionBay, LegalBasis, RuleSet, RuleSetSummary, WorklistItem };
