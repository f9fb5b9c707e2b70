import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '../../../../shared/schemas/plans';
import type { TaskAction } from '../../../../shared/workflows/plan-task';
import { newIdempotencyKey } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { takeTaskAction } from './api';

// The server asks a reason for these steps (kept in the audit log), and a new date to reschedule.
const NEEDS_REASON: readonly TaskAction[] = ['cancel', 'reschedule', 'reopen', 'restore'];

interface Props {
  planId: string;
  taskId: string;
  /** The task itself, or one occurrence of a recurring task. */
  target: { occurrenceId?: string; version: number; allowedActions: readonly TaskAction[]; label?: string };
  onDone: (detail: TaskDetail) => void;
}

/** One button per action the server allows now; nothing else is offered. */
export function TaskActions({ planId, taskId, target, onDone }: Props) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<TaskAction | null>(null);
  const [reason, setReason] = useState('');
  const [newDeadline, setNewDeadline] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey());
  if (target.allowedActions.length === 0) return null;

  async function run(action: TaskAction) {
    setBusy(true);
    try {
      const detail = await takeTaskAction(
        planId,
        taskId,
        {
          action,
          version: target.version,
          ...(target.occurrenceId ? { occurrenceId: target.occurrenceId } : {}),
          ...(NEEDS_REASON.includes(action) ? { reason: reason.trim() } : {}),
          ...(action === 'reschedule' ? { newDeadline } : {}),
        },
        key.current,
      );
      key.current = newIdempotencyKey();
      setPending(null);
      setReason('');
      setNewDeadline('');
      setError(null);
      onDone(detail);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const click = (action: TaskAction) => {
    key.current = newIdempotencyKey();
    setError(null);
    if (NEEDS_REASON.includes(action)) setPending(action);
    else void run(action);
  };

  return (
    <div className="task-actions" data-testid="task-actions" data-occurrence={target.occurrenceId ?? ''}>
      <div className="row">
        {target.allowedActions.map((action) => (
          <button key={action} type="button" disabled={busy} onClick={() => click(action)} data-action={action} className={action === 'cancel' ? 'danger' : ''}>
            {t(`plans.action.${action}`)}
          </button>
        ))}
      </div>
      {pending && (
        <form
          className="panel"
          onSubmit={(e) => {
            e.preventDefault();
            void run(pending);
          }}
          data-testid="action-form"
        >
          <h3>{t(`plans.action.${pending}`)}{target.label ? ` — ${target.label}` : ''}</h3>
          {pending === 'reschedule' && (
            <label>
              {t('plans.action.newDeadline')}
              <input type="date" name="newDeadline" required value={newDeadline} onChange={(e) => setNewDeadline(e.target.value)} />
            </label>
          )}
          <label>
            {t('plans.action.reason')}
            <input name="actionReason" required minLength={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <div className="row">
            <button type="submit" disabled={busy}>{t('plans.action.confirm')}</button>
            <button type="button" className="secondary" onClick={() => setPending(null)}>{t('common.cancel')}</button>
          </div>
        </form>
      )}
      <ErrorMessage error={error} />
    </div>
  );
}
