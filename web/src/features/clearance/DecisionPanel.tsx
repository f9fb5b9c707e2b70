import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClearanceControl, ClearanceTripView, DecisionOutcome } from '../../../../shared/schemas/clearance';
import { clearanceApi, type LegalBasis } from './api';
import { ClearanceProblem } from './ClearanceProblem';
import { attemptDone, attemptKey } from './decisionKey';
import { basesFor, decisionBody, draftComplete, emptyDraft, type DecisionDraft } from './decisionForm';
import { InspectFields, RefuseFields, RequestDocumentsFields } from './DecisionFields';

interface Props {
  control: ClearanceControl;
  trip: ClearanceTripView['trip'];
  legalBases: LegalBasis[];
  onDecided: (view: ClearanceTripView) => void;
  onReload: () => void;
}

/**
 * The officer's decision on their own agency's control. The buttons are the outcomes the server
 * allows now (a red customs control offers no pass before its inspection); a refusal ends the
 * trip, so it asks for a confirmation. Each attempt carries its own Idempotency-Key.
 */
export function DecisionPanel({ control, trip, legalBases, onDecided, onReload }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<DecisionDraft | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  const inInspection = control.status === 'inspection';
  const label = (o: DecisionOutcome) => t(inInspection ? `clearanceDecision.result.${o}` : `clearanceDecision.action.${o}`);
  const change = (patch: Partial<DecisionDraft>) => {
    setDraft((d) => (d ? { ...d, ...patch } : d));
    setConfirming(false);
  };

  function choose(outcome: DecisionOutcome) {
    setDraft(draft?.outcome === outcome ? null : emptyDraft(outcome));
    setConfirming(false);
    setError(null);
  }

  async function send(e: React.FormEvent) {
    e.preventDefault();
    if (!draft || inFlight.current) return;
    if (draft.outcome === 'refuse' && !confirming) {
      setConfirming(true);
      return;
    }
    inFlight.current = true;
    setBusy(true);
    const body = decisionBody(draft, control.version);
    try {
      const key = attemptKey(sessionStorage, control.id, control.version, body);
      const view = await clearanceApi.decide(control.id, body, key);
      attemptDone(sessionStorage, control.id, control.version);
      setDraft(null);
      setConfirming(false);
      setError(null);
      onDecided(view);
    } catch (err) {
      setError(err);
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  return (
    <div className="decision-panel" data-testid="decision-panel" data-control={control.id}>
      <h4>{inInspection ? t('clearanceDecision.recordResult') : t('clearanceDecision.title')}</h4>
      <div className="row" role="group" aria-label={t('clearanceDecision.title')}>
        {control.allowedOutcomes.map((o) => (
          <button key={o} type="button" className={draft?.outcome === o ? (o === 'refuse' ? 'danger' : '') : 'secondary'} aria-pressed={draft?.outcome === o}
            data-testid={`decide-${o}`} onClick={() => choose(o)}>{label(o)}</button>
        ))}
      </div>
      {draft && (
        <form className="panel decision-form" onSubmit={send} data-testid="decision-form" data-outcome={draft.outcome}>
          {draft.outcome === 'request_documents' && <RequestDocumentsFields draft={draft} change={change} />}
          {draft.outcome === 'inspect' && <InspectFields draft={draft} change={change} gateId={trip.gateId} date={trip.plannedDate} agency={control.agency} />}
          {draft.outcome === 'refuse' && <RefuseFields draft={draft} change={change} bases={basesFor(legalBases, control.agency)} />}
          {(draft.outcome === 'pass' || draft.outcome === 'inspect') && (
            <label>{t('clearanceDecision.note')}
              <textarea name="note" rows={2} maxLength={1000} value={draft.note} onChange={(e) => change({ note: e.target.value })} />
            </label>
          )}
          {confirming && <p className="alert" role="alert" data-testid="refuse-warning">{t('clearanceDecision.refuseWarning', { reference: trip.reference })}</p>}
          <p className="row">
            <button type="submit" className={draft.outcome === 'refuse' ? 'danger' : ''} disabled={busy || !draftComplete(draft)} data-testid="decision-submit">
              {confirming ? t('clearanceDecision.confirmRefuse') : t('clearanceDecision.send', { action: label(draft.outcome) })}
            </button>
            <button type="button" className="secondary" onClick={() => choose(draft.outcome)}>{t('common.cancel')}</button>
          </p>
        </form>
      )}
      <ClearanceProblem error={error} onReload={() => { setError(null); setDraft(null); onReload(); }} />
    </div>
  );
}
