import { useTranslation } from 'react-i18next';
import { TRIP_DOCUMENT_KINDS } from '../../../../shared/schemas/trips';
import { useApi } from '../../components/useApi';
import { clearanceUrls, type InspectionBay, type LegalBasis } from './api';
import { toggleItem, type DecisionDraft } from './decisionForm';
import { pick } from './text';

interface FieldsProps {
  draft: DecisionDraft;
  change: (patch: Partial<DecisionDraft>) => void;
}

/** What the enterprise is asked for: document kinds (each with what exactly) and a message it will read. */
export function RequestDocumentsFields({ draft, change }: FieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <fieldset data-testid="request-kinds">
        <legend>{t('clearanceDecision.askFor')}</legend>
        {TRIP_DOCUMENT_KINDS.map((kind) => {
          const item = draft.items.find((i) => i.kind === kind);
          return (
            <div key={kind} className="request-kind">
              <label className="inline">
                <input type="checkbox" name={`kind-${kind}`} checked={!!item} onChange={() => change({ items: toggleItem(draft.items, kind, t(`trips.documentKind.${kind}`)) })} />
                {t(`trips.documentKind.${kind}`)}
              </label>
              {item && (
                <input name={`describe-${kind}`} aria-label={t('clearanceDecision.describe', { kind: t(`trips.documentKind.${kind}`) })} maxLength={500} required value={item.description}
                  onChange={(e) => change({ items: draft.items.map((i) => (i.kind === kind ? { ...i, description: e.target.value } : i)) })} />
              )}
            </div>
          );
        })}
      </fieldset>
      <label>{t('clearanceDecision.message')}
        <textarea name="message" rows={3} minLength={3} maxLength={1000} required value={draft.message} placeholder={t('clearanceDecision.messageHint')} onChange={(e) => change({ message: e.target.value })} />
      </label>
    </>
  );
}

/** The bay: assigned by the server (capacity and load) unless the officer picks one of the agency's bays. */
export function InspectFields({ draft, change, gateId, date, agency }: FieldsProps & { gateId: string | null; date: string | null; agency: string }) {
  const { t, i18n } = useTranslation();
  const bays = useApi<{ items: InspectionBay[] }>(gateId ? clearanceUrls.bays(gateId, date) : null);
  const usable = (bays.data?.items ?? []).filter((b) => (b.agencies as readonly string[]).includes(agency));
  return (
    <label>{t('clearanceDecision.bay')}
      <select name="bayId" value={draft.bayId} onChange={(e) => change({ bayId: e.target.value })} data-testid="bay-select">
        <option value="">{t('clearanceDecision.bayAuto')}</option>
        {usable.map((b) => (
          <option key={b.id} value={b.id}>
            {pick(b.name, i18n.language)} · {b.opens}–{b.closes} · {t('clearanceDecision.bayLoad', { booked: b.booked, capacity: b.capacityPerDay })}
          </option>
        ))}
      </select>
      <small className="muted">{t('clearanceDecision.bayHint')}</small>
    </label>
  );
}

/** A refusal cites one of the agency's legal bases; the enterprise will read what it can do next. */
export function RefuseFields({ draft, change, bases }: FieldsProps & { bases: LegalBasis[] }) {
  const { t, i18n } = useTranslation();
  const chosen = bases.find((b) => b.id === draft.legalBasisId);
  return (
    <>
      <label>{t('clearanceDecision.legalBasis')}
        <select name="legalBasisId" required value={draft.legalBasisId} onChange={(e) => change({ legalBasisId: e.target.value })} data-testid="legal-basis">
          <option value="">{t('clearanceDecision.chooseBasis')}</option>
          {bases.map((b) => <option key={b.id} value={b.id}>{pick(b.title, i18n.language)}</option>)}
        </select>
      </label>
      {chosen && <p className="hint" data-testid="what-next">{t('clearanceDecision.whatNext')}: {pick(chosen.whatNext, i18n.language)}</p>}
      <label>{t('clearanceDecision.reason')}
        <textarea name="reason" rows={3} minLength={3} maxLength={1000} required value={draft.reason} onChange={(e) => change({ reason: e.target.value })} />
      </label>
    </>
  );
}
