// The task (and occurrence) status workflow of the plans capability: which action is allowed in
// which status, by whom, and where it leads. The server enforces it (409 with allowedActions);
// the web reads it to decide which buttons to show.

export const TASK_STATUSES = ['not_started', 'in_progress', 'done', 'overdue', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_ACTIONS = ['start', 'complete', 'reopen', 'cancel', 'restore', 'reschedule', 'mark_overdue'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/**
 * Who may take an action: the assignee is the lead (or co-lead) agency of the task, the owner is
 * the agency that issued the plan, the system is the deadline job.
 */
export type TaskActorRole = 'assignee' | 'owner' | 'system';

export interface TaskTransition {
  to: TaskStatus;
  by: readonly TaskActorRole[];
}

const both = ['assignee', 'owner'] as const;

export const TASK_TRANSITIONS: Record<TaskStatus, Partial<Record<TaskAction, TaskTransition>>> = {
  not_started: {
    start: { to: 'in_progress', by: both },
    complete: { to: 'done', by: both },
    cancel: { to: 'cancelled', by: ['owner'] },
    reschedule: { to: 'not_started', by: ['owner'] },
    mark_overdue: { to: 'overdue', by: ['system'] },
  },
  in_progress: {
    complete: { to: 'done', by: both },
    cancel: { to: 'cancelled', by: ['owner'] },
    reschedule: { to: 'in_progress', by: ['owner'] },
    mark_overdue: { to: 'overdue', by: ['system'] },
  },
  // A late task stays late until it is done, cancelled or given a new deadline by the owner.
  overdue: {
    complete: { to: 'done', by: both },
    cancel: { to: 'cancelled', by: ['owner'] },
    reschedule: { to: 'in_progress', by: ['owner'] },
  },
  done: {
    reopen: { to: 'in_progress', by: both },
  },
  cancelled: {
    restore: { to: 'not_started', by: ['owner'] },
  },
};

/** Statuses in which a deadline still matters (the deadline job looks only at these). */
export const OPEN_TASK_STATUSES: readonly TaskStatus[] = ['not_started', 'in_progress'];

export function taskTransition(status: TaskStatus, action: TaskAction): TaskTransition | null {
  return TASK_TRANSITIONS[status][action] ?? null;
}

/** The actions an actor holding these roles may take now (never the system's own actions). */
export function allowedTaskActions(status: TaskStatus, roles: readonly TaskActorRole[]): TaskAction[] {
  return (Object.entries(TASK_TRANSITIONS[status]) as Array<[TaskAction, TaskTransition]>)
    .filter(([, t]) => t.by.some((r) => roles.includes(r)))
    .map(([action]) => action);
}
