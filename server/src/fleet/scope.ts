import { ENTERPRISE_ROLES } from '../../../shared/roles';
import type { AuthenticatedActor } from '../platform/actor';
import { AppError } from '../platform/errors';

// Enterprise scope shared by fleet and trips: enterprise-side users act for their own
// enterprise only; administrators act for any, naming it.

export function isEnterpriseSide(actor: AuthenticatedActor): boolean {
  return ENTERPRISE_ROLES.includes(actor.role);
}

/** The enterprise a read is limited to; null means every enterprise (administrators). */
export function readEnterprise(actor: AuthenticatedActor, requested?: string): string | null {
  if (isEnterpriseSide(actor)) return actor.enterpriseId ?? '00000000-0000-0000-0000-000000000000';
  return requested ?? null;
}

/** The enterprise a write is for: one's own, or the one an administrator names. */
export function writeEnterprise(actor: AuthenticatedActor, requested: string | undefined): string {
  if (isEnterpriseSide(actor)) return actor.enterpriseId!;
  if (!requested) throw new AppError('trips.enterprise_required');
  return requested;
}

/** Whether a row of an enterprise is within the actor's scope. */
export function inEnterpriseScope(actor: AuthenticatedActor, enterpriseId: string): boolean {
  return !isEnterpriseSide(actor) || actor.enterpriseId === enterpriseId;
}
