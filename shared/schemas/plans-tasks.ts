import Type, { type Static } from 'typebox';
import { AgencyCode, DateString, GateId, Nullable, Reason, Uuid } from './common';
import { AgencyRef, PeriodKind, PlanId, ReportScheduleEntry, TaskAction, TaskGroup, TaskInput, TaskStatus, Year } from './plans-file';

// Plans and tasks as the API returns them, and the queries and writes on them.

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

// ---------------------------------------------------------------------------------------------
// Plans and tasks as the API returns them.

export const TaskCounts = Type.Object({
  total: Type.Integer(),
  notStarted: Type.Integer(),
  inProgress: Type.Integer(),
  done: Type.Integer(),
  overdue: Type.Integer(),
  cancelled: Type.Integer(),
});
export type TaskCounts = Static<typeof TaskCounts>;

export const PlanSummary = Type.Object({
  id: PlanId,
  number: Nullable(Type.String()),
  issuedOn: Nullable(DateString),
  issuer: AgencyRef,
  province: Type.String(),
  titleVi: Type.String(),
  titleEn: Nullable(Type.String()),
  startYear: Type.Integer(),
  endYear: Type.Integer(),
  source: Type.String({ description: 'seed file name, "import" or "ui"' }),
  counts: TaskCounts,
  /** Whether the signed-in user manages this plan (its issuer's staff, or an administrator). */
  canManage: Type.Boolean(),
  version: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type PlanSummary = Static<typeof PlanSummary>;

export const Plan = Type.Intersect([
  PlanSummary,
  Type.Object({
    legalBases: Type.Array(Type.String()),
    goals: Type.Array(Type.String()),
    reportSchedule: Type.Array(ReportScheduleEntry),
    /** Agencies that lead tasks and so owe a part of each periodic report. */
    reportingAgencies: Type.Array(AgencyRef),
  }),
]);
export type Plan = Static<typeof Plan>;

export const TaskPeriod = Type.Object({
  kind: PeriodKind,
  textVi: Type.String(),
  date: Nullable(DateString),
  year: Nullable(Type.Integer()),
  from: Nullable(DateString),
  to: Nullable(DateString),
  inferred: Type.Boolean({ description: 'The document prints no time for this task; the plan year is used' }),
});
export type TaskPeriod = Static<typeof TaskPeriod>;

export const TaskRole = Type.Union([Type.Literal('lead'), Type.Literal('coordinating')]);

export const LastUpdate = Type.Object({ at: Type.String({ format: 'date-time' }), textVi: Type.String(), by: Type.String(), agencyCode: Nullable(AgencyCode) });

export const PlanTask = Type.Object({
  id: Uuid,
  planId: PlanId,
  planTitleVi: Type.String(),
  ref: Type.String(),
  group: TaskGroup,
  titleVi: Type.String(),
  contentVi: Type.String(),
  leadAgency: AgencyRef,
  coLeadAgencies: Type.Array(AgencyRef),
  coordinatingAgencies: Type.Array(AgencyRef),
  leadTextVi: Nullable(Type.String()),
  leadInferred: Type.Boolean(),
  coordinatingTextVi: Nullable(Type.String()),
  responsiblePerson: Nullable(Type.String()),
  period: TaskPeriod,
  deadline: Nullable(DateString),
  recurring: Type.Boolean({ description: 'The task repeats; its occurrences carry the deadlines' }),
  expectedProductVi: Nullable(Type.String()),
  authorityVi: Nullable(Type.String()),
  gateIds: Type.Array(GateId),
  details: Type.Object({
    memberBodyVi: Nullable(Type.String()),
    parentRef: Nullable(Type.String()),
    parentTitleVi: Nullable(Type.String()),
    notesVi: Type.Array(Type.String()),
    completionTextVi: Nullable(Type.String()),
  }),
  status: TaskStatus,
  progressPercent: Type.Integer({ minimum: 0, maximum: 100 }),
  late: Type.Boolean({ description: 'Overdue, or an occurrence of it is overdue' }),
  /** The signed-in user's relation to the task: lead (or co-lead) agency, coordinating agency, none. */
  myRole: Nullable(TaskRole),
  allowedActions: Type.Array(TaskAction),
  canUpdate: Type.Boolean({ description: 'The user may post progress updates' }),
  lastUpdate: Nullable(LastUpdate),
  version: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type PlanTask = Static<typeof PlanTask>;

export const TaskOccurrence = Type.Object({
  id: Uuid,
  taskId: Uuid,
  label: Type.String({ description: 'e.g. 2026-H1, 2026' }),
  periodFrom: DateString,
  periodTo: DateString,
  dueDate: DateString,
  status: TaskStatus,
  progressPercent: Type.Integer(),
  allowedActions: Type.Array(TaskAction),
  version: Type.Integer(),
});
export type TaskOccurrence = Static<typeof TaskOccurrence>;

export const EvidenceLink = Type.Union(
  [
    Type.Object({ kind: Type.Literal('audit'), auditId: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
    Type.Object({ kind: Type.Literal('gate_version'), gateId: GateId, version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
    Type.Object({ kind: Type.Literal('url'), url: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000 }) }, { additionalProperties: false }),
  ],
  { description: 'A platform record (audit entry, gate version) or a web address that proves progress' },
);
export type EvidenceLink = Static<typeof EvidenceLink>;

/** A link as read back: the same fields, flat, with a label describing the record. */
export const EvidenceLinkView = Type.Object({
  kind: Type.Union([Type.Literal('audit'), Type.Literal('gate_version'), Type.Literal('url')]),
  auditId: Type.Optional(Type.Integer()),
  gateId: Type.Optional(GateId),
  version: Type.Optional(Type.Integer()),
  url: Type.Optional(Type.String()),
  label: Type.String(),
});
export type EvidenceLinkView = Static<typeof EvidenceLinkView>;

export const EvidenceFile = Type.Object({
  id: Uuid,
  fileName: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  uploadedAt: Type.String({ format: 'date-time' }),
  url: Type.String({ description: 'Download address' }),
});
export type EvidenceFile = Static<typeof EvidenceFile>;

export const TaskUpdate = Type.Object({
  id: Uuid,
  taskId: Uuid,
  occurrenceId: Nullable(Uuid),
  agency: Nullable(AgencyRef),
  author: Type.String(),
  textVi: Type.String(),
  progressPercent: Nullable(Type.Integer()),
  action: Nullable(TaskAction),
  statusAfter: TaskStatus,
  files: Type.Array(EvidenceFile),
  links: Type.Array(EvidenceLinkView),
  createdAt: Type.String({ format: 'date-time' }),
});
export type TaskUpdate = Static<typeof TaskUpdate>;

export const TaskEvent = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  action: Type.String(),
  fromStatus: Nullable(TaskStatus),
  toStatus: Nullable(TaskStatus),
  occurrenceId: Nullable(Uuid),
  actor: Type.String(),
  reason: Nullable(Type.String()),
});
export type TaskEvent = Static<typeof TaskEvent>;

export const TaskDetail = Type.Intersect([
  PlanTask,
  Type.Object({
    occurrences: Type.Array(TaskOccurrence),
    updates: Type.Array(TaskUpdate),
    events: Type.Array(TaskEvent),
  }),
]);
export type TaskDetail = Static<typeof TaskDetail>;

// ---------------------------------------------------------------------------------------------
// Queries and writes.

const Paging = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
};

export const TaskListQuery = Type.Object(
  {
    planId: Type.Optional(PlanId),
    agency: Type.Optional(AgencyCode),
    role: Type.Optional(Type.Union([TaskRole, Type.Literal('any')], { description: 'With agency or mine: lead, coordinating or any (default)' })),
    mine: Type.Optional(Type.Boolean({ description: 'Only tasks of my agency (lead or coordinating)' })),
    status: Type.Optional(TaskStatus),
    late: Type.Optional(Type.Boolean()),
    year: Type.Optional(Year),
    periodKind: Type.Optional(PeriodKind),
    dueBefore: Type.Optional(DateString),
    gate: Type.Optional(GateId),
    group: Type.Optional(TaskGroup),
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Keyword, with or without Vietnamese diacritics' })),
    ...Paging,
  },
  { additionalProperties: false },
);
export type TaskListQuery = Static<typeof TaskListQuery>;

export const PlanListQuery = Type.Object(
  {
    agency: Type.Optional(AgencyCode),
    province: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
    status: Type.Optional(TaskStatus),
    year: Type.Optional(Year),
    gate: Type.Optional(GateId),
    q: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type PlanListQuery = Static<typeof PlanListQuery>;

export const UpdatePlanRequest = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    reason: Reason,
    number: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
    issuedOn: Type.Optional(Nullable(DateString)),
    titleVi: Type.Optional(Text(1000)),
    titleEn: Type.Optional(Nullable(Text(1000))),
  },
  { additionalProperties: false },
);
export type UpdatePlanRequest = Static<typeof UpdatePlanRequest>;

export const UpdateTaskRequest = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    reason: Reason,
    responsiblePerson: Type.Optional(Nullable(Text(200))),
    titleVi: Type.Optional(Text(2000)),
    contentVi: Type.Optional(Text(20000)),
    leadAgency: Type.Optional(AgencyCode),
    coLeadAgencies: Type.Optional(Type.Array(AgencyCode, { uniqueItems: true, maxItems: 20 })),
    coordinatingAgencies: Type.Optional(Type.Array(AgencyCode, { uniqueItems: true, maxItems: 50 })),
    expectedProductVi: Type.Optional(Nullable(Text(2000))),
    authorityVi: Type.Optional(Nullable(Text(500))),
    gateIds: Type.Optional(Type.Array(GateId, { uniqueItems: true, maxItems: 30 })),
  },
  { additionalProperties: false, description: 'The plan owner edits everything; the lead agency only names the responsible person' },
);
export type UpdateTaskRequest = Static<typeof UpdateTaskRequest>;

export const TaskActionRequest = Type.Object(
  {
    action: TaskAction,
    version: Type.Integer({ minimum: 1, description: 'The version of the task (or occurrence) you read' }),
    occurrenceId: Type.Optional(Uuid),
    reason: Type.Optional(Reason),
    newDeadline: Type.Optional(DateString),
  },
  { additionalProperties: false },
);
export type TaskActionRequest = Static<typeof TaskActionRequest>;

export const CreateTaskUpdateRequest = Type.Object(
  {
    textVi: Text(20000),
    occurrenceId: Type.Optional(Uuid),
    progressPercent: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    action: Type.Optional(Type.Union([Type.Literal('start'), Type.Literal('complete')], { description: 'Change the status with the same update' })),
    fileIds: Type.Optional(Type.Array(Uuid, { uniqueItems: true, maxItems: 20 })),
    links: Type.Optional(Type.Array(EvidenceLink, { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type CreateTaskUpdateRequest = Static<typeof CreateTaskUpdateRequest>;

export const AddTaskRequest = TaskInput;

export const ReminderRequest = Type.Object(
  {
    taskIds: Type.Optional(Type.Array(Uuid, { uniqueItems: true, minItems: 1, maxItems: 500 })),
    lateOnly: Type.Optional(Type.Boolean({ description: 'Remind the agencies of every late task of the plan' })),
    messageVi: Type.Optional(Text(2000)),
    channels: Type.Optional(Type.Array(Type.Union([Type.Literal('in_app'), Type.Literal('email'), Type.Literal('sms')]), { uniqueItems: true, minItems: 1 })),
  },
  { additionalProperties: false },
);
export type ReminderRequest = Static<typeof ReminderRequest>;

export const ReminderResult = Type.Object({
  agencies: Type.Array(AgencyRef),
  tasks: Type.Integer(),
  notices: Type.Integer({ description: 'In-app notices created' }),
  messages: Type.Integer({ description: 'E-mail / SMS messages queued in the outbox' }),
});
export type ReminderResult = Static<typeof ReminderResult>;

/** "Who is late": one entry per lead agency with its late tasks (or late occurrences). */
export const LateAgency = Type.Object({
  agency: AgencyRef,
  tasks: Type.Array(
    Type.Object({
      id: Uuid,
      ref: Type.String(),
      titleVi: Type.String(),
      occurrenceLabel: Nullable(Type.String()),
      dueDate: DateString,
      daysLate: Type.Integer(),
      status: TaskStatus,
    }),
  ),
});
export type LateAgency = Static<typeof LateAgency>;
