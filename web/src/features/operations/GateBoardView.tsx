import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '../../components/format';
import type { GateBoard } from './api';
import { gateLabel, localTime, minutesText, secondsText } from './format';
import { HourlyChart } from './HourlyChart';
import { LevelBadge } from './LevelBadge';

/** One gate on the board: live queue and yards, today's figures, long waits, coming bookings. */
export function GateBoardView({ gate, canOpenTrips }: { gate: GateBoard; canOpenTrips: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const live = gate.live;
  const yardName = (id: string | null) => {
    const y = live.yards.find((x) => x.yardId === id);
    if (!y || !y.nameVi) return id ?? t('operations.unknown');
    return lang === 'en' ? y.nameEn : lang === 'zh' ? (y.nameZh ?? y.nameEn) : y.nameVi;
  };
  const lane = (code: string | null) => (code ? t(`operations.lane.${code}`, { defaultValue: code }) : t('operations.unknown'));
  return (
    <article className="gate-board" data-testid="gate-board" data-gate={gate.gateId} data-level={live.level}>
      <header className="row spread">
        <h2>{gateLabel(gate, lang)}</h2>
        <LevelBadge level={live.level} testId="gate-level" />
      </header>
      <div className="ops-kpis">
        <div className="kpi">
          <span className="kpi-value" data-testid="gate-waiting">{live.waiting}</span>
          <span className="kpi-label">{t('operations.waiting')}</span>
        </div>
        <div className="kpi">
          <span className="kpi-value" data-testid="gate-wait">{minutesText(t, live.expectedWaitMinutes)}</span>
          <span className="kpi-label">{t('operations.expectedWait')}</span>
        </div>
        <div className="kpi">
          <span className="kpi-value">{live.openNow ? t('operations.open') : t('operations.closed')}</span>
          <span className="kpi-label">{live.specialKind ? t(`specialKind.${live.specialKind}`, { defaultValue: live.specialKind }) : t('operations.now')}</span>
        </div>
      </div>
      <p className="muted small">{t(`operations.reason.${live.reason}`)}{live.levelSince ? ` · ${t('operations.since', { time: localTime(live.levelSince, gate.timeZone) })}` : ''}</p>

      <section className="panel">
        <h3>{t('operations.directions')}</h3>
        <div className="table-wrap">
          <table className="table" data-testid="direction-table">
            <thead>
              <tr>
                <th>{t('operations.direction')}</th>
                <th>{t('operations.queued')}</th>
                <th>{t('operations.called')}</th>
                <th>{t('operations.capacityDayHour')}</th>
                <th>{t('operations.throughput')}</th>
                <th>{t('operations.expectedWait')}</th>
                <th>{t('operations.levelHeading')}</th>
              </tr>
            </thead>
            <tbody>
              {(['export', 'import'] as const).map((d) => {
                const s = live.directions[d];
                return (
                  <tr key={d} data-direction={d}>
                    <th>{t(`operations.direction_${d}`)}</th>
                    <td data-testid={`queued-${d}`}>{s.queued}</td>
                    <td>{s.called}</td>
                    <td>{s.perDay} / {s.perHour}</td>
                    <td>{s.throughputPerHour === null ? t('operations.unknown') : t(`operations.throughputValue_${s.throughputSource}`, { n: s.throughputPerHour })}</td>
                    <td>{minutesText(t, s.expectedWaitMinutes)}</td>
                    <td><LevelBadge level={s.level} /></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {live.lanes.length > 0 && (
          <ul className="lanes" data-testid="lanes">
            {live.lanes.map((l) => (
              <li key={`${l.direction}-${l.lane}`} className="badge">
                {t(`operations.direction_${l.direction}`)} · {lane(l.lane)}: {t('operations.laneCounts', { queued: l.queued, called: l.called })}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="panel">
        <h3>{t('operations.yards')}</h3>
        <ul className="yard-bars">
          {live.yards.map((y) => {
            const pct = y.capacity ? Math.min(100, Math.round((y.occupied / y.capacity) * 100)) : null;
            return (
              <li key={y.yardId ?? 'none'} data-testid="yard" data-yard={y.yardId ?? ''} data-occupied={y.occupied}>
                <span className="yard-name">{yardName(y.yardId)}</span>
                <span className="bar" aria-hidden="true"><span style={{ width: `${pct ?? 0}%` }} className={pct !== null && pct >= 90 ? 'full' : ''} /></span>
                <span className="yard-count">{y.capacity ? t('operations.occupancy', { occupied: y.occupied, capacity: y.capacity }) : y.occupied}</span>
              </li>
            );
          })}
        </ul>
      </section>

      <section className="panel">
        <h3>{t('operations.hourly.title')}</h3>
        <HourlyChart hours={gate.hourly} testId={`hourly-${gate.gateId}`} />
      </section>

      <section className="panel">
        <h3>{t('operations.measured')}</h3>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr><th>{t('operations.measure')}</th><th>{t('operations.count')}</th><th>{t('operations.median')}</th><th>{t('operations.p90')}</th></tr>
            </thead>
            <tbody>
              {(['export', 'import'] as const).map((d) => (
                <tr key={d}>
                  <th>{t('operations.waitToCall', { direction: t(`operations.direction_${d}`) })}</th>
                  <td>{gate.waitsToCall[d].count}</td>
                  <td>{secondsText(t, gate.waitsToCall[d].medianSeconds)}</td>
                  <td>{secondsText(t, gate.waitsToCall[d].p90Seconds)}</td>
                </tr>
              ))}
              {gate.clearanceByAgency.map((a) => (
                <tr key={a.agency} data-agency={a.agency}>
                  <th>{t('operations.clearanceOf', { agency: t(`operations.agency.${a.agency}`, { defaultValue: a.agency }) })}{a.autoPassed > 0 ? ` (${t('operations.autoPassed', { count: a.autoPassed })})` : ''}</th>
                  <td>{a.count}</td>
                  <td>{secondsText(t, a.medianSeconds)}</td>
                  <td>{secondsText(t, a.p90Seconds)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="panel">
        <h3>{t('operations.longWaiting', { minutes: gate.longWaiting.thresholdMinutes })} <span className="badge">{gate.longWaiting.total}</span></h3>
        {gate.longWaiting.items.length === 0 ? (
          <p className="muted">{t('operations.noLongWaits')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="long-waiting">
              <thead>
                <tr><th>{t('operations.truck')}</th><th>{t('operations.direction')}</th><th>{t('operations.yardLane')}</th><th>{t('operations.arrived')}</th><th>{t('operations.waited')}</th><th>{t('operations.clearance')}</th></tr>
              </thead>
              <tbody>
                {gate.longWaiting.items.map((w) => (
                  <tr key={w.tripId}>
                    <td>
                      <span className="plate">{w.plate ?? '—'}</span>
                      <br />
                      {canOpenTrips ? <Link to={`/trips/${w.tripId}`} className="reference small">{w.reference}</Link> : <span className="reference small">{w.reference}</span>}
                    </td>
                    <td>{t(`operations.direction_${w.direction}`)}</td>
                    <td>{yardName(w.yardId)} · {lane(w.lane)}</td>
                    <td>{localTime(w.arrivedAt, gate.timeZone)}</td>
                    <td>{minutesText(t, w.waitedMinutes)}</td>
                    <td>{t(`operations.clearanceStatus.${w.clearanceStatus}`, { defaultValue: w.clearanceStatus })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="panel">
        <h3>{t('operations.bookings')}</h3>
        <div className="table-wrap">
          <table className="table" data-testid="bookings">
            <thead>
              <tr><th>{t('operations.date')}</th><th>{t('operations.direction_export')}</th><th>{t('operations.direction_import')}</th></tr>
            </thead>
            <tbody>
              {[...new Set(gate.bookings.map((b) => b.date))].map((date) => (
                <tr key={date}>
                  <th>{formatDate(date, lang)}</th>
                  {(['export', 'import'] as const).map((d) => {
                    const b = gate.bookings.find((x) => x.date === date && x.direction === d);
                    const full = b && b.capacity > 0 && b.booked >= b.capacity;
                    return <td key={d} className={full ? 'full' : ''}>{b ? t('operations.booked', { booked: b.booked, capacity: b.capacity }) : '—'}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </article>
  );
}
