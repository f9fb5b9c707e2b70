import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { PlanTask } from '../../../../shared/schemas/plans';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useApi } from '../../components/useApi';
import { useSession } from '../../session';
import { urls } from './api';
import { agencyName, useAgencies } from './labels';
import { PlansGuard } from './PlansNav';
import { readFilters, TASK_FILTER_KEYS, toQuery, type Filters } from './query';
import { TaskFilters, type FilterField } from './TaskFilters';
import { TaskList } from './TaskList';

const PAGE_SIZE = 50;
const SEARCH_FIELDS: FilterField[] = ['q', 'planId', 'agency', 'role', 'status', 'year', 'periodKind', 'dueBefore', 'gate', 'group', 'late'];
const MINE_FIELDS: FilterField[] = ['q', 'role', 'status', 'planId', 'year', 'dueBefore', 'late'];

function TaskSearch({ mine }: { mine: boolean }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const agencies = useAgencies();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params, TASK_FILTER_KEYS);
  const page = Math.max(0, Number(params.get('page') ?? 0) || 0);
  const query = toQuery({ ...filters, mine: mine || undefined, limit: PAGE_SIZE, offset: page * PAGE_SIZE });
  const { data, error, loading } = useApi<{ items: PlanTask[]; total: number }>(urls.searchTasks(query));
  const change = (next: Filters) => setParams(new URLSearchParams(next), { replace: true });
  const goTo = (p: number) => setParams(new URLSearchParams({ ...filters, ...(p > 0 ? { page: String(p) } : {}) }));
  const pages = data ? Math.ceil(data.total / PAGE_SIZE) : 0;

  return (
    <section data-testid={mine ? 'my-tasks' : 'task-search'}>
      <h1>{mine ? t('plans.myTasks.title') : t('plans.search.title')}</h1>
      <p className="muted">
        {mine && me?.agency ? t('plans.myTasks.intro', { agency: agencyName(me.agency, i18n.language, agencies) }) : t('plans.search.intro')}
      </p>
      <TaskFilters filters={filters} onChange={change} fields={mine ? MINE_FIELDS : SEARCH_FIELDS} />
      <ErrorMessage error={error} />
      {loading && !data && <p>{t('common.loading')}</p>}
      {data && (
        <>
          <p className="muted" data-testid="task-count">{t('plans.task.count', { count: data.total })}</p>
          <TaskList tasks={data.items} showPlan />
          {pages > 1 && (
            <p className="row">
              <button type="button" disabled={page === 0} onClick={() => goTo(page - 1)}>{t('plans.paging.previous')}</button>
              <span>{t('plans.paging.page', { page: page + 1, pages })}</span>
              <button type="button" disabled={page + 1 >= pages} onClick={() => goTo(page + 1)}>{t('plans.paging.next')}</button>
            </p>
          )}
        </>
      )}
    </section>
  );
}

export function MyTasksPage() {
  return (
    <PlansGuard>
      <TaskSearch mine />
    </PlansGuard>
  );
}

export function TaskSearchPage() {
  return (
    <PlansGuard>
      <TaskSearch mine={false} />
    </PlansGuard>
  );
}
