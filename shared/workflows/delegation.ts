// The approval workflow of a delegation (đoàn ra / đoàn vào) in the plans capability. Only the
// plan owner records these steps; the approval itself is decided outside the platform and the
// step carries its reference (decision number).

export const DELEGATION_STATUSES = ['proposed', 'approved', 'rejected', 'completed', 'cancelled'] as const;
export type DelegationStatus = (typeof DELEGATION_STATUSES)[number];

export const DELEGATION_ACTIONS = ['approve', 'reject', 'resubmit', 'complete', 'cancel'] as const;
export type DelegationAction = (typeof DELEGATION_ACTIONS)[number];

export const DELEGATION_TRANSITIONS: Record<DelegationStatus, Partial<Record<DelegationAction, DelegationStatus>>> = {
  proposed: { approve: 'approved', reject: 'rejected', cancel: 'cancelled' },
  approved: { complete: 'completed', cancel: 'cancelled' },
  rejected: { resubmit: 'proposed' },
  completed: {},
  cancelled: {},
};

export function allowedDelegationActions(status: DelegationStatus): DelegationAction[] {
  return Object.keys(DELEGATION_TRANSITIONS[status]) as DelegationAction[];
}
