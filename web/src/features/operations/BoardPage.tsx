import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useSession } from '../../session';
import { NoticeStrip } from '../notices/NoticeStrip';
import type { BoardEvent, OperationsBoard } from './api';
import { BorderMap } from './BorderMap';
import { gateLabel, localTime, minutesText } from './format';
import { GateBoardView } from './GateBoardView';
import { HourlyChart } from './HourlyChart';
import { LevelBadge } from './LevelBadge';
import { useLiveBoard, type Connection } from './live';

/** The live board: every gate I watch, a province, or one gate in detail; updates without reloading. */
export function BoardPage() {
  const { t, i18n } = useTranslation();
  const { gateId, province } = useParams();
  const { me, can, loading } = useSession();
  const allowed = can('operations:read');
  const scope = allowed ? (gateId ? { gateId } : province ? { province } : {}) : null;
  const { board, error, connection, recent } = useLiveBoard(scope);
  if (loading) return <p>{t('common.loading')}</p>;
  if (!me || !allowed) return <p className="alert" role="alert">{t('operations.signIn')}</p>;
  return (
    <section className="ops-page" data-testid="ops-board">
      <header className="row spread">
        <h1>{gateId && board?.gates[0] ? t('operations.gateTitle', { gate: gateLabel(board.gates[0], i18n.language) }) : province ? t('operations.provinceTitle', { province: t(`province.${province}`, { defaultValue: province }) }) : t('operations.title')}</h1>
        <ConnectionBadge connection={connection} />
      </header>
      <nav className="row crumbs">
        <Link to="/operations">{t('operations.allGates')}</Link>
        {board?.province && <Link to={`/operations/provinces/${board.province}`}>{t(`province.${board.province}`, { defaultValue: board.province })}</Link>}
        <Link to="/congestion">{t('operations.publicPage')}</Link>
      </nav>
      <ErrorMessage error={error} />
      {!board && !error && <p>{t('common.loading')}</p>}
      {board && (
        <>
          <NoticeStrip gateIds={board.gates.map((g) => g.gateId)} />
          {board.kind === 'gate' && board.gates[0] ? (
            <div className="ops-layout">
              <GateBoardView gate={board.gates[0]} canOpenTrips={can('trips:read')} />
              <aside>
                <Activity events={recent} board={board} />
              </aside>
            </div>
          ) : (
            <Overview board={board} recent={recent} />
          )}
          <p className="muted small">{t('operations.updated', { time: localTime(board.generatedAt, 'Asia/Ho_Chi_Minh'), version: board.thresholdsVersion })}</p>
        </>
      )}
    </section>
  );
}

function Overview({ board, recent }: { board: OperationsBoard; recent: BoardEvent[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const mapGates = board.gates
    .filter((g) => g.location)
    .map((g) => ({ id: g.gateId, name: gateLabel(g, lang), lat: g.location!.lat, lon: g.location!.lon, level: g.live.level, waiting: g.live.waiting, link: `/operations/gates/${g.gateId}` }));
  return (
    <div className="ops-layout">
      <div>
        <section className="panel national" data-testid="national">
          <h2>{t('operations.national.title')}</h2>
          <p className="row">
            <span className="kpi-value" data-testid="national-waiting">{board.national.waiting}</span>
            <LevelBadge level={board.national.level} testId="national-level" />
          </p>
          <p className="muted small">{t('operations.national.scale', board.national.thresholds)}</p>
        </section>
        <BorderMap gates={mapGates} focus={board.kind === 'province' ? board.province : null} />
        {board.gates.length === 0 && <p>{t('operations.noGates')}</p>}
        <ul className="cards gate-cards">
          {board.gates.map((g) => (
            <li key={g.gateId} className="card level-card" data-testid="gate-card" data-gate={g.gateId} data-level={g.live.level}>
              <p className="row spread">
                <Link to={`/operations/gates/${g.gateId}`}><strong>{gateLabel(g, lang)}</strong></Link>
                <LevelBadge level={g.live.level} />
              </p>
              <p>{t('operations.waitingCount', { count: g.live.waiting })} · {t('operations.expectedWait')}: {minutesText(t, g.live.expectedWaitMinutes)}</p>
              <p className="muted small">{g.live.openNow ? t('operations.open') : t('operations.closed')} · {t('operations.arrivalsToday', { count: g.hourly.reduce((s, h) => s + h.arrivals, 0) })}</p>
            </li>
          ))}
        </ul>
        <section className="panel">
          <h3>{t('operations.hourly.title')}</h3>
          <HourlyChart hours={board.totals.hourly} testId="hourly-total" />
        </section>
      </div>
      <aside>
        <Activity events={recent} board={board} />
      </aside>
    </div>
  );
}

function Activity({ events, board }: { events: BoardEvent[]; board: OperationsBoard }) {
  const { t, i18n } = useTranslation();
  const name = (id: string) => {
    const g = board.gates.find((x) => x.gateId === id);
    return g ? gateLabel(g, i18n.language) : id;
  };
  return (
    <section className="panel activity" aria-live="polite">
      <h3>{t('operations.activity')}</h3>
      {events.length === 0 && <p className="muted small">{t('operations.noActivity')}</p>}
      <ol className="timeline" data-testid="activity">
        {events.map((e) => (
          <li key={e.id} data-type={e.type}>
            <time>{localTime(e.occurredAt, 'Asia/Ho_Chi_Minh')}</time>
            <span>
              {t(`operations.event.${e.type.replace('.', '_')}`, { defaultValue: e.type })}
              {typeof e.data.plate === 'string' ? ` · ${e.data.plate}` : ''}
              {board.gates.length > 1 ? ` · ${name(e.gateId)}` : ''}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function ConnectionBadge({ connection }: { connection: Connection }) {
  const { t } = useTranslation();
  return (
    <span className={`badge connection-${connection}`} data-testid="connection" data-state={connection}>
      {t(`operations.connection.${connection}`)}
    </span>
  );
}
