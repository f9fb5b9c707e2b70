import Type, { type Static } from 'typebox';
import { AgencyCode, DateString, GateId, Nullable, Reason, Uuid } from './common';
import { AgencyRef, DelegationAction, DelegationDirection, DelegationInput, DelegationMember, DelegationStatus, KpiUnit, PlanId, PlatformMetric, ReportKind, Year } from './plans-file';
import { EvidenceFile } from './plans-tasks';

// Periodic reports, KPIs and the delegation register of a plan.

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

// ---------------------------------------------------------------------------------------------
// Periodic reports.

export const ReportParams = Type.Object({ id: PlanId, kind: ReportKind, year: Year }, { additionalProperties: false });

export const SubmitReportRequest = Type.Object(
  {
    summaryVi: Text(20000),
    agency: Type.Optional(AgencyCode),
  },
  { additionalProperties: false, description: 'An agency submits its part of the report; agency defaults to the user’s own' },
);
export type SubmitReportRequest = Static<typeof SubmitReportRequest>;

export const ReportSubmission = Type.Object({
  planId: PlanId,
  kind: ReportKind,
  year: Type.Integer(),
  agency: AgencyRef,
  summaryVi: Type.String(),
  submittedBy: Type.String(),
  submittedAt: Type.String({ format: 'date-time' }),
  version: Type.Integer(),
});
export type ReportSubmission = Static<typeof ReportSubmission>;

export const ReportStatus = Type.Object({
  planId: PlanId,
  kind: ReportKind,
  year: Type.Integer(),
  dueDate: DateString,
  period: Type.Object({ from: DateString, to: DateString }),
  submitted: Type.Array(ReportSubmission),
  missing: Type.Array(AgencyRef),
  downloads: Type.Object({ docx: Type.String(), pdf: Type.String(), xlsx: Type.String() }),
});
export type ReportStatus = Static<typeof ReportStatus>;

// ---------------------------------------------------------------------------------------------
// KPIs.

export const KpiValue = Type.Object({
  year: Type.Integer(),
  value: Type.Number(),
  note: Nullable(Type.String()),
  recordedBy: Type.String(),
  recordedAt: Type.String({ format: 'date-time' }),
});
export type KpiValue = Static<typeof KpiValue>;

export const Kpi = Type.Object({
  code: Type.String(),
  textVi: Type.String(),
  unit: KpiUnit,
  targetMin: Nullable(Type.Number()),
  targetMax: Nullable(Type.Number()),
  targetYear: Nullable(Type.Integer()),
  platformMetric: Nullable(PlatformMetric),
  computed: Type.Boolean({ description: 'The actual value is computed from platform data, not typed in' }),
  baseline: Nullable(Type.Number()),
  baselineYear: Nullable(Type.Integer()),
  values: Type.Array(KpiValue),
  actual: Nullable(Type.Object({ year: Type.Integer(), value: Type.Number(), detail: Nullable(Type.String()) })),
  onTrack: Nullable(Type.Boolean()),
  version: Type.Integer(),
});
export type Kpi = Static<typeof Kpi>;

export const RecordKpiValueRequest = Type.Object(
  { year: Year, value: Type.Number(), note: Type.Optional(Nullable(Text(2000))) },
  { additionalProperties: false },
);
export type RecordKpiValueRequest = Static<typeof RecordKpiValueRequest>;

export const UpdateKpiRequest = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    reason: Reason,
    baseline: Type.Optional(Nullable(Type.Number())),
    baselineYear: Type.Optional(Nullable(Year)),
    targetMin: Type.Optional(Nullable(Type.Number())),
    targetMax: Type.Optional(Nullable(Type.Number())),
    targetYear: Type.Optional(Nullable(Year)),
  },
  { additionalProperties: false },
);
export type UpdateKpiRequest = Static<typeof UpdateKpiRequest>;

// ---------------------------------------------------------------------------------------------
// Delegations (đoàn ra / đoàn vào).

export const Delegation = Type.Object({
  id: Uuid,
  planId: PlanId,
  direction: DelegationDirection,
  purposeVi: Type.String(),
  counterpartVi: Type.String(),
  countryVi: Nullable(Type.String()),
  leaderVi: Nullable(Type.String()),
  members: Type.Array(DelegationMember),
  startDate: Nullable(DateString),
  endDate: Nullable(DateString),
  gateId: Nullable(GateId),
  hostAgency: Nullable(AgencyRef),
  inOriginalPlan: Type.Boolean(),
  status: DelegationStatus,
  approvalRef: Nullable(Type.String()),
  reportVi: Nullable(Type.String()),
  reportFiles: Type.Array(EvidenceFile),
  reportedAt: Nullable(Type.String({ format: 'date-time' })),
  allowedActions: Type.Array(DelegationAction),
  version: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type Delegation = Static<typeof Delegation>;

export const DelegationListQuery = Type.Object(
  {
    direction: Type.Optional(DelegationDirection),
    status: Type.Optional(DelegationStatus),
    year: Type.Optional(Year),
    q: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type DelegationListQuery = Static<typeof DelegationListQuery>;

export const CreateDelegationRequest = Type.Object(
  {
    ...DelegationInput.properties,
    startDate: Type.Optional(Nullable(DateString)),
    endDate: Type.Optional(Nullable(DateString)),
    gateId: Type.Optional(Nullable(GateId)),
    hostAgency: Type.Optional(Nullable(AgencyCode)),
  },
  { additionalProperties: false },
);
export type CreateDelegationRequest = Static<typeof CreateDelegationRequest>;

export const UpdateDelegationRequest = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    reason: Reason,
    purposeVi: Type.Optional(Text(3000)),
    counterpartVi: Type.Optional(Text(500)),
    countryVi: Type.Optional(Nullable(Text(100))),
    leaderVi: Type.Optional(Nullable(Text(300))),
    members: Type.Optional(Type.Array(DelegationMember, { maxItems: 100 })),
    startDate: Type.Optional(Nullable(DateString)),
    endDate: Type.Optional(Nullable(DateString)),
    gateId: Type.Optional(Nullable(GateId)),
    hostAgency: Type.Optional(Nullable(AgencyCode)),
  },
  { additionalProperties: false },
);
export type UpdateDelegationRequest = Static<typeof UpdateDelegationRequest>;

export const DelegationActionRequest = Type.Object(
  {
    action: DelegationAction,
    version: Type.Integer({ minimum: 1 }),
    reason: Type.Optional(Reason),
    approvalRef: Type.Optional(Text(200)),
    reportVi: Type.Optional(Text(20000)),
    fileIds: Type.Optional(Type.Array(Uuid, { uniqueItems: true, maxItems: 20 })),
  },
  { additionalProperties: false, description: 'approve needs approvalRef; complete needs reportVi (the report that follows the trip)' },
);
export type DelegationActionRequest = Static<typeof DelegationActionRequest>;
