import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { LateAgency, Plan, PlanTask } from '../../../../shared/schemas/plans';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useApi } from '../../components/useApi';
import { urls } from './api';
import { PlanLayout } from './PlanLayout';
import { readFilters, TASK_FILTER_KEYS, toQuery, type Filters } from './query';
import { AddTaskForm } from './PlanEditors';
import { LateSummary, ReminderPanel } from './ReminderPanel';
import { TaskFilters } from './TaskFilters';
import { TaskList } from './TaskList';

// The API returns at most this many tasks at once; the largest seed plan has about a hundred.
const MAX_TASKS = 500;

function PlanTasks({ plan, reloadPlan }: { plan: Plan; reloadPlan: () => void }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params, TASK_FILTER_KEYS.filter((k) => k !== 'planId'));
  const tasks = useApi<{ items: PlanTask[]; total: number }>(urls.planTasks(plan.id, toQuery({ ...filters, limit: MAX_TASKS })));
  const late = useApi<{ items: LateAgency[] }>(urls.late(plan.id));
  const lateCount = new Set(late.data?.items.flatMap((g) => g.tasks.map((task) => task.id)) ?? []).size;
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const change = (next: Filters) => setParams(new URLSearchParams(next), { replace: true });
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  const onSent = () => {
    setSelected(new Set());
    void tasks.reload();
    void late.reload();
    reloadPlan();
  };

  return (
    <section data-testid="plan-tasks">
      {late.data && <LateSummary planId={plan.id} groups={late.data.items} />}
      {plan.canManage && late.data && <ReminderPanel plan={plan} selected={selected} lateCount={lateCount} onSent={onSent} />}
      <h2>{t('plans.tabs.tasks')}</h2>
      <p><a href={urls.tasksXlsx(plan.id)} download data-testid="tasks-xlsx">{t('plans.reports.downloadXlsx')}</a></p>
      <TaskFilters filters={filters} onChange={change} fields={['q', 'agency', 'role', 'status', 'group', 'periodKind', 'gate', 'year', 'late']} />
      <ErrorMessage error={tasks.error ?? late.error} />
      {tasks.loading && !tasks.data && <p>{t('common.loading')}</p>}
      {tasks.data && (
        <>
          <p className="muted" data-testid="task-count">
            {tasks.data.items.length < tasks.data.total
              ? t('plans.task.countPartial', { shown: tasks.data.items.length, count: tasks.data.total })
              : t('plans.task.count', { count: tasks.data.total })}
          </p>
          <TaskList tasks={tasks.data.items} selected={plan.canManage ? selected : undefined} onToggle={toggle} />
        </>
      )}
      {plan.canManage && <AddTaskForm plan={plan} nextRef={plan.counts.total + 1} onAdded={onSent} />}
    </section>
  );
}

export function PlanDetailPage() {
  return <PlanLayout>{(plan, reloadPlan) => <PlanTasks plan={plan} reloadPlan={reloadPlan} />}</PlanLayout>;
}
