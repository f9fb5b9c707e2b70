import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanTask, TaskDetail, UpdateTaskRequest } from '../../../../shared/schemas/plans';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { urls } from './api';
import { agencyName, useAgencies } from './labels';

const csv = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

/**
 * Editing the "6 rõ" of a task. The plan owner edits every field; the lead agency names the
 * responsible person only (the server enforces both).
 */
export function TaskEditor({ task, full, onSaved }: { task: TaskDetail; full: boolean; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const agencies = useAgencies();
  const initial = {
    responsiblePerson: task.responsiblePerson ?? '',
    titleVi: task.titleVi,
    expectedProductVi: task.expectedProductVi ?? '',
    authorityVi: task.authorityVi ?? '',
    leadAgency: task.leadAgency.code,
    coordinatingAgencies: task.coordinatingAgencies.map((a) => a.code),
    gateIds: task.gateIds.join(', '),
  };
  const [form, setForm] = useState(initial);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setSaved(false);
    const body: UpdateTaskRequest = { version: task.version, reason: reason.trim() };
    const text = (v: string) => (v.trim() ? v.trim() : null);
    if (form.responsiblePerson !== initial.responsiblePerson) body.responsiblePerson = text(form.responsiblePerson);
    if (full) {
      if (form.titleVi !== initial.titleVi) body.titleVi = form.titleVi.trim();
      if (form.expectedProductVi !== initial.expectedProductVi) body.expectedProductVi = text(form.expectedProductVi);
      if (form.authorityVi !== initial.authorityVi) body.authorityVi = text(form.authorityVi);
      if (form.leadAgency !== initial.leadAgency) body.leadAgency = form.leadAgency;
      if (form.coordinatingAgencies.join() !== initial.coordinatingAgencies.join()) body.coordinatingAgencies = form.coordinatingAgencies;
      if (form.gateIds !== initial.gateIds) body.gateIds = csv(form.gateIds);
    }
    try {
      await api<PlanTask>('PATCH', urls.task(task.planId, task.id), body);
      setError(null);
      setSaved(true);
      setReason('');
      onSaved();
    } catch (err) {
      setError(err);
    }
  }

  const field = (key: 'responsiblePerson' | 'titleVi' | 'expectedProductVi' | 'authorityVi', label: string, max: number) => (
    <label>
      {label}
      <input name={key} maxLength={max} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
    </label>
  );

  return (
    <details className="panel" data-testid="task-editor">
      <summary>{full ? t('plans.edit.title') : t('plans.edit.responsibleOnly')}</summary>
      <form onSubmit={submit} className="stack">
        {field('responsiblePerson', t('plans.task.responsible'), 200)}
        {full && (
          <>
            {field('titleVi', t('plans.edit.titleVi'), 2000)}
            {field('expectedProductVi', t('plans.task.product'), 2000)}
            {field('authorityVi', t('plans.task.authority'), 500)}
            <label>
              {t('plans.task.lead')}
              <select name="leadAgency" value={form.leadAgency} onChange={(e) => setForm({ ...form, leadAgency: e.target.value })}>
                {!agencies.some((a) => a.code === form.leadAgency) && <option value={form.leadAgency}>{form.leadAgency}</option>}
                {agencies.map((a) => <option key={a.code} value={a.code}>{agencyName(a, i18n.language, agencies)}</option>)}
              </select>
            </label>
            <label>
              {t('plans.task.coordinating')}
              <select
                multiple
                name="coordinatingAgencies"
                size={6}
                value={form.coordinatingAgencies}
                onChange={(e) => setForm({ ...form, coordinatingAgencies: [...e.target.selectedOptions].map((o) => o.value) })}
              >
                {agencies.map((a) => <option key={a.code} value={a.code}>{agencyName(a, i18n.language, agencies)}</option>)}
              </select>
            </label>
            <label>
              {t('plans.edit.gateIds')}
              <input name="gateIds" value={form.gateIds} onChange={(e) => setForm({ ...form, gateIds: e.target.value })} />
            </label>
          </>
        )}
        <label>
          {t('plans.action.reason')}
          <input name="editReason" required minLength={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <ErrorMessage error={error} />
        {saved && <p role="status">{t('common.saved')}</p>}
        <button type="submit">{t('common.save')}</button>
      </form>
    </details>
  );
}
