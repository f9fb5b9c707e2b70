import Type, { type Static } from 'typebox';
import type { Role } from '../roles';
import { CLEARANCE_STATUSES, TRIP_STATUSES } from '../workflows/trip';
import { DateString, GateId, Nullable, Reason, TimeOfDay, Uuid } from './common';
import { CargoLine, TRIP_DIRECTIONS, TripDocument, TripDocumentKind, TripFile, TripWindow } from './trips';

// One-stop clearance (issue 7): each trip's controls derived from its cargo, people and
// direction (reference/clearance/control-rules.json), the customs risk channel chosen by a
// versioned rule set, agency worklists and decisions, inspection bays, approved PUC/PHC lists.
// Shared by the server (validation, OpenAPI) and the web (types, which buttons to show).
//
// ROUTES (all JSON; errors are problem+json with codes from shared/errors/clearance.ts)
//
// Officers (role customs, border_guard, plant_quarantine, animal_quarantine, health_quarantine;
// gate authority, yard operator and leaders read only). Gate scope: an officer sees and acts
// only at the gates assigned to them (403 auth.out_of_scope for another gate's worklist,
// 404 clearance.* for another gate's trip/control).
//   GET  /api/v1/clearance/worklist                 clearance:read    controls to work on at my gates (WorklistQuery → Page<WorklistItem>),
//                                                                       sorted perishable first, then longest waiting
//   GET  /api/v1/clearance/trips/:tripId            clearance:read    one trip on one page: cargo (with PUC/PHC checks), documents,
//                                                                       files, every agency's control and result, the risk selection
//                                                                       and why, the control events (ClearanceTripView)
//   POST /api/v1/clearance/controls/:controlId/decisions
//                                                   clearance:decide  record a decision on MY agency's control (DecisionRequest;
//                                                                       Idempotency-Key REQUIRED; `version` = control version read).
//                                                                       pass | request_documents | inspect (bay + slot assigned) |
//                                                                       refuse (legal basis; the trip is refused). In status
//                                                                       `inspection`, pass/refuse record the inspection result.
//                                                                       → ClearanceTripView
//   GET  /api/v1/clearance/rule-sets                clearance:read    risk rule set versions, newest first (Page<RuleSetSummary>)
//   GET  /api/v1/clearance/rule-sets/:version       clearance:read    one version with its rules (RuleSet)
//   POST /api/v1/clearance/rule-sets                clearance:rules   publish a new version (customs officers only; PublishRuleSetRequest;
//                                                                       Idempotency-Key optional). Past selections keep their version.
//   GET  /api/v1/clearance/approved-codes           clearance:read    current approved PUC/PHC list (ApprovedCodesQuery → ApprovedCodesPage)
//   GET  /api/v1/clearance/approved-codes/versions  clearance:read    every imported version (Page<ApprovedCodeList>)
//   POST /api/v1/clearance/approved-codes/import    clearance:rules   import a list (plant quarantine only; JSON or CSV; atomic:
//                                                                       422 clearance.import_invalid lists every problem) → ApprovedCodeList
//   GET  /api/v1/clearance/inspection-bays          clearance:read    bays at a gate with the day's bookings (BaysQuery → {items})
//   GET  /api/v1/clearance/legal-bases              clearance:read    legal bases a refusal may cite ({items: LegalBasis[]})
//   GET  /api/v1/clearance/control-rules            clearance:read    the control-derivation rules in force (data file, read only)
//
// Enterprises and drivers (their own trips; officers at the trip's gate may read too):
//   GET  /api/v1/trips/:id/clearance                trips:read        which controls are pending, done or blocking, what each agency
//                                                                       asked for, inspection place and time, what to do next
//                                                                       (EnterpriseClearanceView)
//   POST /api/v1/trips/:id/clearance/requests/:requestId/answer
//                                                   trips:write       answer an agency's document request in place (AnswerRequest;
//                                                                       files first via POST /api/v1/trips/:id/files; Idempotency-Key
//                                                                       optional); the control returns to the officer's worklist
//                                                                       → EnterpriseClearanceView

