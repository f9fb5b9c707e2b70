import { useTranslation } from 'react-i18next';
import type { GateSummary } from '../../../../shared/schemas/gates';
import type { Trip, Vehicle } from './api';
import { formatVnd, todayIn } from './display';
import { FeeQuoteView, useFeeQuote } from './FeeQuoteView';
import { ProblemSummary } from './Problems';
import { quoteRequestFromForm, type TripForm } from './tripForm';

interface Props {
  form: TripForm;
  gate: GateSummary | null;
  vehicle: Vehicle | null;
  trip: Trip | null;
}

/** The fee as the declaration stands now, updated while lines change; beside it the fee already fixed, when amending. */
export function FeePanel({ form, gate, vehicle, trip }: Props) {
  const { t, i18n } = useTranslation();
  const input = quoteRequestFromForm(form, gate, vehicle, todayIn(gate?.timeZone ?? 'Asia/Ho_Chi_Minh'));
  const { quote, error, loading } = useFeeQuote(input.ok ? input.request : null);
  const fixed = trip && trip.status !== 'draft' ? trip.fee.total : null;

  return (
    <aside className="panel fee-panel" aria-live="polite" data-testid="fee-panel">
      <h2>{t('tripFees.title')}</h2>
      {fixed !== null && (
        <p data-testid="fee-fixed">{t('tripFees.fixed')}: <strong>{formatVnd(fixed, i18n.language)}</strong>{trip!.fee.outstanding !== 0 && ` · ${t('trip.outstanding')}: ${formatVnd(trip!.fee.outstanding, i18n.language)}`}</p>
      )}
      {!input.ok && <p className="muted" data-testid="fee-missing">{t('tripFees.needs', { what: input.missing.map((m) => t(`tripFees.missing.${m}`)).join(', ') })}</p>}
      {loading && <p className="muted">{t('tripFees.computing')}</p>}
      <ProblemSummary error={error} />
      {quote && (
        <>
          {fixed !== null && <p className="muted">{t('tripFees.ifAmended')}</p>}
          <FeeQuoteView quote={quote} />
          {!form.plannedDate && <p className="muted small">{t('tripFees.todayTariff')}</p>}
        </>
      )}
    </aside>
  );
}
