import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnterpriseControl } from '../../../../shared/schemas/clearance';
import { FINAL_TRIP_STATUSES } from '../../../../shared/workflows/trip';
import { formatInstant } from '../../components/format';
import { Link } from 'react-router-dom';
import { useApi } from '../../components/useApi';
import { useSession } from '../../session';
import type { TripPanelProps } from '../tripPanels';
import { clearanceUrls, type EnterpriseClearanceView } from './api';
import { AnswerForm } from './AnswerForm';
import { ChannelBadge, ClearanceStatusBadge, ControlName, ControlStatusBadge } from './Badges';
import { ClearanceProblem } from './ClearanceProblem';
import { InspectionView } from './ControlCard';
import { groupControls, nextStep, openRequests } from './controlGroups';
import { pick } from './text';

const ZONE = 'Asia/Ho_Chi_Minh';
/** While agencies are still deciding, the panel looks again this often. */
const REFRESH_MS = 30_000;

/** Shown on the trip page: each control pending, done or blocking, what each agency asked for, and what to do. */
export function TripClearancePanel({ trip, onChanged }: TripPanelProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { can } = useSession();
  const view = useApi<EnterpriseClearanceView>(trip.status === 'draft' ? null : clearanceUrls.enterprise(trip.id));
  const open = !!view.data && ['pending', 'held'].includes(view.data.clearanceStatus) && !FINAL_TRIP_STATUSES.includes(view.data.tripStatus);
  const { reload } = view;
  useEffect(() => {
    if (!open) return;
    const timer = setInterval(() => void reload(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [open, reload]);

  if (trip.status === 'draft') return null;
  if (view.error) return <section className="panel"><ClearanceProblem error={view.error} /></section>;
  if (!view.data || view.data.controls.length === 0) return null;
  const v = view.data;
  const answered = (next: EnterpriseClearanceView) => {
    view.setData(next);
    onChanged();
  };

  return (
    <section className="panel trip-clearance" data-testid="trip-clearance" data-clearance={v.clearanceStatus}>
      <h2 className="row spread"><span>{t('clearancePanel.title')}</span><ClearanceStatusBadge status={v.clearanceStatus} /></h2>
      <p data-testid="clearance-counts">{t('clearancePanel.counts', v.counts)}</p>
      {can('clearance:read') && <p><Link to={`/clearance/trips/${v.tripId}`} data-testid="officer-clearance-link">{t('clearancePanel.officerPage')}</Link></p>}
      {v.instructions.length > 0 && (
        <ul className="instructions" data-testid="clearance-instructions">
          {v.instructions.map((i, k) => (
            <li key={k} data-kind={i.kind} className={`instruction-${i.kind}`}>
              {pick(i, lang)}
              {i.place && <><br /><strong>{t('clearancePanel.where')}:</strong> {i.place}</>}
              {i.at && <><br /><strong>{t('clearancePanel.when')}:</strong> {formatInstant(i.at, lang, ZONE)}</>}
            </li>
          ))}
        </ul>
      )}
      {groupControls(v.controls).map((g) => (
        <div key={g.state} className={`control-group group-${g.state}`} data-testid={`group-${g.state}`}>
          <h3>{t(`clearancePanel.group.${g.state}`)} ({g.controls.length})</h3>
          <ul className="plain control-list">
            {g.controls.map((c) => (
              <EnterpriseControlItem key={c.id} control={c} tripId={v.tripId} canAnswer={v.canAnswer} onAnswered={answered} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function EnterpriseControlItem({ control: c, tripId, canAnswer, onAnswered }: { control: EnterpriseControl; tripId: string; canAnswer: boolean; onAnswered: (v: EnterpriseClearanceView) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const at = (iso: string) => formatInstant(iso, lang, ZONE);
  const step = nextStep(c);
  const waiting = openRequests(c);
  return (
    <li className="card" data-testid="enterprise-control" data-kind={c.kind} data-agency={c.agency} data-state={c.state} data-status={c.status}>
      <p className="row spread">
        <strong><ControlName agency={c.agency} kind={c.kind} /></strong>
        <span className="row"><ControlStatusBadge status={c.status} />{c.channel && <ChannelBadge channel={c.channel} />}</span>
      </p>
      {c.decidedAt && c.outcome && <p className="small muted">{t(`clearanceDecision.outcome.${c.outcome}`, { defaultValue: c.outcome })} · {at(c.decidedAt)}</p>}
      {step && <p className="next-step" data-testid="next-step" data-step={step}>{t(`clearancePanel.next.${step}`)}</p>}
      {c.flags.length > 0 && <ul className="flags small">{c.flags.map((f, i) => <li key={i}>⚑ {pick(f.message, lang)}</li>)}</ul>}
      {c.refusal && (
        <div className="refusal" data-testid="refusal">
          {c.refusal.legalBasis && <p><strong>{t('clearanceDecision.legalBasis')}:</strong> {pick(c.refusal.legalBasis.title, lang)}</p>}
          {c.refusal.reason && <p><strong>{t('clearanceDecision.reason')}:</strong> {c.refusal.reason}</p>}
          {pick(c.refusal.whatNext, lang) && <p><strong>{t('clearanceDecision.whatNext')}:</strong> {pick(c.refusal.whatNext, lang)}</p>}
        </div>
      )}
      {c.requests.map((r) => (
        <div key={r.id} className="request" data-testid="enterprise-request" data-answered={r.answeredAt ? 'true' : 'false'}>
          <p><strong>{t('clearancePanel.asked', { agency: t(`clearance.agency.${r.agency}`) })}</strong> · {at(r.requestedAt)}</p>
          <ul className="plain">{r.items.map((i, k) => <li key={k}>{t(`trips.documentKind.${i.kind}`)}: {i.description}</li>)}</ul>
          <p><em>{r.message}</em></p>
          {r.answer && <p className="small">{t('clearancePanel.youAnswered')}{r.answeredAt && ` (${at(r.answeredAt)})`}: <em>{r.answer.message}</em>{r.answer.documents.length > 0 && ` · ${r.answer.documents.map((d) => d.number).join(', ')}`}</p>}
          {canAnswer && waiting.some((w) => w.id === r.id) && <AnswerForm tripId={tripId} request={r} onAnswered={onAnswered} />}
        </div>
      ))}
      {c.inspection && <InspectionView inspection={c.inspection} at={at} zone={ZONE} />}
    </li>
  );
}