const DateTime = Type.String({ format: 'date-time' });
const Text3 = { vi: Type.String(), en: Type.String(), zh: Type.String() };

/** The control agencies; each is also the role of its officers. */
export const CLEARANCE_AGENCIES = ['customs', 'border_guard', 'plant_quarantine', 'animal_quarantine', 'health_quarantine'] as const;
export type ClearanceAgency = (typeof CLEARANCE_AGENCIES)[number];

/** Which agency an officer works for, from their role (other roles decide nothing). */
export function agencyOfRole(role: Role): ClearanceAgency | null {
  return (CLEARANCE_AGENCIES as readonly string[]).includes(role) ? (role as ClearanceAgency) : null;
}

/** What is controlled. A kind is decided by one agency (food safety and licences by the agency the rule names). */
export const CONTROL_KINDS = ['border_control', 'customs', 'plant_quarantine', 'animal_quarantine', 'health_quarantine', 'food_safety', 'licence'] as const;
export type ControlKind = (typeof CONTROL_KINDS)[number];

/**
 * - pending: waiting for the agency (from submission: decided before arrival when possible).
 * - documents_requested: the agency asked the enterprise for documents; answering returns it to pending.
 * - inspection: physical inspection at an assigned bay and slot; its result passes or refuses.
 * - passed / waived: done (waived: a rule exempts this trip). refused: the trip is refused.
 * - closed: no longer required (amendment) or the trip ended before a decision.
 */
export const CONTROL_STATUSES = ['pending', 'documents_requested', 'inspection', 'passed', 'refused', 'waived', 'closed'] as const;
export type ControlStatus = (typeof CONTROL_STATUSES)[number];
export const OPEN_CONTROL_STATUSES: readonly ControlStatus[] = ['pending', 'documents_requested', 'inspection'];
export const FINAL_CONTROL_STATUSES: readonly ControlStatus[] = ['passed', 'refused', 'waived', 'closed'];

export const CHANNELS = ['green', 'yellow', 'red'] as const;
export type Channel = (typeof CHANNELS)[number];

