import { useTranslation } from 'react-i18next';
import type { ClearanceControl, ClearanceTripView, DocumentRequest, Inspection } from '../../../../shared/schemas/clearance';
import { formatInstant } from '../../components/format';
import { useSession } from '../../session';
import { agencyOfRole } from '../../../../shared/schemas/clearance';
import { clearanceUrls, type LegalBasis } from './api';
import { ChannelBadge, ControlName, ControlStatusBadge } from './Badges';
import { DecisionPanel } from './DecisionPanel';
import { pick, timeOnly } from './text';

interface Props {
  control: ClearanceControl;
  trip: ClearanceTripView['trip'];
  zone: string;
  legalBases: LegalBasis[];
  onDecided: (view: ClearanceTripView) => void;
  onReload: () => void;
}

/** One agency's control as every agency sees it; its own agency also gets the decision panel. */
export function ControlCard({ control: c, trip, zone, legalBases, onDecided, onReload }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { me } = useSession();
  const mine = !!me && agencyOfRole(me.role) === c.agency;
  const at = (iso: string) => formatInstant(iso, lang, zone);
  return (
    <section className={`card control-card${mine ? ' mine' : ''}`} data-testid="control-card" data-kind={c.kind} data-agency={c.agency} data-status={c.status} aria-labelledby={`control-${c.id}`}>
      <h3 id={`control-${c.id}`} className="row spread">
        <span><ControlName agency={c.agency} kind={c.kind} />{mine && <span className="badge mine-badge"> {t('clearanceTrip.yourAgency')}</span>}</span>
        <span className="row"><ControlStatusBadge status={c.status} />{(c.kind === 'customs' || c.channel) && <ChannelBadge channel={c.channel} />}</span>
      </h3>
      {c.basis.length > 0 && (
        <ul className="plain small" data-testid="control-basis">
          {c.basis.map((b) => (
            <li key={b.ruleId}>{pick(b.description, lang)}{b.lines.length > 0 && ` (${t('clearanceTrip.lines', { list: b.lines.map((l) => l + 1).join(', ') })})`} <small className="muted mono">{b.ruleId}</small></li>
          ))}
        </ul>
      )}
      {c.flags.length > 0 && (
        <ul className="flags" data-testid="control-flags">
          {c.flags.map((f, i) => <li key={i} data-code={f.code}>⚑ {pick(f.message, lang)}{f.lineIndex !== null && ` (${t('clearanceTrip.line', { n: f.lineIndex + 1 })})`}</li>)}
        </ul>
      )}
      {c.waitingSince && !['passed', 'refused', 'waived', 'closed'].includes(c.status) && <p className="small muted">{t('clearanceTrip.waitingSince', { at: at(c.waitingSince) })}</p>}
      {c.decision && !(c.decision.outcome === 'request_documents' && c.requests.length > 0) && (
        <p className="decision" data-testid="control-decision" data-outcome={c.decision.outcome}>
          <strong>{t(`clearanceDecision.outcome.${c.decision.outcome}`)}</strong> · {c.decision.byLabel} · {at(c.decision.at)}
          {c.decision.legalBasis && <><br />{t('clearanceDecision.legalBasis')}: {pick(c.decision.legalBasis.title, lang)}</>}
          {c.decision.note && <><br /><em>{c.decision.note}</em></>}
        </p>
      )}
      {c.requests.map((r) => <RequestView key={r.id} request={r} tripId={trip.id} at={at} />)}
      {c.inspection && <InspectionView inspection={c.inspection} at={at} zone={zone} />}
      {c.allowedOutcomes.length > 0 && <DecisionPanel control={c} trip={trip} legalBases={legalBases} onDecided={onDecided} onReload={onReload} />}
    </section>
  );
}

function RequestView({ request: r, tripId, at }: { request: DocumentRequest; tripId: string; at: (iso: string) => string }) {
  const { t } = useTranslation();
  return (
    <div className="request" data-testid="document-request" data-answered={r.answeredAt ? 'true' : 'false'}>
      <p><strong>{t('clearanceTrip.asked')}</strong> · {r.requestedByLabel} · {at(r.requestedAt)}</p>
      <ul className="plain">{r.items.map((i, k) => <li key={k}>{t(`trips.documentKind.${i.kind}`)}: {i.description}</li>)}</ul>
      <p><em>{r.message}</em></p>
      {r.answer ? (
        <div className="answer" data-testid="request-answer">
          <p><strong>{t('clearanceTrip.answered')}</strong> · {r.answer.answeredByLabel}{r.answeredAt && ` · ${at(r.answeredAt)}`}</p>
          <p><em>{r.answer.message}</em></p>
          {r.answer.documents.length > 0 && (
            <ul className="plain">
              {r.answer.documents.map((d, k) => (
                <li key={k}>{t(`trips.documentKind.${d.kind}`)}: <strong>{d.number}</strong>
                  {d.fileId && <> · <a href={clearanceUrls.tripFile(tripId, d.fileId)} target="_blank" rel="noreferrer" data-testid="answer-file">{t('clearanceTrip.file')}</a></>}
                  {d.note && <> · {d.note}</>}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : <p className="muted">{t('clearanceTrip.waitingForEnterprise')}</p>}
    </div>
  );
}

export function InspectionView({ inspection: i, at, zone }: { inspection: Inspection; at: (iso: string) => string; zone: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <div className="inspection" data-testid="inspection" data-bay={i.bayId} data-status={i.status}>
      <p><strong>{t('clearanceTrip.inspection')}</strong> · <span className={`badge inspection-${i.status}`}>{t(`clearanceTrip.inspectionStatus.${i.status}`)}</span></p>
      <p data-testid="inspection-where">{pick(i.bayName, lang)} — {pick(i.place, lang)}</p>
      <p data-testid="inspection-when">{at(i.slotStart)} – {timeOnly(i.slotEnd, lang, zone)}</p>
      {i.resultNote && <p><em>{i.resultNote}</em></p>}
    </div>
  );
}
