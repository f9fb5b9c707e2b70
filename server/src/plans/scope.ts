import { allowedTaskActions, type TaskActorRole, type TaskStatus } from '../../../shared/workflows/plan-task';
import type { Db } from '../db/connect';
import { requirePermission, type Actor, type AuthenticatedActor } from '../platform/actor';
import { AppError } from '../platform/errors';

// Who may do what in a plan. Reading needs plans:read and shows every plan (they are internal
// documents circulated to all the bodies they name). Writing is scoped by agency: a user acts for
// their agency and its sub-units (a department for its Phòng / Văn phòng). The plan owner is the
// issuing agency: its staff with plans:manage manage the plan; administrators manage every plan.

export interface PlanActor {
  actor: AuthenticatedActor;
  /** The user's agency and its sub-units; empty when the user has no agency. */
  agencies: ReadonlySet<string>;
  isAdmin: boolean;
}

type Executor = Pick<Db, 'selectFrom'>;

export async function agencyWithSubUnits(db: Executor, code: string | null): Promise<Set<string>> {
  if (!code) return new Set();
  const result = new Set([code]);
  const parents = await db.selectFrom('plan_agency_parents').select(['code', 'parent_code']).execute();
  // Sub-units may nest; walk down until nothing new is found.
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of parents) {
      if (result.has(p.parent_code) && !result.has(p.code)) {
        result.add(p.code);
        grew = true;
      }
    }
  }
  return result;
}

export async function planReader(db: Executor, actor: Actor): Promise<PlanActor> {
  const who = requirePermission(actor, 'plans:read');
  return { actor: who, agencies: await agencyWithSubUnits(db, who.agencyCode), isAdmin: who.role === 'admin' };
}

export function canManagePlan(pa: PlanActor, issuer: string): boolean {
  return pa.isAdmin || (pa.actor.permissions.has('plans:manage') && pa.agencies.has(issuer));
}

/** 403 unless the user may manage the plan (plans:manage and the issuing agency, or admin). */
export function requirePlanManager(pa: PlanActor, issuer: string): void {
  requirePermission(pa.actor, 'plans:manage');
  if (!canManagePlan(pa, issuer)) throw new AppError('plans.not_plan_owner');
}

export interface TaskParties {
  lead_agency: string;
  co_lead_agencies: string[];
  coordinating_agencies: string[];
}

export function myTaskRole(pa: PlanActor, task: TaskParties): 'lead' | 'coordinating' | null {
  if (pa.agencies.has(task.lead_agency) || task.co_lead_agencies.some((c) => pa.agencies.has(c))) return 'lead';
  if (task.coordinating_agencies.some((c) => pa.agencies.has(c))) return 'coordinating';
  return null;
}

/** The workflow roles the user holds on a task: assignee (lead agency with plans:write), owner. */
export function taskActorRoles(pa: PlanActor, task: TaskParties, issuer: string): TaskActorRole[] {
  const roles: TaskActorRole[] = [];
  if (pa.isAdmin || (pa.actor.permissions.has('plans:write') && myTaskRole(pa, task) === 'lead')) roles.push('assignee');
  if (canManagePlan(pa, issuer)) roles.push('owner');
  return roles;
}

/** Lead and coordinating agencies (and the owner) may post progress updates. */
export function canPostUpdate(pa: PlanActor, task: TaskParties, issuer: string): boolean {
  if (canManagePlan(pa, issuer)) return true;
  return pa.actor.permissions.has('plans:write') && myTaskRole(pa, task) !== null;
}

export function requireTaskUpdater(pa: PlanActor, task: TaskParties, issuer: string): void {
  requirePermission(pa.actor, 'plans:write');
  if (!canPostUpdate(pa, task, issuer)) throw new AppError('plans.task_not_assigned');
}

export function actionsFor(pa: PlanActor, task: TaskParties, issuer: string, status: string) {
  return allowedTaskActions(status as TaskStatus, taskActorRoles(pa, task, issuer));
}
