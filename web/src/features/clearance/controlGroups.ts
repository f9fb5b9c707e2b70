import { CLEARANCE_AGENCIES, CONTROL_STATES, type ControlState, type DocumentRequest, type EnterpriseControl } from '../../../../shared/schemas/clearance';

// The enterprise's view of its controls: what blocks the truck first (documents asked,
// inspection, refusal), then what is with an agency, then what is done. Within a group the
// agencies keep one fixed order, so the list does not jump between reloads.

/** Display order of the groups: what needs the enterprise comes first. */
export const GROUP_ORDER: readonly ControlState[] = ['blocking', 'pending', 'done', 'closed'];

const agencyRank = (a: string) => (CLEARANCE_AGENCIES as readonly string[]).indexOf(a);

export interface ControlGroup<C> {
  state: ControlState;
  controls: C[];
}

export function groupControls<C extends Pick<EnterpriseControl, 'state' | 'agency' | 'kind'>>(controls: readonly C[]): ControlGroup<C>[] {
  const known = new Set<string>(CONTROL_STATES);
  return GROUP_ORDER.map((state) => ({
    state,
    controls: controls
      .filter((c) => (known.has(c.state) ? c.state : 'pending') === state)
      .sort((a, b) => agencyRank(a.agency) - agencyRank(b.agency) || a.kind.localeCompare(b.kind)),
  })).filter((g) => g.controls.length > 0);
}

/** Requests of a control still waiting for the enterprise's answer. */
export function openRequests(control: Pick<EnterpriseControl, 'status' | 'requests'>): DocumentRequest[] {
  if (control.status !== 'documents_requested') return [];
  return control.requests.filter((r) => r.answeredAt === null);
}

/** What the enterprise must do about a control now, if anything. */
export type NextStep = 'answer' | 'present_truck' | 'see_refusal' | null;

export function nextStep(control: Pick<EnterpriseControl, 'status' | 'requests' | 'inspection'>): NextStep {
  if (openRequests(control).length > 0) return 'answer';
  if (control.status === 'inspection' && control.inspection?.status === 'scheduled') return 'present_truck';
  if (control.status === 'refused') return 'see_refusal';
  return null;
}
