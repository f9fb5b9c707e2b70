import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { GATE_CLASSES, GATE_STATUSES, PROVINCES, type GateSummary } from '../../../shared/schemas/gates';
import { ErrorMessage } from '../components/ErrorMessage';
import { counterpartName, gateName, intervalsText } from '../components/format';
import { useApi } from '../components/useApi';

export function GatesPage() {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState({ province: '', status: '', class: '', q: '' });
  const url = useMemo(() => {
    const params = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== ''));
    return `/api/v1/gates${params.size ? `?${params}` : ''}`;
  }, [filters]);
  const { data, error, loading } = useApi<{ items: GateSummary[] }>(url);
  const set = (key: keyof typeof filters) => (e: { target: { value: string } }) => setFilters({ ...filters, [key]: e.target.value });

  return (
    <section>
      <h1>{t('gates.title')}</h1>
      <p className="muted">{t('gates.intro')}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()} role="search">
        <label>
          {t('gates.province')}
          <select value={filters.province} onChange={set('province')} name="province">
            <option value="">{t('common.all')}</option>
            {PROVINCES.map((p) => (
              <option key={p} value={p}>{t(`province.${p}`)}</option>
            ))}
          </select>
        </label>
        <label>
          {t('gates.status')}
          <select value={filters.status} onChange={set('status')} name="status">
            <option value="">{t('common.all')}</option>
            {GATE_STATUSES.map((s) => (
              <option key={s} value={s}>{t(`status.${s}`)}</option>
            ))}
          </select>
        </label>
        <label>
          {t('gates.class')}
          <select value={filters.class} onChange={set('class')} name="class">
            <option value="">{t('common.all')}</option>
            {GATE_CLASSES.map((c) => (
              <option key={c} value={c}>{t(`class.${c}`)}</option>
            ))}
          </select>
        </label>
        <label className="grow">
          {t('gates.search')}
          <input type="search" value={filters.q} onChange={set('q')} name="q" maxLength={100} />
        </label>
      </form>
      <ErrorMessage error={error} />
      {loading && !data && <p>{t('common.loading')}</p>}
      {data && (
        <>
          <p className="muted" data-testid="gate-count">{t('gates.count', { count: data.items.length })}</p>
          {data.items.length === 0 && <p>{t('gates.empty')}</p>}
          <ul className="cards">
            {data.items.map((g) => (
              <li key={g.id} className={`card ${g.parentId ? 'child' : ''}`} data-testid="gate-card" data-gate={g.id}>
                <h2>
                  <Link to={`/gates/${g.id}`}>{gateName(g, i18n.language)}</Link>
                </h2>
                <p>
                  ↔ {counterpartName(g.counterpart, i18n.language)}
                  {g.counterpart.nameZh && i18n.language !== 'zh' && <span lang="zh"> ({g.counterpart.nameZh})</span>}
                </p>
                <p className="badges">
                  <span className="badge">{t(`province.${g.province}`)}</span>
                  <span className="badge">{t(`class.${g.class}`)}</span>
                  <span className={`badge status-${g.status}`}>{t(`status.${g.status}`)}</span>
                  {g.targetYear && <span className="badge">→ {g.plannedClass ? t(`class.${g.plannedClass}`) : ''} {g.targetYear}</span>}
                </p>
                <p className="muted">
                  {t('gates.today')}: {g.today.open ? intervalsText(g.today.intervals) : t('gates.closedToday')}
                  {g.today.special && ` · ${t(`specialKind.${g.today.special.kind}`)}`}
                </p>
                {(g.capacity.exportPerDay > 0 || g.capacity.importPerDay > 0) && (
                  <p className="muted">{t('gates.capacityShort', { export: g.capacity.exportPerDay, import: g.capacity.importPerDay })}</p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
