import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { LateAgency, Plan, ReminderRequest, ReminderResult } from '../../../../shared/schemas/plans';
import { newIdempotencyKey } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { sendReminder } from './api';
import { agencyName, useAgencies } from './labels';
import { toQuery } from './query';

type Channel = NonNullable<ReminderRequest['channels']>[number];
const CHANNELS: Channel[] = ['in_app', 'email', 'sms'];

/** Who is late: the server's late tasks (and occurrences) per lead agency, most late first. */
export function LateSummary({ planId, groups }: { planId: string; groups: LateAgency[] }) {
  const { t, i18n } = useTranslation();
  const agencies = useAgencies();
  const total = new Set(groups.flatMap((g) => g.tasks.map((task) => task.id))).size;
  return (
    <section className="panel" data-testid="late-summary">
      <h2>{t('plans.late.title', { count: total })}</h2>
      {total === 0 ? (
        <p className="muted">{t('plans.late.none')}</p>
      ) : (
        <ul className="plain">
          {groups.map((g) => (
            <li key={g.agency.code} data-agency={g.agency.code} data-testid="late-agency">
              <Link to={`/plans/${planId}${toQuery({ late: true, agency: g.agency.code })}`}>{agencyName(g.agency, i18n.language, agencies)}</Link>{' '}
              — {t('plans.late.tasks', { count: g.tasks.length })}:{' '}
              {g.tasks.map((task, i) => (
                <span key={`${task.id}-${task.occurrenceLabel ?? ''}`}>
                  {i > 0 && ', '}
                  <Link to={`/plans/${planId}/tasks/${task.id}`} title={task.titleVi}>
                    {task.ref}{task.occurrenceLabel && ` (${task.occurrenceLabel})`}
                  </Link>{' '}
                  <span className="muted small">{t('plans.late.days', { count: task.daysLate })}</span>
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The plan owner reminds the lead agencies of late tasks (or of the tasks they picked). */
export function ReminderPanel({ plan, selected, lateCount, onSent }: { plan: Plan; selected: ReadonlySet<string>; lateCount: number; onSent: () => void }) {
  const { t, i18n } = useTranslation();
  const agencies = useAgencies();
  const [scope, setScope] = useState<'late' | 'selected'>('late');
  const [message, setMessage] = useState('');
  const [channels, setChannels] = useState<Channel[]>(['in_app']);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<ReminderResult | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per reminder: a retried click after a lost answer does not remind twice.
  const key = useRef(newIdempotencyKey());

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setResult(null);
    try {
      const body: ReminderRequest = { channels, ...(scope === 'late' ? { lateOnly: true } : { taskIds: [...selected] }), ...(message.trim() ? { messageVi: message.trim() } : {}) };
      setResult(await sendReminder(plan.id, body, key.current));
      key.current = newIdempotencyKey();
      setError(null);
      setMessage('');
      onSent();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const toggle = (c: Channel) => setChannels(channels.includes(c) ? channels.filter((x) => x !== c) : [...channels, c]);
  const nothing = scope === 'late' ? lateCount === 0 : selected.size === 0;
  return (
    <form className="panel" onSubmit={submit} data-testid="reminder-panel">
      <h2>{t('plans.remind.title')}</h2>
      <fieldset>
        <legend>{t('plans.remind.which')}</legend>
        <label className="inline">
          <input type="radio" name="remindScope" checked={scope === 'late'} onChange={() => setScope('late')} /> {t('plans.remind.late', { count: lateCount })}
        </label>
        <label className="inline">
          <input type="radio" name="remindScope" checked={scope === 'selected'} onChange={() => setScope('selected')} /> {t('plans.remind.selected', { count: selected.size })}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('plans.remind.channels')}</legend>
        {CHANNELS.map((c) => (
          <label key={c} className="inline">
            <input type="checkbox" name="channel" value={c} checked={channels.includes(c)} onChange={() => toggle(c)} /> {t(`plans.remind.channel.${c}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('plans.remind.message')}
        <textarea name="remindMessage" rows={3} maxLength={2000} value={message} onChange={(e) => setMessage(e.target.value)} />
      </label>
      <ErrorMessage error={error} />
      {result && (
        <p role="status" data-testid="reminder-result">
          {t('plans.remind.sent', { agencies: result.agencies.length, tasks: result.tasks, notices: result.notices, messages: result.messages })}{' '}
          {result.agencies.map((a) => agencyName(a, i18n.language, agencies)).join(', ')}
        </p>
      )}
      <button type="submit" disabled={busy || nothing || channels.length === 0} data-testid="send-reminder">{t('plans.remind.send')}</button>
    </form>
  );
}
