// Roles and what each may do. The server checks these in every service call; the web reads
// the same table to decide what to show. Scope (which gates, which enterprise) is checked
// separately against the actor's assignments.

export const ROLES = [
  'enterprise',
  'driver',
  'yard_operator',
  'customs',
  'border_guard',
  'plant_quarantine',
  'animal_quarantine',
  'health_quarantine',
  'gate_authority',
  'agency_staff',
  'travel_agency',
  'provincial_leader',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'gates:write',
  'accounts:read',
  'accounts:write',
  'enterprises:read',
  'enterprises:write',
  'audit:read',
  'tokens:write',
  'plans:read',
  'plans:write',
  'plans:manage',
  'fleet:write',
  'trips:read',
  'trips:write',
  'payments:reconcile',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Roles that belong to an enterprise (and see only its data). */
export const ENTERPRISE_ROLES: readonly Role[] = ['enterprise', 'driver', 'travel_agency'];
/** Roles that work for a state agency and are assigned to gates. */
export const OFFICER_ROLES: readonly Role[] = [
  'yard_operator',
  'customs',
  'border_guard',
  'plant_quarantine',
  'animal_quarantine',
  'health_quarantine',
  'gate_authority',
];
/** Roles that need an agency (officers, department staff and leaders). */
export const AGENCY_ROLES: readonly Role[] = [...OFFICER_ROLES, 'agency_staff', 'provincial_leader'];

const ALL = [...PERMISSIONS];
// Officers get integration scopes (cameras, agency systems) with the yard and clearance
// capabilities; until then they have nothing a token could carry.
// Officers read the trips at their gates and work on their agency's plan tasks.
const officer: Permission[] = ['trips:read', 'plans:read', 'plans:write'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  enterprise: ['enterprises:read', 'tokens:write', 'fleet:write', 'trips:read', 'trips:write'],
  // A driver sees the trips they drive, nothing else.
  driver: ['trips:read'],
  yard_operator: officer,
  customs: officer,
  border_guard: officer,
  plant_quarantine: officer,
  animal_quarantine: officer,
  health_quarantine: officer,
  gate_authority: ['gates:write', 'audit:read', 'tokens:write', 'trips:read', 'payments:reconcile', 'plans:read', 'plans:write'],
  // Department staff (Sở Công Thương, Sở Ngoại vụ…) run plans: their own agency's and those it owns.
  agency_staff: ['plans:read', 'plans:write', 'plans:manage'],
  travel_agency: ['enterprises:read', 'tokens:write'],
  // Leaders read everything and change nothing.
  provincial_leader: ['accounts:read', 'enterprises:read', 'audit:read', 'plans:read', 'trips:read'],
  admin: ALL,
};

/** Roles that may administer their own enterprise (a driver never does). */
export const ORG_ADMIN_ROLES: readonly Role[] = ['enterprise', 'travel_agency'];
/** An enterprise's own administrator also manages that enterprise's users. */
export const ORG_ADMIN_EXTRA: readonly Permission[] = ['accounts:read', 'accounts:write'];

/** Scopes a token may carry: never token management, so a token cannot mint tokens. */
export const TOKEN_SCOPES: readonly Permission[] = PERMISSIONS.filter((p) => p !== 'tokens:write');

export function permissionsFor(role: Role, isOrgAdmin: boolean): Set<Permission> {
  const base = new Set<Permission>(ROLE_PERMISSIONS[role]);
  if (isOrgAdmin && ORG_ADMIN_ROLES.includes(role)) ORG_ADMIN_EXTRA.forEach((p) => base.add(p));
  return base;
}
