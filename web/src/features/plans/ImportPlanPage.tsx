import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { ImportPlanRequest } from '../../../../shared/schemas/plans';
import { ApiError, newIdempotencyKey } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useSession } from '../../session';
import { importPlan } from './api';
import { PlansGuard } from './PlansNav';

interface Loaded {
  fileName: string;
  body: ImportPlanRequest;
}

/** A structured plan file (the shape of reference/plans/plan-NNN.json): read, previewed, sent whole. */
function ImportPlan() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useSession();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey());
  if (!can('plans:manage')) return <p className="alert" role="alert">{t('plans.noManage')}</p>;

  async function read(file: File | undefined) {
    setLoaded(null);
    setError(null);
    setReadError(null);
    if (!file) return;
    // A new file is a new import; the same file sent twice after a lost answer is not.
    key.current = newIdempotencyKey();
    try {
      const body = JSON.parse(await file.text()) as ImportPlanRequest;
      if (!body || typeof body !== 'object' || !body.plan || typeof body.plan !== 'object') throw new Error(t('plans.import.noPlan'));
      setLoaded({ fileName: file.name, body });
    } catch (err) {
      setReadError(err instanceof Error ? err.message : String(err));
    }
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!loaded) return;
    setBusy(true);
    try {
      const plan = await importPlan(loaded.body, key.current);
      navigate(`/plans/${plan.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const plan = loaded?.body.plan;
  const problems = error instanceof ApiError ? (error.problem.errors?.length ?? 0) : 0;
  return (
    <section data-testid="import-plan">
      <p><Link to="/plans">← {t('plans.nav.plans')}</Link></p>
      <h1>{t('plans.import.title')}</h1>
      <p className="muted">{t('plans.import.intro')}</p>
      <form className="panel" onSubmit={submit}>
        <label>
          {t('plans.import.file')}
          <input type="file" name="planFile" accept="application/json,.json" onChange={(e) => void read(e.target.files?.[0])} />
        </label>
        {readError && <p className="alert" role="alert" data-testid="import-read-error">{t('plans.import.notJson', { message: readError })}</p>}
        {plan && (
          <dl className="facts" data-testid="import-preview">
            <dt>{t('plans.import.planId')}</dt>
            <dd>{String(plan.id ?? '—')}</dd>
            <dt>{t('plans.plan.title')}</dt>
            <dd lang="vi">{String(plan.titleVi ?? '—')}</dd>
            <dt>{t('plans.plan.number')}</dt>
            <dd>{String(plan.number ?? '—')}</dd>
            <dt>{t('plans.import.contents')}</dt>
            <dd>
              {t('plans.import.counts', {
                tasks: Array.isArray(plan.tasks) ? plan.tasks.length : 0,
                kpis: Array.isArray(plan.kpis) ? plan.kpis.length : 0,
                delegations: Array.isArray(plan.delegations) ? plan.delegations.length : 0,
              })}
            </dd>
          </dl>
        )}
        {problems > 0 && <p data-testid="import-problem-count"><strong>{t('plans.import.problems', { count: problems })}</strong></p>}
        <ErrorMessage error={error} />
        <button type="submit" disabled={!loaded || busy} data-testid="import-submit">{t('plans.import.submit')}</button>
      </form>
    </section>
  );
}

export function ImportPlanPage() {
  return (
    <PlansGuard>
      <ImportPlan />
    </PlansGuard>
  );
}
