import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GateSummary } from '../../../../shared/schemas/gates';
import { PERIOD_KINDS, PLAN_TASK_GROUPS, type PlanSummary } from '../../../../shared/schemas/plans';
import { TASK_STATUSES } from '../../../../shared/workflows/plan-task';
import { gateName } from '../../components/format';
import { useApi } from '../../components/useApi';
import { urls } from './api';
import { agencyName, useAgencies } from './labels';
import type { Filters } from './query';

export type FilterField = 'planId' | 'agency' | 'role' | 'status' | 'late' | 'year' | 'periodKind' | 'dueBefore' | 'gate' | 'group' | 'province' | 'q';

interface Props {
  filters: Filters;
  onChange: (next: Filters) => void;
  fields: readonly FilterField[];
}

const KEYWORD_DELAY_MS = 300;

/** The keyword box: what is typed stays as typed; the trimmed keyword is sent once typing pauses. */
export function KeywordInput({ value, onCommit }: { value: string; onCommit: (q: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const commit = useRef(onCommit);
  commit.current = onCommit;
  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => commit.current(text.trim()), KEYWORD_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, value]);
  // A keyword changed elsewhere (back button, a link) replaces what the box shows.
  useEffect(() => setText((current) => (current.trim() === value ? current : value)), [value]);
  return (
    <label className="grow">
      {t('plans.filter.keyword')}
      <input type="search" name="q" maxLength={200} value={text} onChange={(e) => setText(e.target.value)} />
    </label>
  );
}

/** Search and filter by plan, agency, status, period, gate and keyword (diacritics optional). */
export function TaskFilters({ filters, onChange, fields }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const agencies = useAgencies();
  const gates = useApi<{ items: GateSummary[] }>(fields.includes('gate') ? urls.gates : null).data?.items ?? [];
  const plans = useApi<{ items: PlanSummary[] }>(fields.includes('planId') ? urls.plans() : null).data?.items ?? [];
  const has = (f: FilterField) => fields.includes(f);
  // The latest filters, so a change made while the keyword is pending is not lost.
  const latest = useRef(filters);
  latest.current = filters;

  const set = (key: string, value: string) => {
    const next = { ...latest.current };
    if (value) next[key] = value;
    else delete next[key];
    onChange(next);
  };
  const select = (key: FilterField, label: string, options: Array<[string, string]>) => (
    <label>
      {label}
      <select name={key} value={filters[key] ?? ''} onChange={(e) => set(key, e.target.value)}>
        <option value="">{t('common.all')}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>{text}</option>
        ))}
      </select>
    </label>
  );

  return (
    <form className="filters" role="search" onSubmit={(e) => e.preventDefault()} data-testid="task-filters">
      {has('q') && (
        <KeywordInput value={filters.q ?? ''} onCommit={(q) => set('q', q)} />
      )}
      {has('planId') && select('planId', t('plans.filter.plan'), plans.map((p) => [p.id, `${p.number ?? p.id} — ${p.titleVi}`]))}
      {has('province') && select('province', t('gates.province'), [['CB', t('province.CB')], ['TQ', t('province.TQ')]])}
      {has('agency') && select('agency', t('plans.filter.agency'), agencies.map((a) => [a.code, agencyName(a, lang, agencies)]))}
      {has('role') && select('role', t('plans.filter.role'), [['lead', t('plans.role.lead')], ['coordinating', t('plans.role.coordinating')]])}
      {has('status') && select('status', t('plans.filter.status'), TASK_STATUSES.map((s) => [s, t(`plans.status.${s}`)]))}
      {has('periodKind') && select('periodKind', t('plans.filter.periodKind'), PERIOD_KINDS.map((k) => [k, t(`plans.periodKind.${k}`)]))}
      {has('group') && select('group', t('plans.filter.group'), PLAN_TASK_GROUPS.map((g) => [g, t(`plans.group.${g}`)]))}
      {has('gate') && select('gate', t('plans.filter.gate'), gates.map((g) => [g.id, gateName(g, lang)]))}
      {has('year') && (
        <label>
          {t('plans.filter.year')}
          <input type="number" name="year" min={2000} max={2100} value={filters.year ?? ''} onChange={(e) => set('year', e.target.value)} />
        </label>
      )}
      {has('dueBefore') && (
        <label>
          {t('plans.filter.dueBefore')}
          <input type="date" name="dueBefore" value={filters.dueBefore ?? ''} onChange={(e) => set('dueBefore', e.target.value)} />
        </label>
      )}
      {has('late') && (
        <label className="inline">
          <input type="checkbox" name="late" checked={filters.late === 'true'} onChange={(e) => set('late', e.target.checked ? 'true' : '')} />
          {t('plans.filter.lateOnly')}
        </label>
      )}
    </form>
  );
}
