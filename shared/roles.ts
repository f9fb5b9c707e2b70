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
  // Issue 6: crossing capacity, yards and lanes; the yard queue; plate-reading cameras (token scope).
  'capacity:write',
  'yards:read',
  'yards:write',
  'yards:camera',
  // Issue 7: clearance worklists, decisions, and the rules behind them (risk rules, approved lists).
  'clearance:read',
  'clearance:decide',
  'clearance:rules',
  // Issue 8: live board, notices, border-market information, enterprise webhooks, statistics.
  'operations:read',
  'notices:write',
  'market:write',
  'webhooks:write',
  'statistics:read',
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
// Officers read the trips at their gates, see the queue, clearance and board of their gates, and
// work on their agency's plan tasks. Each adds what its own work needs.
const officer: Permission[] = ['trips:read', 'plans:read', 'plans:write', 'yards:read', 'clearance:read', 'operations:read'];
// Control agencies decide their own controls (the service checks which agency a control belongs
// to) and keep the rules of their agency (risk rules for customs, approved lists for quarantine).
const controlAgency: Permission[] = [...officer, 'clearance:decide', 'clearance:rules'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  enterprise: ['enterprises:read', 'tokens:write', 'fleet:write', 'trips:read', 'trips:write', 'market:write', 'webhooks:write'],
  // A driver sees the trips they drive, nothing else.
  driver: ['trips:read'],
  yard_operator: [...officer, 'yards:write', 'yards:camera'],
  customs: controlAgency,
  // The border guard records the passage of the gate itself, and decides its own control.
  border_guard: [...controlAgency, 'yards:write'],
  plant_quarantine: controlAgency,
  animal_quarantine: controlAgency,
  health_quarantine: controlAgency,
  gate_authority: [
    ...officer,
    'gates:write',
    'audit:read',
    'tokens:write',
    'payments:reconcile',
    'capacity:write',
    'yards:write',
    'yards:camera',
    'notices:write',
    'market:write',
    'statistics:read',
  ],
  // Department staff (Sở Công Thương, Sở Ngoại vụ…) run plans: their own agency's and those it owns;
  // the Department of Industry and Trade also publishes border-market information.
  agency_staff: ['plans:read', 'plans:write', 'plans:manage', 'market:write', 'statistics:read', 'operations:read'],
  travel_agency: ['enterprises:read', 'tokens:write'],
  // Leaders read everything and change nothing.
  provincial_leader: ['accounts:read', 'enterprises:read', 'audit:read', 'plans:read', 'trips:read', 'yards:read', 'clearance:read', 'operations:read', 'statistics:read'],
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