/** What an officer may record. */
export const DECISION_OUTCOMES = ['pass', 'request_documents', 'inspect', 'refuse'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** The control workflow the server enforces (409 with allowedActions otherwise) and the UI reads for its buttons. */
export const CONTROL_TRANSITIONS: Readonly<Record<ControlStatus, Readonly<Partial<Record<DecisionOutcome, ControlStatus>>>>> = {
  pending: { pass: 'passed', request_documents: 'documents_requested', inspect: 'inspection', refuse: 'refused' },
  documents_requested: { pass: 'passed', inspect: 'inspection', refuse: 'refused' },
  // In inspection, pass and refuse record the inspection result.
  inspection: { pass: 'passed', refuse: 'refused' },
  passed: {},
  refused: {},
  waived: {},
  closed: {},
};

/** Outcomes the table allows now. A red-channel customs control is passed only after its physical inspection. */
export function controlOutcomesFrom(status: ControlStatus, kind: ControlKind, channel: Channel | null): DecisionOutcome[] {
  const outcomes = Object.keys(CONTROL_TRANSITIONS[status]) as DecisionOutcome[];
  if (kind === 'customs' && channel === 'red' && status !== 'inspection') return outcomes.filter((o) => o !== 'pass');
  return outcomes;
}

/** Every entry of the control log. System actions: derived, selected, auto_pass, auto_waive, answer, reopen, close. */
export const CONTROL_EVENT_ACTIONS = ['derived', 'selected', 'auto_pass', 'auto_waive', 'pass', 'request_documents', 'answer', 'inspect', 'inspection_pass', 'inspection_refuse', 'refuse', 'reopen', 'close'] as const;
export type ControlEventAction = (typeof CONTROL_EVENT_ACTIONS)[number];

export const ClearanceAgencySchema = Type.Enum(CLEARANCE_AGENCIES);
export const ControlKindSchema = Type.Enum(CONTROL_KINDS);
export const ControlStatusSchema = Type.Enum(CONTROL_STATUSES);
export const ChannelSchema = Type.Enum(CHANNELS);
export const DecisionOutcomeSchema = Type.Enum(DECISION_OUTCOMES);

const Bilingual = Type.Object({ vi: Type.String(), en: Type.String() });
const Trilingual = Type.Object(Text3);

// ---------------------------------------------------------------------------------------------
// Controls

export const ControlBasis = Type.Object({
  ruleId: Type.String({ description: 'Rule of reference/clearance/control-rules.json that requires this control' }),
  description: Bilingual,
  lines: Type.Array(Type.Integer(), { description: 'Cargo line indexes the rule matched (empty: the whole trip)' }),
});
export type ControlBasis = Static<typeof ControlBasis>;

export const ControlFlag = Type.Object({
  code: Type.String({ description: 'e.g. code_not_approved, epidemic_alert, value_below_reference' }),
  lineIndex: Nullable(Type.Integer()),
  message: Bilingual,
});
export type ControlFlag = Static<typeof ControlFlag>;

export const LegalBasisRef = Type.Object({ id: Type.String(), title: Trilingual });

export const ControlDecision = Type.Object({
  outcome: Type.Union([DecisionOutcomeSchema, Type.Literal('auto_pass'), Type.Literal('auto_waive')]),
  at: DateTime,
  byLabel: Type.String({ description: 'Officer, or "system: green lane" for automatic decisions' }),
  note: Nullable(Type.String()),
  legalBasis: Nullable(LegalBasisRef),
});
export type ControlDecision = Static<typeof ControlDecision>;

export const RequestedItem = Type.Object(
  { kind: TripDocumentKind, description: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
export const AnsweredDocument = Type.Object(
  {
    kind: TripDocumentKind,
    number: Type.String({ minLength: 1, maxLength: 60 }),
    fileId: Type.Optional(Nullable(Uuid)),
    note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  },
  { additionalProperties: false },
);

export const DocumentRequest = Type.Object({
  id: Uuid,
  controlId: Uuid,
  agency: ClearanceAgencySchema,
  items: Type.Array(RequestedItem),
  message: Type.String(),
  requestedAt: DateTime,
  requestedByLabel: Type.String(),
  answeredAt: Nullable(DateTime),
  answer: Nullable(
    Type.Object({
      message: Type.String(),
      documents: Type.Array(Type.Object({ kind: TripDocumentKind, number: Type.String(), fileId: Nullable(Uuid), note: Nullable(Type.String()) })),
      answeredByLabel: Type.String(),
    }),
  ),
});
export type DocumentRequest = Static<typeof DocumentRequest>;

export const INSPECTION_STATUSES = ['scheduled', 'passed', 'refused', 'cancelled'] as const;
export const Inspection = Type.Object({
  id: Uuid,
  controlId: Uuid,
  agency: ClearanceAgencySchema,
  bayId: Type.String(),
  bayName: Trilingual,
  place: Trilingual,
  slotStart: DateTime,
  slotEnd: DateTime,
  status: Type.Enum(INSPECTION_STATUSES),
  resultAt: Nullable(DateTime),
  resultNote: Nullable(Type.String()),
});
export type Inspection = Static<typeof Inspection>;

export const ClearanceControl = Type.Object({
  id: Uuid,
  tripId: Uuid,
  agency: ClearanceAgencySchema,
  kind: ControlKindSchema,
  status: ControlStatusSchema,
  channel: Nullable(ChannelSchema),
  basis: Type.Array(ControlBasis),
  flags: Type.Array(ControlFlag),
  readyAt: DateTime,
  waitingSince: Nullable(DateTime),
  decision: Nullable(ControlDecision),
  requests: Type.Array(DocumentRequest),
  inspection: Nullable(Inspection),
  version: Type.Integer({ description: 'Send it back with a decision; a stale one gets 409' }),
  allowedOutcomes: Type.Array(DecisionOutcomeSchema, { description: 'What the current user may decide now (empty for other agencies)' }),
});
export type ClearanceControl = Static<typeof ClearanceControl>;

export const ControlEvent = Type.Object({
  id: Type.Integer(),
  controlId: Uuid,
  agency: ClearanceAgencySchema,
  kind: ControlKindSchema,
  action: Type.Enum(CONTROL_EVENT_ACTIONS),
  fromStatus: Nullable(ControlStatusSchema),
  toStatus: ControlStatusSchema,
  at: DateTime,
  actorLabel: Type.String(),
  reason: Nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown()),
});
export type ControlEvent = Static<typeof ControlEvent>;

// ---------------------------------------------------------------------------------------------
// Risk selection

export const FiredRule = Type.Object({ id: Type.String(), channel: ChannelSchema, description: Bilingual, mandatory: Type.Boolean() });

export const QUOTA_ACTIONS = ['none', 'downgraded', 'upgraded'] as const;
export const Selection = Type.Object({
  id: Uuid,
  tripId: Uuid,
  ruleSetVersion: Type.Integer(),
  channel: ChannelSchema,
  stage: Type.Enum(['criteria', 'random', 'quota', 'default'] as const, { description: 'Which stage settled the channel' }),
  criteriaChannel: ChannelSchema,
  firedRule: Nullable(FiredRule),
  firedRules: Type.Array(FiredRule, { description: 'Every rule whose criteria held, in rule order' }),
  inputs: Type.Object({
    complianceClass: Type.String(),
    counters: Type.Object({ trips: Type.Integer(), cleared: Type.Integer(), refusals: Type.Integer(), discrepancies: Type.Integer(), documentRequests: Type.Integer() }),
    hsRisk: Type.Array(Type.Object({ lineIndex: Type.Integer(), hsCode: Nullable(Type.String()), level: Type.String() })),
    valueChecks: Type.Array(
      Type.Object({ lineIndex: Type.Integer(), unitValueUsd: Nullable(Type.Number()), referenceUsd: Nullable(Type.Number()), ratio: Nullable(Type.Number()) }),
    ),
    origins: Type.Array(Type.String()),
    licensedGoods: Type.Boolean(),
    direction: Nullable(Type.String()),
    perishable: Type.Boolean(),
  }),
  random: Type.Object({ draw: Type.Number({ description: 'HMAC(seed, tripId) mapped to [0,1)' }), red: Type.Number(), yellow: Type.Number(), outcome: Nullable(ChannelSchema) }),
  quota: Type.Object({
    gateId: Type.String(),
    day: DateString,
    redQuota: Type.Integer({ description: 'Red selections the gate can inspect that day (bays × slots × share)' }),
    redBefore: Type.Integer(),
    totalBefore: Type.Integer(),
    minRedShare: Type.Number(),
    action: Type.Enum(QUOTA_ACTIONS),
  }),
  explanation: Bilingual,
  selectedAt: DateTime,
  current: Type.Boolean({ description: 'false when a later amendment re-selected the trip' }),
});
export type Selection = Static<typeof Selection>;

export const HS_RISK_LEVELS = ['low', 'medium', 'high'] as const;

export const RuleCondition = Type.Object(
  {
    complianceClass: Type.Optional(Type.Array(Type.String({ pattern: '^[A-Z]$' }), { minItems: 1 })),
    hsRisk: Type.Optional(Type.Array(Type.Enum(HS_RISK_LEVELS), { minItems: 1, description: 'Any line at one of these levels' })),
    declaredValueBelowReference: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1, description: 'Any line whose unit value is below this share of the reference value' })),
    originIn: Type.Optional(Type.Array(Type.String({ pattern: '^[A-Z]{2}$' }), { minItems: 1 })),
    licensedGoods: Type.Optional(Type.Boolean({ description: 'The trip needs a licence control (control-rules.json)' })),
    minPreviousRefusals: Type.Optional(Type.Integer({ minimum: 1 })),
    minPreviousDiscrepancies: Type.Optional(Type.Integer({ minimum: 1 })),
    directions: Type.Optional(Type.Array(Type.Enum(TRIP_DIRECTIONS), { minItems: 1 })),
    perishable: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1, description: 'Every condition given must hold' },
);
export type RuleCondition = Static<typeof RuleCondition>;

