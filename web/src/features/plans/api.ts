import type {
  CreateDelegationRequest,
  CreatePlanRequest,
  CreateTaskUpdateRequest,
  Delegation,
  DelegationActionRequest,
  EvidenceFile,
  ImportPlanRequest,
  Kpi,
  Plan,
  PlanTask,
  RecordKpiValueRequest,
  ReminderRequest,
  ReminderResult,
  ReportStatus,
  SubmitReportRequest,
  TaskActionRequest,
  TaskDetail,
  TaskInput,
  TaskUpdate,
  UpdateKpiRequest,
} from '../../../../shared/schemas/plans';
import { api, ApiError, newIdempotencyKey } from '../../api/client';

// Every address of the plans API the screens use, in one place, so the screens never spell a
// URL themselves. Writes that can be retried carry an Idempotency-Key.

const enc = encodeURIComponent;
const idem = (key = newIdempotencyKey()) => ({ 'idempotency-key': key });

export const urls = {
  plans: (query = '') => `/api/v1/plans${query}`,
  plan: (id: string) => `/api/v1/plans/${enc(id)}`,
  planTasks: (id: string, query = '') => `/api/v1/plans/${enc(id)}/tasks${query}`,
  late: (id: string) => `/api/v1/plans/${enc(id)}/late`,
  tasksXlsx: (id: string) => `/api/v1/plans/${enc(id)}/tasks.xlsx`,
  searchTasks: (query = '') => `/api/v1/plan-tasks${query}`,
  task: (planId: string, taskId: string) => `/api/v1/plans/${enc(planId)}/tasks/${enc(taskId)}`,
  report: (planId: string, kind: string, year: number) => `/api/v1/plans/${enc(planId)}/reports/${enc(kind)}/${year}`,
  kpis: (planId: string) => `/api/v1/plans/${enc(planId)}/kpis`,
  delegations: (planId: string, query = '') => `/api/v1/plans/${enc(planId)}/delegations${query}`,
  notices: (query = '') => `/api/v1/notifications${query}`,
  agencies: '/api/v1/agencies',
  gates: '/api/v1/gates',
};

export const createPlan = (body: CreatePlanRequest, key?: string) => api<Plan>('POST', '/api/v1/plans', body, idem(key));

export const importPlan = (body: ImportPlanRequest, key?: string) => api<Plan>('POST', '/api/v1/plans/import', body, idem(key));

export const addTask = (planId: string, body: TaskInput, key?: string) => api<PlanTask>('POST', urls.planTasks(planId), body, idem(key));

export const takeTaskAction = (planId: string, taskId: string, body: TaskActionRequest, key?: string) =>
  api<TaskDetail>('POST', `${urls.task(planId, taskId)}/actions`, body, idem(key));

export const postTaskUpdate = (planId: string, taskId: string, body: CreateTaskUpdateRequest, key?: string) =>
  api<TaskUpdate>('POST', `${urls.task(planId, taskId)}/updates`, body, idem(key));

export const sendReminder = (planId: string, body: ReminderRequest, key?: string) =>
  api<ReminderResult>('POST', `${urls.plan(planId)}/reminders`, body, idem(key));

export const submitReport = (planId: string, kind: string, year: number, body: SubmitReportRequest, key?: string) =>
  api<unknown>('POST', `${urls.report(planId, kind, year)}/submissions`, body, idem(key));

/** Recording the value of a year again replaces it (PUT), so a retry is safe as it is. */
export const recordKpiValue = (planId: string, code: string, body: RecordKpiValueRequest) => api<Kpi>('PUT', `${urls.kpis(planId)}/${enc(code)}/values`, body);

export const updateKpi = (planId: string, code: string, body: UpdateKpiRequest) => api<Kpi>('PATCH', `${urls.kpis(planId)}/${enc(code)}`, body);

export const createDelegation = (planId: string, body: CreateDelegationRequest, key?: string) =>
  api<Delegation>('POST', urls.delegations(planId), body, idem(key));

export const delegationAction = (planId: string, id: string, body: DelegationActionRequest, key?: string) =>
  api<Delegation>('POST', `${urls.delegations(planId)}/${enc(id)}/actions`, body, idem(key));

export const markNoticeRead = (id: string) => api<unknown>('POST', `/api/v1/notifications/${enc(id)}/read`);
export const markAllNoticesRead = () => api<{ marked: number }>('POST', '/api/v1/notifications/read-all');

/**
 * Uploads one evidence file as the raw request body. The server returns the same file for the
 * same bytes, so a retried upload is safe without an idempotency key.
 */
export async function uploadEvidence(planId: string, file: File): Promise<EvidenceFile> {
  const response = await fetch(`${urls.plan(planId)}/files?fileName=${enc(file.name)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { accept: 'application/json', 'content-type': file.type || 'application/octet-stream' },
    body: file,
  });
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(data && typeof data.code === 'string' ? data : { code: 'server.internal', status: response.status, title: response.statusText });
  }
  return data as EvidenceFile;
}
