import { AGENCY_ROLES, ENTERPRISE_ROLES, OFFICER_ROLES, ORG_ADMIN_ROLES, type Role } from '../../../shared/roles';
import type { FieldError } from '../platform/errors';

/** Checks that a role comes with what it needs: an enterprise, an agency, gates. */
export function assignmentProblems(a: {
  role: Role;
  enterpriseId: string | null;
  agencyCode: string | null;
  gateIds: string[];
  isOrgAdmin: boolean;
}): FieldError[] {
  const problems: FieldError[] = [];
  const enterpriseRole = ENTERPRISE_ROLES.includes(a.role);
  if (enterpriseRole && !a.enterpriseId) problems.push({ path: '/enterpriseId', message: `role ${a.role} needs an enterprise` });
  if (!enterpriseRole && a.enterpriseId) problems.push({ path: '/enterpriseId', message: `role ${a.role} cannot belong to an enterprise` });
  if (AGENCY_ROLES.includes(a.role) && !a.agencyCode) problems.push({ path: '/agencyCode', message: `role ${a.role} needs an agency` });
  if (enterpriseRole && a.agencyCode) problems.push({ path: '/agencyCode', message: `role ${a.role} cannot belong to an agency` });
  if (!OFFICER_ROLES.includes(a.role) && a.gateIds.length > 0) {
    problems.push({ path: '/gateIds', message: `role ${a.role} is not assigned to gates` });
  }
  if (a.isOrgAdmin && !ORG_ADMIN_ROLES.includes(a.role)) {
    problems.push({ path: '/isOrgAdmin', message: 'only enterprise and travel-agency users can administer their enterprise' });
  }
  return problems;
}
