import Type, { type Static } from 'typebox';
import { DELEGATION_ACTIONS, DELEGATION_STATUSES } from '../workflows/delegation';
import { TASK_ACTIONS, TASK_STATUSES } from '../workflows/plan-task';
import { AgencyCode, Nullable } from './common';

// Plans: the enumerations and the structured plan file (reference/plans/plan-NNN.json), which
// is also the body of an import. Re-exported by plans.ts.

export const PLAN_TASK_GROUPS = ['specific', 'recurring', 'member_duty', 'activity'] as const;
export const PERIOD_KINDS = ['date', 'year', 'range', 'recurring', 'yearly'] as const;
export const REPORT_KINDS = ['six_month', 'annual'] as const;
export const SCHEDULE_KINDS = ['six_month', 'annual', 'once', 'ad_hoc'] as const;
export const KPI_UNITS = ['percent', 'percent_per_year', 'count', 'count_per_year'] as const;
export const PLATFORM_METRICS = ['active_enterprises', 'new_trading_enterprises', 'electronic_procedure_share'] as const;
export const DELEGATION_DIRECTIONS = ['outgoing', 'incoming'] as const;

export const PlanId = Type.String({ pattern: '^[a-z0-9-]{3,64}$', description: 'Plan slug, e.g. plan-004' });
export const TaskStatus = Type.Enum(TASK_STATUSES);
export const TaskAction = Type.Enum(TASK_ACTIONS);
export const TaskGroup = Type.Enum(PLAN_TASK_GROUPS);
export const PeriodKind = Type.Enum(PERIOD_KINDS);
export const ReportKind = Type.Enum(REPORT_KINDS);
export const KpiUnit = Type.Enum(KPI_UNITS);
export const PlatformMetric = Type.Enum(PLATFORM_METRICS);
export const DelegationStatus = Type.Enum(DELEGATION_STATUSES);
export const DelegationAction = Type.Enum(DELEGATION_ACTIONS);
export const DelegationDirection = Type.Enum(DELEGATION_DIRECTIONS);
export const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
// Dates in imported files are checked by the importer (real calendar day, order), so that every
// problem of a file is listed at once instead of stopping at the first schema error.
const LooseDate = Type.String({ maxLength: 40, description: 'Calendar date YYYY-MM-DD' });

export const AgencyRef = Type.Object({ code: AgencyCode, nameVi: Type.String(), nameEn: Type.String() });
export type AgencyRef = Static<typeof AgencyRef>;

// ---------------------------------------------------------------------------------------------
// The structured plan file: the shape of reference/plans/plan-NNN.json, used to import a plan.

export const TaskPeriodInput = Type.Object(
  {
    kind: PeriodKind,
    textVi: Text(200),
    date: Type.Optional(LooseDate),
    year: Type.Optional(Type.Integer()),
    from: Type.Optional(LooseDate),
    to: Type.Optional(LooseDate),
  },
  { additionalProperties: false, description: 'date: one deadline; year: "Năm 2028"; range: "Giai đoạn 2026–2030"; recurring: "Thường xuyên"; yearly: "Hằng năm"' },
);
export type TaskPeriodInput = Static<typeof TaskPeriodInput>;

export const TaskInput = Type.Object(
  {
    ref: Type.String({ pattern: '^[A-Za-z0-9.]{1,20}$', description: 'Number in the document, e.g. "2.1" or "II.4"' }),
    group: TaskGroup,
    titleVi: Text(2000),
    contentVi: Type.Optional(Text(20000)),
    leadAgency: Type.String({ maxLength: 60 }),
    leadInferred: Type.Optional(Type.Boolean()),
    leadTextVi: Type.Optional(Text(1000)),
    coLeadAgencies: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 20 })),
    coordinatingAgencies: Type.Array(Type.String({ maxLength: 60 }), { maxItems: 50 }),
    coordinatingTextVi: Type.Optional(Text(2000)),
    responsiblePerson: Type.Optional(Nullable(Text(200))),
    period: TaskPeriodInput,
    periodInferred: Type.Optional(Type.Boolean()),
    expectedProductVi: Type.Optional(Nullable(Text(2000))),
    authorityVi: Type.Optional(Nullable(Text(500))),
    gateIds: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 30 })),
    memberBodyVi: Type.Optional(Text(500)),
    parentRef: Type.Optional(Type.String({ maxLength: 20 })),
    parentTitleVi: Type.Optional(Text(2000)),
    notesVi: Type.Optional(Type.Array(Text(5000), { maxItems: 20 })),
    completionTextVi: Type.Optional(Text(2000)),
  },
  { additionalProperties: false },
);
export type TaskInput = Static<typeof TaskInput>;

