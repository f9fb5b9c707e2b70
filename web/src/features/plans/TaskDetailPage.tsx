import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Plan, TaskDetail } from '../../../../shared/schemas/plans';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDate } from '../../components/format';
import { useApi } from '../../components/useApi';
import { urls } from './api';
import { agencyName, periodLabel, useAgencies } from './labels';
import { PlansGuard } from './PlansNav';
import { ProgressForm } from './ProgressForm';
import { TaskActions } from './TaskActions';
import { TaskEditor } from './TaskEditor';
import { TaskHistory } from './TaskHistory';
import { Progress, StatusBadge } from './TaskList';

// On a recurring task these steps apply to one occurrence (the server asks which).
const OCCURRENCE_ONLY = ['start', 'complete', 'reschedule'];

function Facts({ task }: { task: TaskDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const agencies = useAgencies();
  const names = (refs: TaskDetail['coordinatingAgencies']) => refs.map((a) => agencyName(a, lang, agencies)).join('; ');
  const fact = (label: string, value: React.ReactNode, testId?: string) =>
    value ? (
      <>
        <dt>{label}</dt>
        <dd data-testid={testId}>{value}</dd>
      </>
    ) : null;
  return (
    <dl className="facts" data-testid="task-facts">
      {fact(t('plans.task.lead'), <>{agencyName(task.leadAgency, lang, agencies)}{task.leadInferred && <em> ({t('plans.task.inferred')})</em>}</>, 'task-lead')}
      {task.coLeadAgencies.length > 0 && fact(t('plans.task.coLead'), names(task.coLeadAgencies))}
      {fact(t('plans.task.coordinating'), task.coordinatingAgencies.length > 0 ? names(task.coordinatingAgencies) : task.coordinatingTextVi)}
      {fact(t('plans.task.responsible'), task.responsiblePerson ?? <span className="muted">{t('plans.task.notNamed')}</span>)}
      {fact(t('plans.task.period'), <>{periodLabel(task.period, t, lang)}{task.period.inferred && <em> ({t('plans.task.periodInferred')})</em>}</>)}
      {task.deadline && fact(t('plans.task.deadline'), formatDate(task.deadline, lang))}
      {fact(t('plans.task.product'), task.expectedProductVi)}
      {fact(t('plans.task.authority'), task.authorityVi)}
      {task.gateIds.length > 0 &&
        fact(t('plans.task.gates'), task.gateIds.map((g, i) => <span key={g}>{i > 0 && ', '}<Link to={`/gates/${g}`}>{g}</Link></span>))}
      {fact(t('plans.task.group'), t(`plans.group.${task.group}`))}
      {fact(t('plans.task.memberBody'), task.details.memberBodyVi)}
      {task.details.parentRef && fact(t('plans.task.parent'), `${task.details.parentRef} ${task.details.parentTitleVi ?? ''}`)}
      {fact(t('plans.task.completion'), task.details.completionTextVi)}
      {task.myRole && fact(t('plans.task.myRole'), t(`plans.role.${task.myRole}`))}
    </dl>
  );
}

function TaskView({ planId, taskId }: { planId: string; taskId: string }) {
  const { t, i18n } = useTranslation();
  const { data: task, error, reload, setData } = useApi<TaskDetail>(urls.task(planId, taskId));
  const plan = useApi<Plan>(urls.plan(planId)).data;
  if (error) return <ErrorMessage error={error} />;
  if (!task) return <p>{t('common.loading')}</p>;
  const refresh = () => void reload();
  const taskActions = task.recurring ? task.allowedActions.filter((a) => !OCCURRENCE_ONLY.includes(a)) : task.allowedActions;
  const canManage = plan?.canManage ?? false;

  return (
    <article data-testid="task-detail" data-task={task.id} data-status={task.status}>
      <p><Link to={`/plans/${task.planId}`}>← {task.planTitleVi}</Link></p>
      <h1><span className="muted">{task.ref}</span> {task.titleVi}</h1>
      <p className="badges">
        <StatusBadge status={task.status} />
        {task.late && <span className="badge late-badge">{t('plans.task.late')}</span>}
        {task.recurring && <span className="badge">{t('plans.task.recurring')}</span>}
        <Progress percent={task.progressPercent} />
      </p>
      <TaskActions planId={task.planId} taskId={task.id} target={{ version: task.version, allowedActions: taskActions }} onDone={setData} />
      {task.contentVi && task.contentVi !== task.titleVi && <p className="prewrap" lang="vi">{task.contentVi}</p>}
      <Facts task={task} />
      {task.details.notesVi.length > 0 && (
        <ul className="plain" lang="vi">{task.details.notesVi.map((n, i) => <li key={i}>{n}</li>)}</ul>
      )}

      {task.occurrences.length > 0 && (
        <>
          <h2>{t('plans.occurrences.title')}</h2>
          <ul className="task-list" data-testid="occurrences">
            {task.occurrences.map((o) => (
              <li key={o.id} className="task-row" data-occurrence={o.id}>
                <p className="task-meta">
                  <strong>{o.label}</strong>
                  <span>{formatDate(o.periodFrom, i18n.language)} – {formatDate(o.periodTo, i18n.language)}</span>
                  <span>{t('plans.task.deadline')}: {formatDate(o.dueDate, i18n.language)}</span>
                </p>
                <p className="badges"><StatusBadge status={o.status} /><Progress percent={o.progressPercent} /></p>
                <TaskActions planId={task.planId} taskId={task.id} target={{ occurrenceId: o.id, version: o.version, allowedActions: o.allowedActions, label: o.label }} onDone={setData} />
              </li>
            ))}
          </ul>
        </>
      )}

      {task.canUpdate && <ProgressForm task={task} canSetProgress={canManage || task.myRole === 'lead'} onPosted={refresh} />}
      {(canManage || (task.canUpdate && task.myRole === 'lead')) && <TaskEditor task={task} full={canManage} onSaved={refresh} />}
      <TaskHistory task={task} />
    </article>
  );
}

export function TaskDetailPage() {
  const { id = '', taskId = '' } = useParams();
  return (
    <PlansGuard>
      <TaskView planId={id} taskId={taskId} />
    </PlansGuard>
  );
}
