import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router-dom';
import type { GateSummary } from '../../../../shared/schemas/gates';
import { ErrorMessage } from '../../components/ErrorMessage';
import { gateName } from '../../components/format';
import { useApi } from '../../components/useApi';
import { useSession } from '../../session';
import { capacityUrls, type Gate, type GateCapacity } from './api';
import { BookingsOverviewTable } from './BookingsOverviewTable';
import { CapacityHistory } from './CapacityHistory';
import { DayCapacityEditor } from './DayCapacityEditor';
import { addDays, todayAt } from './dates';
import { HourlyEditor } from './HourlyEditor';
import { NoShowList } from './NoShowList';
import { OverridesList } from './OverridesList';

type Direction = 'export' | 'import';

/** Goods gates the user looks after: the assigned ones, or every goods gate for leaders and administrators. */
function useMyGates() {
  const { me } = useSession();
  const gates = useApi<{ items: GateSummary[] }>('/api/v1/gates?traffic=goods');
  const everywhere = me?.role === 'admin' || me?.role === 'provincial_leader';
  const mine = (gates.data?.items ?? []).filter((g) => g.status !== 'planned' && (everywhere || me?.gateIds.includes(g.id)));
  return { mine, loading: !gates.data, error: gates.error };
}

export function CapacityHome() {
  const { t, i18n } = useTranslation();
  const { me, loading } = useSession();
  const { mine, loading: gatesLoading, error } = useMyGates();
  if (loading || gatesLoading) return error ? <ErrorMessage error={error} /> : <p>{t('common.loading')}</p>;
  if (!me) return <Navigate to="/login" replace />;
  if (mine.length === 1) return <Navigate to={`/capacity/${mine[0].id}`} replace />;
  return (
    <section className="capacity-page" data-testid="capacity-home">
      <h1>{t('capacity.title')}</h1>
      {mine.length === 0 ? <p className="muted">{t('capacity.noGates')}</p> : <p>{t('capacity.chooseGate')}</p>}
      <ul className="plain">
        {mine.map((g) => <li key={g.id}><Link to={`/capacity/${g.id}`}>{gateName(g, i18n.language)}</Link></li>)}
      </ul>
    </section>
  );
}

export function CapacityPage() {
  const { gateId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { me, can } = useSession();
  const { mine } = useMyGates();
  const gate = useApi<Gate>(capacityUrls.gate(gateId));
  const capacity = useApi<GateCapacity>(capacityUrls.capacity(gateId));
  const [direction, setDirection] = useState<Direction>('export');
  const [date, setDate] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  if (gate.error ?? capacity.error) return <ErrorMessage error={gate.error ?? capacity.error} />;
  if (!gate.data || !capacity.data) return <p>{t('common.loading')}</p>;
  const inScope = me?.role === 'admin' || !!me?.gateIds.includes(gateId);
  const canEdit = can('capacity:write') && inScope;
  const canEditDay = can('gates:write') && inScope;
  const shownDate = date ?? addDays(todayAt(gate.data.timeZone), 1);
  const changed = () => {
    void capacity.reload();
    void gate.reload();
    setTick(tick + 1);
  };

  return (
    <section className="capacity-page" data-testid="capacity-page" data-gate={gateId}>
      <h1>{t('capacity.title')} · {gateName(gate.data, i18n.language)}</h1>
      {mine.length > 1 && (
        <label className="row">{t('capacity.gate')}
          <select value={gateId} onChange={(e) => navigate(`/capacity/${e.target.value}`)} data-testid="capacity-gate">
            {mine.map((g) => <option key={g.id} value={g.id}>{gateName(g, i18n.language)}</option>)}
          </select>
        </label>
      )}
      {!canEdit && <p className="muted">{t('capacity.readOnly')}</p>}

      <DayCapacityEditor gate={gate.data} canEdit={canEditDay} onSaved={changed} />

      <div className="switch" role="group" aria-label={t('capacity.directionLabel')}>
        {(['export', 'import'] as const).map((d) => (
          <button key={d} type="button" aria-pressed={direction === d} onClick={() => setDirection(d)} data-testid={`direction-${d}`}>{t(`capacity.direction.${d}`)}</button>
        ))}
      </div>
      <HourlyEditor key={`${direction}:${shownDate}:${capacity.data.version}`} gateId={gateId} capacity={capacity.data} direction={direction}
        date={shownDate} onDate={setDate} canEdit={canEdit} onSaved={changed} />
      <OverridesList capacity={capacity.data} direction={direction} canEdit={canEdit} onView={setDate} onSaved={changed} />

      <BookingsOverviewTable key={`o${tick}`} gateId={gateId} onView={(d, dir) => { setDate(d); setDirection(dir); }} />
      <NoShowList key={`n${tick}`} gateId={gateId} timeZone={gate.data.timeZone} />
      {(can('capacity:write') || can('audit:read')) && <CapacityHistory key={`h${tick}`} gateId={gateId} timeZone={gate.data.timeZone} />}
    </section>
  );
}