export const ReportScheduleEntry = Type.Object(
  {
    kind: Type.Enum(SCHEDULE_KINDS),
    dueMonthDay: Type.Optional(Nullable(Type.String({ pattern: '^[0-1][0-9]-[0-3][0-9]$' }))),
    dueDate: Type.Optional(Nullable(LooseDate)),
    dueYear: Type.Optional(Nullable(Type.Integer())),
    textVi: Text(3000),
    recipient: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
  },
  { additionalProperties: false },
);
export type ReportScheduleEntry = Static<typeof ReportScheduleEntry>;

export const KpiInput = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z0-9-]{2,60}$' }),
    textVi: Text(3000),
    unit: KpiUnit,
    targetMin: Nullable(Type.Number()),
    targetMax: Nullable(Type.Number()),
    targetYear: Nullable(Type.Integer()),
    platformMetric: Nullable(PlatformMetric),
    baseline: Type.Optional(Nullable(Type.Number())),
    baselineYear: Type.Optional(Nullable(Type.Integer())),
  },
  { additionalProperties: false },
);
export type KpiInput = Static<typeof KpiInput>;

export const DelegationMember = Type.Object(
  { nameVi: Text(200), positionVi: Type.Optional(Nullable(Text(300))), agencyCode: Type.Optional(Nullable(AgencyCode)) },
  { additionalProperties: false },
);
export type DelegationMember = Static<typeof DelegationMember>;

export const DelegationInput = Type.Object(
  {
    direction: DelegationDirection,
    purposeVi: Text(3000),
    counterpartVi: Text(500),
    countryVi: Type.Optional(Nullable(Text(100))),
    leaderVi: Type.Optional(Nullable(Text(300))),
    members: Type.Optional(Type.Array(DelegationMember, { maxItems: 100 })),
    startDate: Type.Optional(Nullable(LooseDate)),
    endDate: Type.Optional(Nullable(LooseDate)),
    gateId: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
    hostAgency: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
    inOriginalPlan: Type.Optional(Type.Boolean({ description: 'false for a delegation proposed as an addition' })),
  },
  { additionalProperties: false },
);
export type DelegationInput = Static<typeof DelegationInput>;

export const PlanInput = Type.Object(
  {
    id: PlanId,
    number: Nullable(Type.String({ maxLength: 60 })),
    issuedOn: Nullable(LooseDate),
    issuer: Type.String({ maxLength: 60 }),
    province: Type.String({ pattern: '^[A-Z]{2}$' }),
    titleVi: Text(1000),
    titleEn: Type.Optional(Nullable(Text(1000))),
    legalBases: Type.Optional(Type.Array(Text(3000), { maxItems: 100 })),
    goals: Type.Optional(Type.Array(Text(5000), { maxItems: 200 })),
    reportSchedule: Type.Optional(Type.Array(ReportScheduleEntry, { maxItems: 50 })),
    tasks: Type.Array(TaskInput, { maxItems: 2000 }),
    kpis: Type.Optional(Type.Array(KpiInput, { maxItems: 100 })),
    delegations: Type.Optional(Type.Array(DelegationInput, { maxItems: 500 })),
  },
  { additionalProperties: false },
);
export type PlanInput = Static<typeof PlanInput>;

/** A structured plan file (same shape as reference/plans/plan-NNN.json). */
export const ImportPlanRequest = Type.Object(
  {
    dataset: Type.Optional(Type.Literal('plan')),
    version: Type.Optional(Type.String({ maxLength: 40 })),
    source: Type.Optional(Type.String({ maxLength: 300 })),
    plan: PlanInput,
  },
  { additionalProperties: false },
);
export type ImportPlanRequest = Static<typeof ImportPlanRequest>;

/** Creating a plan in the UI: the same fields; tasks may be added later. */
export const CreatePlanRequest = Type.Object(
  {
    ...Type.Omit(PlanInput, ['id', 'tasks']).properties,
    id: Type.Optional(PlanId),
    tasks: Type.Optional(Type.Array(TaskInput, { maxItems: 2000 })),
  },
  { additionalProperties: false },
);
export type CreatePlanRequest = Static<typeof CreatePlanRequest>;

export const ImportProblem = Type.Object({ path: Type.String(), message: Type.String(), code: Type.Optional(Type.String()) });
