import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { CHANNELS, CLEARANCE_AGENCIES, agencyOfRole, type Channel } from '../../../../shared/schemas/clearance';
import type { GateSummary } from '../../../../shared/schemas/gates';
import { gateName } from '../../components/format';
import { useApi } from '../../components/useApi';
import { useSession } from '../../session';
import { goodsGates } from '../trips/TripRouteFields';
import { clearanceUrls, type Paged, type WorklistItem } from './api';
import { ChannelBadge } from './Badges';
import { ClearanceGuard } from './ClearanceNav';
import { ClearanceProblem } from './ClearanceProblem';
import { timeOnly } from './text';
import { WorklistTable } from './WorklistTable';
import { channelCountQuery, readFilters, WAIT_CHOICES, withFilter, WORKLIST_PAGE, WORKLIST_STATUSES, worklistQuery, writeFilters, type WorklistFilters } from './worklistFilters';

/** Decisions arrive from other officers and the green lane: the list looks again this often. */
const REFRESH_MS = 30_000;
/** Every gate of the platform is on the Vietnamese side; times are shown in its zone. */
const GATE_ZONE = 'Asia/Ho_Chi_Minh';

function Worklist() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const setFilters = (next: WorklistFilters) => setParams(writeFilters(next), { replace: true });
  const set = (patch: Partial<WorklistFilters>) => setFilters(withFilter(filters, patch));
  const [q, setQ] = useState(filters.q);
  useEffect(() => setQ(filters.q), [filters.q]);

  const list = useApi<Paged<WorklistItem>>(clearanceUrls.worklist(worklistQuery(filters)));
  const green = useApi<Paged<WorklistItem>>(clearanceUrls.worklist(channelCountQuery(filters, 'green')));
  const yellow = useApi<Paged<WorklistItem>>(clearanceUrls.worklist(channelCountQuery(filters, 'yellow')));
  const red = useApi<Paged<WorklistItem>>(clearanceUrls.worklist(channelCountQuery(filters, 'red')));
  const gates = useApi<{ items: GateSummary[] }>('/api/v1/gates');
  const [updatedAt, setUpdatedAt] = useState(() => new Date());
  const counts: Record<Channel, number | undefined> = { green: green.data?.total, yellow: yellow.data?.total, red: red.data?.total };

  const { reload } = list;
  const refresh = useCallback(async () => {
    await Promise.all([reload(), green.reload(), yellow.reload(), red.reload()]);
    setUpdatedAt(new Date());
  }, [reload, green.reload, yellow.reload, red.reload]);
  useEffect(() => {
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [refresh]);

  const myAgency = me ? agencyOfRole(me.role) : null;
  const myGates = goodsGates(gates.data?.items ?? []).filter((g) => !me?.gateIds.length || me.gateIds.includes(g.id));
  const lang = i18n.language;
  const data = list.data;

  return (
    <section data-testid="clearance-worklist">
      <h1>{t('clearance.worklist.title')}</h1>
      <p className="muted">
        {myAgency ? t('clearance.worklist.introAgency', { agency: t(`clearance.agency.${myAgency}`) }) : t('clearance.worklist.introAll')}
      </p>

      <div className="channel-counts" role="group" aria-label={t('clearance.worklist.byChannel')}>
        {CHANNELS.map((c) => (
          <button key={c} type="button" className={`count-card channel-${c}${filters.channel === c ? ' selected' : ''}`} aria-pressed={filters.channel === c}
            data-testid={`count-${c}`} data-count={counts[c] ?? ''} onClick={() => set({ channel: filters.channel === c ? '' : c })}>
            <ChannelBadge channel={c} />
            <strong>{counts[c] ?? '…'}</strong>
          </button>
        ))}
      </div>

      <form className="filters" role="search" onSubmit={(e) => { e.preventDefault(); set({ q }); }}>
        <label>{t('clearance.filter.status')}
          <select name="status" value={filters.status} onChange={(e) => set({ status: e.target.value as WorklistFilters['status'] })}>
            {WORKLIST_STATUSES.map((s) => <option key={s} value={s}>{t(`clearance.filter.statuses.${s}`)}</option>)}
          </select>
        </label>
        <label>{t('clearance.filter.channel')}
          <select name="channel" value={filters.channel} onChange={(e) => set({ channel: e.target.value as WorklistFilters['channel'] })}>
            <option value="">{t('common.all')}</option>
            {CHANNELS.map((c) => <option key={c} value={c}>{t(`clearance.channel.${c}`)}</option>)}
          </select>
        </label>
        <label>{t('clearance.filter.perishable')}
          <select name="perishable" value={filters.perishable} onChange={(e) => set({ perishable: e.target.value as WorklistFilters['perishable'] })}>
            <option value="">{t('common.all')}</option>
            <option value="true">{t('clearance.filter.perishableOnly')}</option>
            <option value="false">{t('clearance.filter.notPerishable')}</option>
          </select>
        </label>
        <label>{t('clearance.filter.wait')}
          <select name="minWait" value={filters.minWait} onChange={(e) => set({ minWait: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {WAIT_CHOICES.map((m) => <option key={m} value={String(m)}>{t('clearance.filter.waitAtLeast', { n: m })}</option>)}
          </select>
        </label>
        <label className="grow">{t('clearance.filter.q')}
          <input type="search" name="q" maxLength={40} value={q} onChange={(e) => setQ(e.target.value)} onBlur={() => q !== filters.q && set({ q })} />
        </label>
        <details className="more-filters" open={!!(filters.gateId || filters.agency || filters.plannedDate) || undefined}>
          <summary>{t('clearance.filter.more')}</summary>
          <div className="filters">
            <label>{t('clearance.filter.gate')}
              <select name="gateId" value={filters.gateId} onChange={(e) => set({ gateId: e.target.value })}>
                <option value="">{t('clearance.filter.myGates')}</option>
                {myGates.map((g) => <option key={g.id} value={g.id}>{gateName(g, lang)}</option>)}
              </select>
            </label>
            <label>{t('clearance.filter.agency')}
              <select name="agency" value={filters.agency} onChange={(e) => set({ agency: e.target.value })}>
                <option value="">{myAgency ? t('clearance.filter.myAgency') : t('clearance.filter.allAgencies')}</option>
                {CLEARANCE_AGENCIES.map((a) => <option key={a} value={a}>{t(`clearance.agency.${a}`)}</option>)}
              </select>
            </label>
            <label>{t('clearance.filter.plannedDate')}
              <input type="date" name="plannedDate" value={filters.plannedDate} onChange={(e) => set({ plannedDate: e.target.value })} />
            </label>
          </div>
        </details>
      </form>

      <p className="row spread muted">
        <span data-testid="worklist-total">{data ? t('clearance.worklist.total', { n: data.total }) : ''}</span>
        <span>
          {t('clearance.worklist.updated', { at: timeOnly(updatedAt.toISOString(), lang, GATE_ZONE) })}{' '}
          <button type="button" className="link" onClick={() => void refresh()} data-testid="worklist-refresh">{t('clearance.worklist.refresh')}</button>
        </span>
      </p>
      <ClearanceProblem error={list.error} />
      {list.loading && !data && <p>{t('common.loading')}</p>}
      {data && data.items.length === 0 && <p data-testid="worklist-empty">{t('clearance.worklist.empty')}</p>}
      {data && data.items.length > 0 && <WorklistTable items={data.items} showAgency={!myAgency || filters.agency !== ''} />}
      {data && (
        <p className="row">
          {filters.offset > 0 && <button type="button" className="secondary" onClick={() => setFilters({ ...filters, offset: Math.max(0, filters.offset - WORKLIST_PAGE) })}>{t('clearance.worklist.previous')}</button>}
          {filters.offset + WORKLIST_PAGE < data.total && <button type="button" className="secondary" onClick={() => setFilters({ ...filters, offset: filters.offset + WORKLIST_PAGE })}>{t('clearance.worklist.next')}</button>}
        </p>
      )}
    </section>
  );
}

export function WorklistPage() {
  return (
    <ClearanceGuard>
      <Worklist />
    </ClearanceGuard>
  );
}