export const RiskRule = Type.Object(
  {
    id: Type.String({ pattern: '^[A-Za-z0-9_.-]{2,40}$' }),
    description: Type.Object({ vi: Type.String({ minLength: 1, maxLength: 300 }), en: Type.String({ minLength: 1, maxLength: 300 }) }, { additionalProperties: false }),
    channel: ChannelSchema,
    mandatory: Type.Optional(Type.Boolean({ description: 'A mandatory red is never downgraded by the quota' })),
    when: RuleCondition,
  },
  { additionalProperties: false },
);
export type RiskRule = Static<typeof RiskRule>;

export const ComplianceClassRule = Type.Object(
  {
    class: Type.String({ pattern: '^[A-Z]$' }),
    minTrips: Type.Optional(Type.Integer({ minimum: 0 })),
    maxRefusals: Type.Optional(Type.Integer({ minimum: 0 })),
    maxDiscrepancies: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false, description: 'First class whose limits hold; the last one is the fallback' },
);

export const RiskRules = Type.Object(
  {
    seed: Type.String({ minLength: 8, maxLength: 200, description: 'Key of the random draw HMAC(seed, tripId); officers only' }),
    complianceClasses: Type.Array(ComplianceClassRule, { minItems: 1, maxItems: 10 }),
    hsRisk: Type.Array(Type.Object({ prefix: Type.String({ pattern: '^[0-9]{2,8}$' }), level: Type.Enum(HS_RISK_LEVELS) }, { additionalProperties: false }), { maxItems: 2000 }),
    referenceValues: Type.Array(
      Type.Object(
        { hsPrefix: Type.String({ pattern: '^[0-9]{2,8}$' }), unit: Type.String({ pattern: '^[A-Z0-9]{2,3}$' }), usdPerUnit: Type.Number({ exclusiveMinimum: 0 }) },
        { additionalProperties: false },
      ),
      { maxItems: 2000 },
    ),
    rules: Type.Array(RiskRule, { maxItems: 200 }),
    random: Type.Object({ red: Type.Number({ minimum: 0, maximum: 1 }), yellow: Type.Number({ minimum: 0, maximum: 1 }) }, { additionalProperties: false }),
    quota: Type.Object(
      {
        redShareOfInspectionCapacity: Type.Number({ minimum: 0, maximum: 10, description: 'Red selections per day = customs inspection slots × this' }),
        minRedShare: Type.Number({ minimum: 0, maximum: 1, description: 'Below this share of red among the day\'s selections, a yellow is upgraded (while capacity lasts)' }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type RiskRules = Static<typeof RiskRules>;

export const RuleSetSummary = Type.Object({
  version: Type.Integer(),
  effectiveFrom: DateTime,
  createdAt: DateTime,
  createdByLabel: Type.String(),
  reason: Type.String(),
  ruleCount: Type.Integer(),
  inForce: Type.Boolean({ description: 'The version selections use now' }),
});
export type RuleSetSummary = Static<typeof RuleSetSummary>;
export const RuleSet = Type.Object({ ...RuleSetSummary.properties, rules: RiskRules });
export type RuleSet = Static<typeof RuleSet>;

export const PublishRuleSetRequest = Type.Object(
  {
    effectiveFrom: Type.Optional(Type.String({ format: 'date-time', description: 'Default now; never in the past' })),
    reason: Reason,
    rules: RiskRules,
  },
  { additionalProperties: false },
);
export type PublishRuleSetRequest = Static<typeof PublishRuleSetRequest>;

// ---------------------------------------------------------------------------------------------
// Officer views

export const ComplianceSummary = Type.Object({
  class: Type.String(),
  trips: Type.Integer(),
  cleared: Type.Integer(),
  refusals: Type.Integer(),
  discrepancies: Type.Integer(),
  documentRequests: Type.Integer(),
});

export const CODE_CHECKS = ['approved', 'not_approved', 'missing', 'not_applicable'] as const;
export const CodeCheck = Type.Enum(CODE_CHECKS);

export const ClearanceTripView = Type.Object({
  trip: Type.Object({
    id: Uuid,
    reference: Type.String(),
    enterpriseId: Uuid,
    enterpriseName: Type.String(),
    status: Type.Enum(TRIP_STATUSES),
    clearanceStatus: Type.Enum(CLEARANCE_STATUSES),
    direction: Nullable(Type.Enum(TRIP_DIRECTIONS)),
    gateId: Nullable(GateId),
    gateName: Nullable(Type.String()),
    plannedDate: Nullable(DateString),
    window: Nullable(TripWindow),
    plate: Nullable(Type.String()),
    trailerPlate: Nullable(Type.String()),
    driverName: Nullable(Type.String()),
    driverNationality: Nullable(Type.String()),
    driverDocument: Nullable(Type.String()),
    perishable: Type.Boolean(),
    submittedAt: Nullable(DateTime),
  }),
  cargoLines: Type.Array(Type.Object({ ...CargoLine.properties, growingAreaCheck: CodeCheck, packingHouseCheck: CodeCheck })),
  documents: Type.Array(TripDocument),
  files: Type.Array(TripFile),
  controls: Type.Array(ClearanceControl),
  selection: Nullable(Selection),
  selections: Type.Array(Selection, { description: 'Every selection of this trip, newest first' }),
  compliance: ComplianceSummary,
  events: Type.Array(ControlEvent, { description: 'Control log, oldest first' }),
});
export type ClearanceTripView = Static<typeof ClearanceTripView>;

export const WorklistQuery = Type.Object(
  {
    gateId: Type.Optional(GateId),
    agency: Type.Optional(ClearanceAgencySchema),
    status: Type.Optional(Type.Enum(['open', 'all', ...CONTROL_STATUSES] as const, { description: 'Default open: pending and inspection (documents_requested waits for the enterprise)' })),
    channel: Type.Optional(ChannelSchema),
    perishable: Type.Optional(Type.Boolean()),
    minWaitMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
    plannedDate: Type.Optional(DateString),
    q: Type.Optional(Type.String({ maxLength: 40, description: 'Trip reference or plate contains' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  },
  { additionalProperties: false },
);
export type WorklistQuery = Static<typeof WorklistQuery>;

export const WorklistItem = Type.Object({
  controlId: Uuid,
  tripId: Uuid,
  reference: Type.String(),
  enterpriseName: Type.String(),
  gateId: GateId,
  agency: ClearanceAgencySchema,
  kind: ControlKindSchema,
  status: ControlStatusSchema,
  channel: Nullable(ChannelSchema),
  tripStatus: Type.Enum(TRIP_STATUSES),
  clearanceStatus: Type.Enum(CLEARANCE_STATUSES),
  direction: Nullable(Type.Enum(TRIP_DIRECTIONS)),
  plannedDate: Nullable(DateString),
  window: Nullable(TripWindow),
  plate: Nullable(Type.String()),
  perishable: Type.Boolean(),
  goods: Type.String({ description: 'Descriptions of the cargo lines' }),
  flags: Type.Array(ControlFlag),
  waitingSince: Nullable(DateTime),
  waitingMinutes: Type.Integer(),
  answered: Type.Boolean({ description: 'The enterprise answered a document request' }),
  inspection: Nullable(Type.Object({ bayId: Type.String(), slotStart: DateTime, slotEnd: DateTime })),
  version: Type.Integer(),
});
export type WorklistItem = Static<typeof WorklistItem>;
export const WorklistPage = Type.Object({ items: Type.Array(WorklistItem), total: Type.Integer() });

export const DecisionRequest = Type.Object(
  {
    outcome: DecisionOutcomeSchema,
    version: Type.Integer({ minimum: 1, description: 'The control version you read' }),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
    message: Type.Optional(Type.String({ minLength: 3, maxLength: 1000, description: 'request_documents: what to send and why' })),
    items: Type.Optional(Type.Array(RequestedItem, { minItems: 1, maxItems: 20, description: 'request_documents: the documents asked for' })),
    bayId: Type.Optional(Type.String({ maxLength: 64, description: 'inspect: a bay of your choice (default: assigned by capacity and workload)' })),
    legalBasisId: Type.Optional(Type.String({ maxLength: 64, description: 'refuse: one of GET /api/v1/clearance/legal-bases' })),
    reason: Type.Optional(Reason),
  },
  { additionalProperties: false },
);
export type DecisionRequest = Static<typeof DecisionRequest>;

export const DecisionHeaders = Type.Object(
  { 'idempotency-key': Type.String({ minLength: 8, maxLength: 200, description: 'Required: the same key replays the first answer; the decision is recorded once' }) },
  { additionalProperties: true },
);

// ---------------------------------------------------------------------------------------------
// Reference lists

export const LegalBasis = Type.Object({
  id: Type.String(),
  agencies: Type.Array(ClearanceAgencySchema),
  title: Trilingual,
  whatNext: Trilingual,
});
export type LegalBasis = Static<typeof LegalBasis>;

export const InspectionBay = Type.Object({
  id: Type.String(),
  gateId: GateId,
  name: Trilingual,
  place: Trilingual,
  agencies: Type.Array(ClearanceAgencySchema),
  opens: TimeOfDay,
  closes: TimeOfDay,
  slotMinutes: Type.Integer(),
  trucksPerSlot: Type.Integer(),
  capacityPerDay: Type.Integer(),
  booked: Type.Integer({ description: 'Scheduled inspections on the requested day' }),
});
export type InspectionBay = Static<typeof InspectionBay>;
export const BaysQuery = Type.Object({ gateId: GateId, date: Type.Optional(DateString) }, { additionalProperties: false });

export const APPROVED_CODE_KINDS = ['puc', 'phc'] as const;
export const ApprovedCodeInput = Type.Object(
  {
    kind: Type.Enum(APPROVED_CODE_KINDS, { description: 'puc: growing area; phc: packing house' }),
    code: Type.String({ minLength: 3, maxLength: 40 }),
    fruit: Type.String({ pattern: '^[a-z_]{2,40}$', description: 'Fruit id of reference/trips/fruit-protocols.json' }),
    holder: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    province: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  },
  { additionalProperties: false },
);
export type ApprovedCodeInput = Static<typeof ApprovedCodeInput>;
export const ApprovedCode = Type.Object({ kind: Type.Enum(APPROVED_CODE_KINDS), code: Type.String(), fruit: Type.String(), holder: Nullable(Type.String()), province: Nullable(Type.String()) });
export type ApprovedCode = Static<typeof ApprovedCode>;

export const ApprovedCodeList = Type.Object({
  version: Type.Integer(),
  label: Type.String({ description: 'Source label, e.g. GACC list 2026-11' }),
  mode: Type.Enum(['replace', 'merge'] as const),
  importedAt: DateTime,
  importedByLabel: Type.String(),
  reason: Type.String(),
  counts: Type.Object({ puc: Type.Integer(), phc: Type.Integer() }),
  current: Type.Boolean(),
});
export type ApprovedCodeList = Static<typeof ApprovedCodeList>;

export const ImportApprovedCodesRequest = Type.Object(
  {
    label: Type.String({ minLength: 1, maxLength: 200 }),
    reason: Reason,
    mode: Type.Enum(['replace', 'merge'] as const, { description: 'replace: the list is exactly this; merge: add to the current list' }),
    format: Type.Enum(['json', 'csv'] as const),
    codes: Type.Optional(Type.Array(ApprovedCodeInput, { maxItems: 50_000 })),
    csv: Type.Optional(Type.String({ maxLength: 2_000_000, description: 'Header row: kind,code,fruit,holder,province' })),
  },
  { additionalProperties: false },
);
export type ImportApprovedCodesRequest = Static<typeof ImportApprovedCodesRequest>;

export const ApprovedCodesQuery = Type.Object(
  {
    kind: Type.Optional(Type.Enum(APPROVED_CODE_KINDS)),
    fruit: Type.Optional(Type.String({ maxLength: 40 })),
    q: Type.Optional(Type.String({ maxLength: 40 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  },
  { additionalProperties: false },
);
export const ApprovedCodesPage = Type.Object({ version: Nullable(Type.Integer()), items: Type.Array(ApprovedCode), total: Type.Integer() });

// ---------------------------------------------------------------------------------------------
// Enterprise view

/** For the enterprise: done (passed, waived), pending (with the agency), blocking (needs you, or refused), closed. */
export const CONTROL_STATES = ['pending', 'done', 'blocking', 'closed'] as const;
export type ControlState = (typeof CONTROL_STATES)[number];
export function controlState(status: ControlStatus): ControlState {
  if (status === 'passed' || status === 'waived') return 'done';
  if (status === 'closed') return 'closed';
  if (status === 'pending') return 'pending';
  return 'blocking';
}

export const DriverInstruction = Type.Object({
  kind: Type.String({ description: 'inspection, documents_requested, refused, cleared, pending' }),
  vi: Type.String(),
  en: Type.String(),
  zh: Type.String(),
  place: Type.Optional(Nullable(Type.String())),
  at: Type.Optional(Nullable(DateTime)),
});

export const EnterpriseControl = Type.Object({
  id: Uuid,
  agency: ClearanceAgencySchema,
  kind: ControlKindSchema,
  status: ControlStatusSchema,
  state: Type.Enum(CONTROL_STATES),
  channel: Nullable(ChannelSchema),
  decidedAt: Nullable(DateTime),
  outcome: Nullable(Type.String()),
  refusal: Nullable(Type.Object({ legalBasis: Nullable(LegalBasisRef), reason: Nullable(Type.String()), whatNext: Trilingual })),
  requests: Type.Array(DocumentRequest),
  inspection: Nullable(Inspection),
  flags: Type.Array(ControlFlag),
});
export type EnterpriseControl = Static<typeof EnterpriseControl>;

export const EnterpriseClearanceView = Type.Object({
  tripId: Uuid,
  reference: Type.String(),
  tripStatus: Type.Enum(TRIP_STATUSES),
  clearanceStatus: Type.Enum(CLEARANCE_STATUSES),
  counts: Type.Object({ pending: Type.Integer(), done: Type.Integer(), blocking: Type.Integer() }),
  controls: Type.Array(EnterpriseControl),
  instructions: Type.Array(DriverInstruction),
  canAnswer: Type.Boolean({ description: 'The current user may answer document requests' }),
});
export type EnterpriseClearanceView = Static<typeof EnterpriseClearanceView>;

export const AnswerRequest = Type.Object(
  {
    message: Type.String({ minLength: 3, maxLength: 1000 }),
    documents: Type.Array(AnsweredDocument, { maxItems: 20 }),
  },
  { additionalProperties: false },
);
export type AnswerRequest = Static<typeof AnswerRequest>;
