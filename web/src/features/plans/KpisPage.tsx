import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Kpi, Plan } from '../../../../shared/schemas/plans';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatInstant } from '../../components/format';
import { useApi } from '../../components/useApi';
import { recordKpiValue, updateKpi, urls } from './api';
import { PLAN_TIME_ZONE } from './labels';
import { PlanLayout } from './PlanLayout';

/** A value in the KPI's unit ("15%/năm"); a range carries the unit once ("15–17%/năm"). */
function useUnit() {
  const { t, i18n } = useTranslation();
  const fmt = (n: number) => new Intl.NumberFormat(i18n.language).format(n);
  return (kpi: Pick<Kpi, 'unit'>, value: number | null, upTo?: number | null) =>
    value === null ? '—' : t(`plans.kpis.unit.${kpi.unit}`, { value: upTo !== undefined && upTo !== null && upTo !== value ? `${fmt(value)}–${fmt(upTo)}` : fmt(value) });
}

function target(kpi: Kpi, unit: ReturnType<typeof useUnit>): string {
  return kpi.targetMin !== null ? unit(kpi, kpi.targetMin, kpi.targetMax) : unit(kpi, kpi.targetMax);
}

/** The owner records an actual value (never for a computed KPI) and corrects baseline and target. */
function KpiForms({ plan, kpi, onSaved }: { plan: Plan; kpi: Kpi; onSaved: () => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState({ year: String(new Date().getUTCFullYear()), value: '', note: '' });
  const [edit, setEdit] = useState({
    baseline: kpi.baseline?.toString() ?? '',
    baselineYear: kpi.baselineYear?.toString() ?? '',
    targetMin: kpi.targetMin?.toString() ?? '',
    targetMax: kpi.targetMax?.toString() ?? '',
    targetYear: kpi.targetYear?.toString() ?? '',
    reason: '',
  });
  const [error, setError] = useState<unknown>(null);
  const num = (s: string) => (s.trim() === '' ? null : Number(s));

  const save = async (work: () => Promise<unknown>) => {
    try {
      await work();
      setError(null);
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  const record = (e: React.FormEvent) => {
    e.preventDefault();
    void save(async () => {
      await recordKpiValue(plan.id, kpi.code, { year: Number(value.year), value: Number(value.value), note: value.note.trim() || null });
      setValue({ ...value, value: '', note: '' });
    });
  };
  const correct = (e: React.FormEvent) => {
    e.preventDefault();
    const { reason, ...rest } = edit;
    const body = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, num(v)]));
    void save(() => updateKpi(plan.id, kpi.code, { version: kpi.version, reason: reason.trim(), ...body }));
  };
  const input = (name: keyof typeof edit, label: string) => (
    <label>
      {label}
      <input type="number" step="any" name={name} value={edit[name]} onChange={(e) => setEdit({ ...edit, [name]: e.target.value })} />
    </label>
  );

  return (
    <>
      {!kpi.computed && (
        <details>
          <summary>{t('plans.kpis.record')}</summary>
          <form className="grid kpi-record" onSubmit={record} data-testid="kpi-record">
            <label>{t('plans.kpis.year')}<input type="number" name="kpiYear" required min={2000} max={2100} value={value.year} onChange={(e) => setValue({ ...value, year: e.target.value })} /></label>
            <label>{t('plans.kpis.value')}<input type="number" step="any" name="kpiValue" required value={value.value} onChange={(e) => setValue({ ...value, value: e.target.value })} /></label>
            <label>{t('plans.kpis.note')}<input name="kpiNote" maxLength={2000} value={value.note} onChange={(e) => setValue({ ...value, note: e.target.value })} /></label>
            <button type="submit">{t('plans.kpis.record')}</button>
          </form>
        </details>
      )}
      <details>
        <summary>{t('plans.kpis.edit')}</summary>
        <form className="stack" onSubmit={correct}>
          <div className="grid">
            {input('baseline', t('plans.kpis.baseline'))}
            {input('baselineYear', t('plans.kpis.baselineYear'))}
            {input('targetMin', t('plans.kpis.targetMin'))}
            {input('targetMax', t('plans.kpis.targetMax'))}
            {input('targetYear', t('plans.kpis.targetYear'))}
          </div>
          <label>{t('plans.action.reason')}<input name="kpiReason" required minLength={3} value={edit.reason} onChange={(e) => setEdit({ ...edit, reason: e.target.value })} /></label>
          <button type="submit">{t('common.save')}</button>
        </form>
      </details>
      <ErrorMessage error={error} />
    </>
  );
}

function Kpis({ plan }: { plan: Plan }) {
  const { t, i18n } = useTranslation();
  const unit = useUnit();
  const { data, error, reload } = useApi<{ items: Kpi[] }>(urls.kpis(plan.id));
  return (
    <section data-testid="plan-kpis">
      <h2>{t('plans.kpis.title')}</h2>
      <ErrorMessage error={error} />
      {data && data.items.length === 0 && <p className="muted">{t('plans.kpis.none')}</p>}
      <ul className="cards kpi-cards">
        {data?.items.map((kpi) => (
          <li key={kpi.code} className="card" data-testid="kpi" data-kpi={kpi.code}>
            <p lang="vi"><strong>{kpi.textVi}</strong></p>
            <p className="badges">
              {kpi.computed ? <span className="badge computed-badge" data-testid="kpi-computed">{t('plans.kpis.computed')}</span> : <span className="badge">{t('plans.kpis.manual')}</span>}
              <span className={`badge ${kpi.onTrack === true ? 'task-done' : kpi.onTrack === false ? 'late-badge' : ''}`} data-on-track={String(kpi.onTrack)}>
                {t(`plans.kpis.onTrack.${String(kpi.onTrack)}`)}
              </span>
            </p>
            <dl className="facts">
              <dt>{t('plans.kpis.target')}</dt>
              <dd>{target(kpi, unit)}{kpi.targetYear && ` (${kpi.targetYear})`}</dd>
              <dt>{t('plans.kpis.baseline')}</dt>
              <dd>{unit(kpi, kpi.baseline)}{kpi.baselineYear && ` (${kpi.baselineYear})`}</dd>
              <dt>{t('plans.kpis.actual')}</dt>
              <dd>{kpi.actual ? <>{unit(kpi, kpi.actual.value)} ({kpi.actual.year}){kpi.actual.detail && <span className="muted small"> · {kpi.actual.detail}</span>}</> : '—'}</dd>
            </dl>
            {kpi.values.length > 0 && (
              <ol className="plain kpi-values">
                {kpi.values.map((v) => (
                  <li key={`${v.year}-${v.recordedAt}`}>
                    <strong>{v.year}</strong>: {unit(kpi, v.value)}{v.note && ` — ${v.note}`}
                    <span className="muted small"> · {v.recordedBy}, {formatInstant(v.recordedAt, i18n.language, PLAN_TIME_ZONE)}</span>
                  </li>
                ))}
              </ol>
            )}
            {plan.canManage && <KpiForms plan={plan} kpi={kpi} onSaved={() => void reload()} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function PlanKpisPage() {
  return <PlanLayout>{(plan) => <Kpis plan={plan} />}</PlanLayout>;
}
