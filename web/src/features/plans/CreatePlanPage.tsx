import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { CreatePlanRequest } from '../../../../shared/schemas/plans';
import { newIdempotencyKey } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useSession } from '../../session';
import { createPlan } from './api';
import { agencyName, useAgencies } from './labels';
import { PlansGuard } from './PlansNav';
import { lines } from './query';
import { TaskRowsEditor, toTaskInput, type TaskDraft } from './TaskRowsEditor';

// The usual deadlines of the periodic reports (domain brief: 6-month before 31 May, annual before 30 Nov).
const SCHEDULE = [
  { kind: 'six_month', dueMonthDay: '05-31' },
  { kind: 'annual', dueMonthDay: '11-30' },
] as const;

function CreatePlan() {
  const { t, i18n } = useTranslation();
  const vi = i18n.getFixedT('vi');
  const navigate = useNavigate();
  const { me, can } = useSession();
  const agencies = useAgencies();
  const [form, setForm] = useState({ id: '', number: '', issuedOn: '', issuer: me?.agency?.code ?? '', province: '', titleVi: '', titleEn: '', legalBases: '', goals: '' });
  const [schedule, setSchedule] = useState<string[]>(SCHEDULE.map((s) => s.kind));
  const [tasks, setTasks] = useState<TaskDraft[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey());
  if (!can('plans:manage')) return <p className="alert" role="alert">{t('plans.noManage')}</p>;

  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const province = form.province || agencies.find((a) => a.code === form.issuer)?.province || '';

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    const body: CreatePlanRequest = {
      ...(form.id.trim() ? { id: form.id.trim() } : {}),
      number: form.number.trim() || null,
      issuedOn: form.issuedOn || null,
      issuer: form.issuer,
      province,
      titleVi: form.titleVi.trim(),
      titleEn: form.titleEn.trim() || null,
      legalBases: lines(form.legalBases),
      goals: lines(form.goals),
      reportSchedule: SCHEDULE.filter((s) => schedule.includes(s.kind)).map((s) => ({ ...s, textVi: vi(`plans.create.scheduleText.${s.kind}`) })),
      ...(tasks.length > 0 ? { tasks: tasks.map((d) => toTaskInput(d, vi)) } : {}),
    };
    try {
      const plan = await createPlan(body, key.current);
      navigate(`/plans/${plan.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section data-testid="create-plan-page">
      <p><Link to="/plans">← {t('plans.nav.plans')}</Link></p>
      <h1>{t('plans.create.title')}</h1>
      <form className="panel" onSubmit={submit}>
        <label>{t('plans.plan.title')}<textarea name="titleVi" required rows={2} maxLength={1000} value={form.titleVi} onChange={set('titleVi')} /></label>
        <label>{t('plans.create.titleEn')}<input name="titleEn" maxLength={1000} value={form.titleEn} onChange={set('titleEn')} /></label>
        <div className="grid">
          <label>{t('plans.plan.number')}<input name="number" maxLength={60} value={form.number} onChange={set('number')} /></label>
          <label>{t('plans.create.issuedOn')}<input type="date" name="issuedOn" value={form.issuedOn} onChange={set('issuedOn')} /></label>
          <label>{t('plans.plan.issuer')}
            <select name="issuer" required value={form.issuer} onChange={set('issuer')}>
              <option value="">—</option>
              {agencies.map((a) => <option key={a.code} value={a.code}>{agencyName(a, i18n.language, agencies)}</option>)}
            </select>
          </label>
          <label>{t('gates.province')}
            <select name="province" required value={province} onChange={set('province')}>
              <option value="">—</option>
              <option value="CB">{t('province.CB')}</option>
              <option value="TQ">{t('province.TQ')}</option>
            </select>
          </label>
          <label>{t('plans.create.id')}<input name="planId" pattern="[a-z0-9-]{3,64}" value={form.id} onChange={set('id')} placeholder="plan-2027-01" /></label>
        </div>
        <label>{t('plans.create.legalBases')}<textarea name="legalBases" rows={3} value={form.legalBases} onChange={set('legalBases')} /></label>
        <label>{t('plans.create.goals')}<textarea name="goals" rows={3} value={form.goals} onChange={set('goals')} /></label>
        <fieldset>
          <legend>{t('plans.plan.reportSchedule')}</legend>
          {SCHEDULE.map((s) => (
            <label key={s.kind} className="inline">
              <input type="checkbox" checked={schedule.includes(s.kind)} onChange={(e) => setSchedule(e.target.checked ? [...schedule, s.kind] : schedule.filter((k) => k !== s.kind))} />
              {t(`plans.reports.kinds.${s.kind}`)}
            </label>
          ))}
        </fieldset>
        <TaskRowsEditor tasks={tasks} onChange={setTasks} />
        <ErrorMessage error={error} />
        <button type="submit" disabled={busy} data-testid="create-submit">{t('plans.create.submit')}</button>
      </form>
    </section>
  );
}

export function CreatePlanPage() {
  return (
    <PlansGuard>
      <CreatePlan />
    </PlansGuard>
  );
}
