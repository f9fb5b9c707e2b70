import { permissionsFor, type Permission, type Role } from '../../../shared/roles';
import { AppError } from './errors';

export interface AuthenticatedActor {
  kind: 'user' | 'token';
  userId: string;
  username: string;
  role: Role;
  enterpriseId: string | null;
  agencyCode: string | null;
  isOrgAdmin: boolean;
  gateIds: string[];
  permissions: ReadonlySet<Permission>;
  sessionId?: string;
  tokenId?: string;
}
export interface AnonymousActor {
  kind: 'anonymous';
}
export interface SystemActor {
  kind: 'system';
  label: string;
}
export type Actor = AuthenticatedActor | AnonymousActor | SystemActor;

export const anonymous: AnonymousActor = { kind: 'anonymous' };

export function buildActor(
  user: { id: string; username: string; role: Role; enterpriseId: string | null; agencyCode: string | null; isOrgAdmin: boolean; gateIds: string[] },
  via: { sessionId?: string; tokenId?: string; scopes?: readonly Permission[] },
): AuthenticatedActor {
  const permissions = permissionsFor(user.role, user.isOrgAdmin);
  // A token acts as its user narrowed to its scopes; it never widens them.
  const effective = via.scopes ? new Set([...permissions].filter((p) => via.scopes!.includes(p))) : permissions;
  return {
    kind: via.tokenId ? 'token' : 'user',
    userId: user.id,
    username: user.username,
    role: user.role,
    enterpriseId: user.enterpriseId,
    agencyCode: user.agencyCode,
    isOrgAdmin: user.isOrgAdmin,
    gateIds: user.gateIds,
    permissions: effective,
    sessionId: via.sessionId,
    tokenId: via.tokenId,
  };
}

export function requireAuthenticated(actor: Actor): AuthenticatedActor {
  if (actor.kind === 'user' || actor.kind === 'token') return actor;
  throw new AppError('auth.unauthenticated');
}

/** Services call this before acting: 401 for nobody, 403 for the wrong role. */
export function requirePermission(actor: Actor, permission: Permission): AuthenticatedActor {
  const who = requireAuthenticated(actor);
  if (!who.permissions.has(permission)) throw new AppError('auth.forbidden', { permission });
  return who;
}

/** Gate-scoped roles act only at their assigned gates; administrators act everywhere. */
export function requireGateScope(actor: AuthenticatedActor, gateId: string): void {
  if (actor.role === 'admin') return;
  if (!actor.gateIds.includes(gateId)) throw new AppError('auth.out_of_scope', { gateId });
}

export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'anonymous':
      return 'anonymous';
    case 'system':
      return `system:${actor.label}`;
    default:
      return actor.tokenId ? `${actor.username} (token ${actor.tokenId})` : actor.username;
  }
}
