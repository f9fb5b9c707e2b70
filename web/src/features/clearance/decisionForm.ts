import type { DecisionOutcome, DecisionRequest, LegalBasis } from '../../../../shared/schemas/clearance';
import type { TripDocument } from '../../../../shared/schemas/trips';

// What an officer fills in for a decision, and the request body made from it: only the fields
// the chosen outcome takes, trimmed, with empty rows left out (the server rejects unknown or
// empty fields and lists what is missing).

export interface RequestedItemDraft {
  kind: TripDocument['kind'];
  description: string;
}

export interface DecisionDraft {
  outcome: DecisionOutcome;
  note: string;
  message: string;
  items: RequestedItemDraft[];
  bayId: string;
  legalBasisId: string;
  reason: string;
}

export function emptyDraft(outcome: DecisionOutcome): DecisionDraft {
  return { outcome, note: '', message: '', items: [], bayId: '', legalBasisId: '', reason: '' };
}

export function decisionBody(draft: DecisionDraft, version: number): DecisionRequest {
  const body: DecisionRequest = { outcome: draft.outcome, version };
  const note = draft.note.trim();
  switch (draft.outcome) {
    case 'pass':
      if (note) body.note = note;
      break;
    case 'inspect':
      if (note) body.note = note;
      if (draft.bayId) body.bayId = draft.bayId;
      break;
    case 'request_documents':
      body.message = draft.message.trim();
      body.items = draft.items.map((i) => ({ kind: i.kind, description: i.description.trim() })).filter((i) => i.description !== '');
      break;
    case 'refuse':
      body.legalBasisId = draft.legalBasisId;
      body.reason = draft.reason.trim();
      break;
  }
  return body;
}

/** Whether the draft holds what its outcome needs (the send button waits for it). */
export function draftComplete(draft: DecisionDraft): boolean {
  switch (draft.outcome) {
    case 'request_documents':
      return draft.message.trim().length >= 3 && draft.items.some((i) => i.description.trim() !== '');
    case 'refuse':
      return draft.legalBasisId !== '' && draft.reason.trim().length >= 3;
    default:
      return true;
  }
}

/** The legal bases an agency may cite. */
export function basesFor(bases: readonly LegalBasis[], agency: string): LegalBasis[] {
  return bases.filter((b) => (b.agencies as readonly string[]).includes(agency));
}

/** Ticking a document kind adds a line to describe it; unticking removes it. */
export function toggleItem(items: RequestedItemDraft[], kind: RequestedItemDraft['kind'], describe: string): RequestedItemDraft[] {
  return items.some((i) => i.kind === kind) ? items.filter((i) => i.kind !== kind) : [...items, { kind, description: describe }];
}
