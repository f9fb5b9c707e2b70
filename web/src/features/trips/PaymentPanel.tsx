import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../components/format';
import { tripsApi, urls, type Payment, type Trip } from './api';
import { formatVnd } from './display';
import { intendedKey, rememberPayment } from './paymentKey';
import { ProblemSummary, useProblemText } from './Problems';

export function PaymentPanel({ trip, payments, onChanged }: { trip: Trip; payments: Payment[]; onChanged: () => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const problemText = useProblemText();
  const amount = trip.fee.outstanding;
  const [payerAccount, setPayerAccount] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  const pending = payments.find((p) => p.kind === 'charge' && p.status === 'pending');

  // The bank confirms later: look again every few seconds while a charge is pending.
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => void onChanged(), 2000);
    return () => clearInterval(timer);
  }, [pending, onChanged]);

  async function pay(e: React.FormEvent) {
    e.preventDefault();
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    try {
      const key = intendedKey(sessionStorage, trip.id, amount, payments);
      const payment = await tripsApi.pay(trip.id, { amount, payerAccount: payerAccount.replace(/\s/g, '') }, key);
      rememberPayment(sessionStorage, trip.id, amount, key, payment.id);
      setError(null);
      await onChanged();
    } catch (err) {
      setError(err);
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  const lastFailed = payments.filter((p) => p.kind === 'charge').at(-1);
  return (
    <section className="panel" data-testid="payment-panel">
      <h2>{t('tripPayment.title')}</h2>
      {pending ? (
        <p role="status" data-testid="payment-pending">{t('tripPayment.pending', { amount: formatVnd(pending.amount, i18n.language) })}</p>
      ) : (
        <form onSubmit={pay} className="grid">
          <p>{t('tripPayment.due')}: <strong data-testid="amount-due">{formatVnd(amount, i18n.language)}</strong></p>
          <label>{t('tripPayment.payerAccount')}
            <input name="payerAccount" inputMode="numeric" autoComplete="off" pattern="[0-9 ]{8,23}" required value={payerAccount} onChange={(e) => setPayerAccount(e.target.value)} />
            <small className="muted">{t('tripPayment.accountHint')}</small>
          </label>
          <p><button type="submit" disabled={busy || payerAccount.replace(/\s/g, '').length < 8} data-testid="pay">{t('tripPayment.pay', { amount: formatVnd(amount, i18n.language) })}</button></p>
        </form>
      )}
      {lastFailed?.status === 'failed' && !pending && (
        <p className="alert" role="alert" data-code={lastFailed.failureCode ?? undefined}>
          {t('tripPayment.failed')}: {lastFailed.failureMessage ? problemText({ path: '/', code: lastFailed.failureCode, message: lastFailed.failureMessage }) : lastFailed.failureCode}
        </p>
      )}
      <ProblemSummary error={error} />
    </section>
  );
}

/** Every charge and refund of the trip, with the receipt of each successful charge. */
export function PaymentsList({ payments, timeZone }: { payments: Payment[]; timeZone: string }) {
  const { t, i18n } = useTranslation();
  if (payments.length === 0) return null;
  return (
    <section data-testid="payments">
      <h2>{t('tripPayment.history')}</h2>
      <ul className="plain">
        {payments.map((p) => (
          <li key={p.id} data-testid="payment-row" data-status={p.status}>
            {formatInstant(p.createdAt, i18n.language, timeZone)} · {t(`tripPayment.purpose.${p.purpose}`)} · <strong>{p.kind === 'refund' ? '−' : ''}{formatVnd(p.amount, i18n.language)}</strong> ·{' '}
            <span className={`badge pay-${p.status}`}>{t(`tripPayment.status.${p.status}`)}</span>
            {p.payerAccount && <small className="muted"> · {p.payerAccount}</small>}
            {p.receiptNumber && (
              <> · <a href={urls.receiptPdf(p.id)} download data-testid="receipt-link">{t('tripPayment.receipt', { number: p.receiptNumber })}</a></>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
