import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tripsApi, type Trip } from './api';
import { formatVnd } from './display';
import { ProblemSummary } from './Problems';
import { useApi } from '../../components/useApi';
import { urls } from './api';

interface RefundPreview { paid: number; percent: number; amount: number; ruleSet: string; description: { vi: string; en: string } }

/** Cancelling shows first what the refund rules in force give back for this trip, now (the server decides, by its own clock). */
export function CancelPanel({ trip, onDone }: { trip: Trip; timeZone: string; onDone: (t: Trip) => void }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const lang = i18n.language;
  const paid = trip.fee.paid;
  const preview = useApi<RefundPreview>(open && paid > 0 ? urls.refundPreview(trip.id) : null);

  async function cancel(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      onDone(await tripsApi.cancel(trip.id, trip.version, reason.trim()));
      setOpen(false);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (!open) return <p><button type="button" className="danger" onClick={() => setOpen(true)} data-testid="cancel-trip">{t('tripCancel.open')}</button></p>;
  const estimate = preview.data;
  return (
    <form className="panel" onSubmit={cancel} data-testid="cancel-panel">
      <h2>{t('tripCancel.title')}</h2>
      {paid <= 0 ? (
        <p>{t('tripCancel.nothingPaid')}</p>
      ) : estimate ? (
        <p data-testid="refund-preview" data-amount={estimate.amount}>
          {t('tripCancel.refund', { amount: formatVnd(estimate.amount, lang), percent: estimate.percent, paid: formatVnd(paid, lang) })}
          <br /><small className="muted">{lang === 'vi' ? estimate.description.vi : estimate.description.en} ({estimate.ruleSet})</small>
        </p>
      ) : (
        <p>{t('tripCancel.refundByRules', { paid: formatVnd(paid, lang) })}</p>
      )}
      <label>{t('tripCancel.reason')}
        <input name="cancelReason" required minLength={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <ProblemSummary error={error} />
      <p className="row">
        <button type="submit" className="danger" disabled={busy || reason.trim().length < 3} data-testid="confirm-cancel">{t('tripCancel.confirm')}</button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>{t('tripCancel.keep')}</button>
      </p>
    </form>
  );
}
