import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan, PlanTask, UpdatePlanRequest } from '../../../../shared/schemas/plans';
import { api, newIdempotencyKey } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { addTask, urls } from './api';
import { emptyTask, TaskDraftFields, toTaskInput, type TaskDraft } from './TaskRowsEditor';

/** The plan owner corrects the plan's number, date and titles, with a reason for the log. */
export function PlanEditor({ plan, onSaved }: { plan: Plan; onSaved: () => void }) {
  const { t } = useTranslation();
  const initial = { number: plan.number ?? '', issuedOn: plan.issuedOn ?? '', titleVi: plan.titleVi, titleEn: plan.titleEn ?? '' };
  const [form, setForm] = useState(initial);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setSaved(false);
    const body: UpdatePlanRequest = { version: plan.version, reason: reason.trim() };
    if (form.number !== initial.number) body.number = form.number.trim() || null;
    if (form.issuedOn !== initial.issuedOn) body.issuedOn = form.issuedOn || null;
    if (form.titleVi !== initial.titleVi) body.titleVi = form.titleVi.trim();
    if (form.titleEn !== initial.titleEn) body.titleEn = form.titleEn.trim() || null;
    try {
      await api<Plan>('PATCH', urls.plan(plan.id), body);
      setError(null);
      setSaved(true);
      setReason('');
      onSaved();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <details className="panel" data-testid="plan-editor">
      <summary>{t('plans.edit.plan')}</summary>
      <form className="stack" onSubmit={submit}>
        <label>{t('plans.plan.title')}<textarea name="planTitleVi" required rows={2} maxLength={1000} value={form.titleVi} onChange={set('titleVi')} /></label>
        <label>{t('plans.create.titleEn')}<input name="planTitleEn" maxLength={1000} value={form.titleEn} onChange={set('titleEn')} /></label>
        <div className="grid">
          <label>{t('plans.plan.number')}<input name="planNumber" maxLength={60} value={form.number} onChange={set('number')} /></label>
          <label>{t('plans.create.issuedOn')}<input type="date" name="planIssuedOn" value={form.issuedOn} onChange={set('issuedOn')} /></label>
        </div>
        <label>{t('plans.action.reason')}<input name="planReason" required minLength={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} /></label>
        <ErrorMessage error={error} />
        {saved && <p role="status">{t('common.saved')}</p>}
        <button type="submit">{t('common.save')}</button>
      </form>
    </details>
  );
}

/** The plan owner adds a task to the plan. */
export function AddTaskForm({ plan, nextRef, onAdded }: { plan: Plan; nextRef: number; onAdded: (task: PlanTask) => void }) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<TaskDraft>(() => emptyTask(nextRef, ''));
  const [error, setError] = useState<unknown>(null);
  const key = useRef(newIdempotencyKey());

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    try {
      const task = await addTask(plan.id, toTaskInput(draft, i18n.getFixedT('vi')), key.current);
      key.current = newIdempotencyKey();
      setDraft(emptyTask(nextRef + 1, draft.leadAgency));
      setError(null);
      onAdded(task);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <details className="panel" data-testid="add-task-form">
      <summary>{t('plans.create.addTask')}</summary>
      <form className="stack" onSubmit={submit}>
        <TaskDraftFields task={draft} onChange={(patch) => setDraft({ ...draft, ...patch })} />
        <ErrorMessage error={error} />
        <button type="submit">{t('plans.create.addTask')}</button>
      </form>
    </details>
  );
}
