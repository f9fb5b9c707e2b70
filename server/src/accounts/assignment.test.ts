import { describe, expect, it } from 'vitest';
import { permissionsFor, ROLES, TOKEN_SCOPES } from '../../../shared/roles';
import { assignmentProblems } from './assignment';

const base = { enterpriseId: null, agencyCode: null, gateIds: [] as string[], isOrgAdmin: false };

describe('role assignments', () => {
  it('requires an enterprise for enterprise-side roles and forbids it for others', () => {
    expect(assignmentProblems({ ...base, role: 'driver' }).map((p) => p.path)).toEqual(['/enterpriseId']);
    expect(assignmentProblems({ ...base, role: 'driver', enterpriseId: 'e1' })).toEqual([]);
    expect(assignmentProblems({ ...base, role: 'admin', enterpriseId: 'e1' }).map((p) => p.path)).toEqual(['/enterpriseId']);
  });

  it('requires an agency for officers and leaders, and gates only for officers', () => {
    expect(assignmentProblems({ ...base, role: 'customs', gateIds: ['tra-linh'] }).map((p) => p.path)).toEqual(['/agencyCode']);
    expect(assignmentProblems({ ...base, role: 'customs', agencyCode: 'cb-haiquan', gateIds: ['tra-linh'] })).toEqual([]);
    expect(assignmentProblems({ ...base, role: 'provincial_leader', agencyCode: 'cb-ubnd', gateIds: ['tra-linh'] }).map((p) => p.path)).toEqual(['/gateIds']);
    expect(assignmentProblems({ ...base, role: 'admin', isOrgAdmin: true }).map((p) => p.path)).toEqual(['/isOrgAdmin']);
  });
});

describe('role permissions', () => {
  it('gives the provincial leader reading rights only', () => {
    const perms = [...permissionsFor('provincial_leader', false)];
    expect(perms.length).toBeGreaterThan(0);
    expect(perms.every((p) => p.endsWith(':read'))).toBe(true);
  });

  it('gives account management to enterprise users only when they administer their enterprise', () => {
    expect(permissionsFor('enterprise', false).has('accounts:write')).toBe(false);
    expect(permissionsFor('enterprise', true).has('accounts:write')).toBe(true);
    expect(permissionsFor('customs', true).has('accounts:write')).toBe(false);
  });

  it('keeps gate editing to gate authorities and administrators, and token minting out of token scopes', () => {
    expect(ROLES.filter((r) => permissionsFor(r, false).has('gates:write')).sort()).toEqual(['admin', 'gate_authority']);
    expect(TOKEN_SCOPES).not.toContain('tokens:write');
    expect([...permissionsFor('driver', true)]).toEqual(['trips:read']);
  });
});
