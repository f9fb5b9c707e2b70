import { useTranslation } from 'react-i18next';
import { PERIOD_KINDS, PLAN_TASK_GROUPS, type TaskInput } from '../../../../shared/schemas/plans';
import { agencyName, useAgencies } from './labels';

export interface TaskDraft {
  ref: string;
  group: (typeof PLAN_TASK_GROUPS)[number];
  titleVi: string;
  leadAgency: string;
  coordinatingAgencies: string[];
  responsiblePerson: string;
  periodKind: (typeof PERIOD_KINDS)[number];
  date: string;
  fromYear: string;
  toYear: string;
  expectedProductVi: string;
}

export const emptyTask = (n: number, leadAgency: string): TaskDraft => ({
  ref: String(n),
  group: 'specific',
  titleVi: '',
  leadAgency,
  coordinatingAgencies: [],
  responsiblePerson: '',
  periodKind: 'year',
  date: '',
  fromYear: String(new Date().getUTCFullYear()),
  toYear: String(new Date().getUTCFullYear()),
  expectedProductVi: '',
});

/**
 * A task row as the plan file expects it. The period's words ("Năm 2026", "Thường xuyên") are
 * data in Vietnamese whatever the screen language, so they come from the Vietnamese messages.
 */
export function toTaskInput(d: TaskDraft, vi: (key: string, options?: Record<string, unknown>) => string): TaskInput {
  const period: TaskInput['period'] =
    d.periodKind === 'date'
      ? { kind: 'date', date: d.date, textVi: vi('plans.create.periodText.date', { date: d.date.split('-').reverse().join('/') }) }
      : d.periodKind === 'year'
        ? { kind: 'year', year: Number(d.fromYear), textVi: vi('plans.create.periodText.year', { year: d.fromYear }) }
        : d.periodKind === 'range'
          ? { kind: 'range', from: `${d.fromYear}-01-01`, to: `${d.toYear}-12-31`, textVi: vi('plans.create.periodText.range', { from: d.fromYear, to: d.toYear }) }
          : { kind: d.periodKind, textVi: vi(`plans.create.periodText.${d.periodKind}`) };
  return {
    ref: d.ref.trim(),
    group: d.group,
    titleVi: d.titleVi.trim(),
    leadAgency: d.leadAgency,
    coordinatingAgencies: d.coordinatingAgencies,
    ...(d.responsiblePerson.trim() ? { responsiblePerson: d.responsiblePerson.trim() } : {}),
    period,
    ...(d.expectedProductVi.trim() ? { expectedProductVi: d.expectedProductVi.trim() } : {}),
  };
}

/** The fields of one task: number, group, lead and coordinating agencies, period, product. */
export function TaskDraftFields({ task, onChange }: { task: TaskDraft; onChange: (patch: Partial<TaskDraft>) => void }) {
  const { t, i18n } = useTranslation();
  const agencies = useAgencies();
  const agencyOptions = agencies.map((a) => <option key={a.code} value={a.code}>{agencyName(a, i18n.language, agencies)}</option>);
  return (
    <>
      <div className="grid">
        <label>{t('plans.create.ref')}<input name="taskRef" required pattern="[A-Za-z0-9.]{1,20}" value={task.ref} onChange={(e) => onChange({ ref: e.target.value })} /></label>
        <label>{t('plans.task.group')}
          <select name="taskGroup" value={task.group} onChange={(e) => onChange({ group: e.target.value as TaskDraft['group'] })}>
            {PLAN_TASK_GROUPS.map((g) => <option key={g} value={g}>{t(`plans.group.${g}`)}</option>)}
          </select>
        </label>
        <label>{t('plans.task.lead')}
          <select name="taskLead" required value={task.leadAgency} onChange={(e) => onChange({ leadAgency: e.target.value })}>
            <option value="">—</option>
            {agencyOptions}
          </select>
        </label>
        <label>{t('plans.filter.periodKind')}
          <select name="taskPeriodKind" value={task.periodKind} onChange={(e) => onChange({ periodKind: e.target.value as TaskDraft['periodKind'] })}>
            {PERIOD_KINDS.map((k) => <option key={k} value={k}>{t(`plans.periodKind.${k}`)}</option>)}
          </select>
        </label>
        {task.periodKind === 'date' && <label>{t('plans.task.deadline')}<input type="date" name="taskDate" required value={task.date} onChange={(e) => onChange({ date: e.target.value })} /></label>}
        {(task.periodKind === 'year' || task.periodKind === 'range') && (
          <label>{task.periodKind === 'year' ? t('plans.filter.year') : t('plans.create.fromYear')}
            <input type="number" name="taskFromYear" required min={2000} max={2100} value={task.fromYear} onChange={(e) => onChange({ fromYear: e.target.value })} />
          </label>
        )}
        {task.periodKind === 'range' && (
          <label>{t('plans.create.toYear')}<input type="number" name="taskToYear" required min={2000} max={2100} value={task.toYear} onChange={(e) => onChange({ toYear: e.target.value })} /></label>
        )}
        <label>{t('plans.task.responsible')}<input name="taskResponsible" maxLength={200} value={task.responsiblePerson} onChange={(e) => onChange({ responsiblePerson: e.target.value })} /></label>
      </div>
      <label>{t('plans.create.taskTitle')}<textarea name="taskTitle" required rows={2} maxLength={2000} value={task.titleVi} onChange={(e) => onChange({ titleVi: e.target.value })} /></label>
      <label>{t('plans.task.product')}<input name="taskProduct" maxLength={2000} value={task.expectedProductVi} onChange={(e) => onChange({ expectedProductVi: e.target.value })} /></label>
      <label>{t('plans.task.coordinating')}
        <select multiple size={4} name="taskCoordinating" value={task.coordinatingAgencies} onChange={(e) => onChange({ coordinatingAgencies: [...e.target.selectedOptions].map((o) => o.value) })}>
          {agencyOptions}
        </select>
      </label>
    </>
  );
}

export function TaskRowsEditor({ tasks, onChange }: { tasks: TaskDraft[]; onChange: (tasks: TaskDraft[]) => void }) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<TaskDraft>) => onChange(tasks.map((task, j) => (j === i ? { ...task, ...patch } : task)));
  return (
    <fieldset data-testid="task-rows">
      <legend>{t('plans.create.tasks')}</legend>
      {tasks.map((task, i) => (
        <div key={i} className="panel task-draft" data-testid="task-draft">
          <TaskDraftFields task={task} onChange={(patch) => set(i, patch)} />
          <button type="button" className="link" onClick={() => onChange(tasks.filter((_, j) => j !== i))}>{t('plans.create.removeTask')}</button>
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => onChange([...tasks, emptyTask(tasks.length + 1, tasks[tasks.length - 1]?.leadAgency ?? '')])} data-testid="add-task">
        {t('plans.create.addTask')}
      </button>
    </fieldset>
  );
}
