import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A button that asks for a reason (kept in the audit log) before it acts; `extra` adds fields. */
export function ReasonButton({ label, onSubmit, secondary, extra, testId }: { label: string; onSubmit: (reason: string) => Promise<void>; secondary?: boolean; extra?: ReactNode; testId?: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      await onSubmit(reason.trim());
      setOpen(false);
      setReason('');
    } finally {
      setBusy(false);
    }
  }
  if (!open) return <button type="button" className={secondary ? 'secondary' : undefined} onClick={() => setOpen(true)} data-testid={testId}>{label}</button>;
  return (
    <form className="row reason-form" onSubmit={(e) => void submit(e)}>
      {extra}
      <input value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} placeholder={t('yard.action.reasonFor', { step: label })} aria-label={t('yard.checkIn.reason')} autoFocus />
      <button type="submit" disabled={busy || reason.trim().length < 3} data-testid={testId ? `${testId}-confirm` : undefined}>{label}</button>
      <button type="button" className="link" onClick={() => setOpen(false)}>{t('yard.action.cancel')}</button>
    </form>
  );
}
