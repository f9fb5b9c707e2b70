import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PlanTask } from '../../../../shared/schemas/plans';
import { formatDate, formatInstant } from '../../components/format';
import { agencyName, periodLabel, PLAN_TIME_ZONE, useAgencies } from './labels';

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge task-${status}`} data-status={status}>{t(`plans.status.${status}`)}</span>;
}

export function Progress({ percent }: { percent: number }) {
  const { t } = useTranslation();
  return (
    <span className="progress" title={t('plans.task.progress')}>
      <span className="progress-bar" style={{ width: `${Math.max(0, Math.min(100, percent))}%` }} />
      <span className="progress-text">{percent}%</span>
    </span>
  );
}

export const taskPath = (task: Pick<PlanTask, 'planId' | 'id'>) => `/plans/${task.planId}/tasks/${task.id}`;

interface Props {
  tasks: readonly PlanTask[];
  showPlan?: boolean;
  /** When given, each task gets a checkbox (the owner picks tasks to remind). */
  selected?: ReadonlySet<string>;
  onToggle?: (id: string) => void;
}

/** Tasks as a list of rows that wrap on a phone (no table to scroll sideways). */
export function TaskList({ tasks, showPlan, selected, onToggle }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const agencies = useAgencies();
  if (tasks.length === 0) return <p className="muted" data-testid="no-tasks">{t('plans.task.none')}</p>;
  return (
    <ul className="task-list" data-testid="task-list">
      {tasks.map((task) => (
        <li key={task.id} className={`task-row${task.late ? ' late' : ''}`} data-testid="task-row" data-task={task.id} data-ref={task.ref} data-late={task.late}>
          <div className="task-main">
            {selected && onToggle && (
              <label className="inline">
                <input type="checkbox" checked={selected.has(task.id)} onChange={() => onToggle(task.id)} name="remindTask" />
                <span className="sr-only">{t('plans.remind.pick', { ref: task.ref })}</span>
              </label>
            )}
            <Link to={taskPath(task)} className="task-title">
              <strong>{task.ref}</strong> {task.titleVi}
            </Link>
          </div>
          {showPlan && <p className="muted small">{task.planTitleVi}</p>}
          <p className="task-meta">
            <span>{t('plans.task.lead')}: {agencyName(task.leadAgency, lang, agencies)}</span>
            <span>{t('plans.task.period')}: {periodLabel(task.period, t, lang)}</span>
            {task.deadline && <span>{t('plans.task.deadline')}: {formatDate(task.deadline, lang)}</span>}
          </p>
          <p className="badges">
            <StatusBadge status={task.status} />
            {task.late && <span className="badge late-badge">{t('plans.task.late')}</span>}
            {task.myRole && <span className="badge">{t(`plans.role.${task.myRole}`)}</span>}
            {task.recurring && <span className="badge">{t('plans.task.recurring')}</span>}
            <Progress percent={task.progressPercent} />
          </p>
          {task.lastUpdate && (
            <p className="muted small">
              {t('plans.task.lastUpdate')}: {formatInstant(task.lastUpdate.at, lang, PLAN_TIME_ZONE)} · {task.lastUpdate.by}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
