import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Gate, GateVersion } from '../../../shared/schemas/gates';
import { ErrorMessage } from '../components/ErrorMessage';
import { counterpartName, formatDate, formatInstant, gateName, intervalsText } from '../components/format';
import { useApi } from '../components/useApi';
import { useSession } from '../session';
import { GateCalendarEditor } from './GateCalendarEditor';
import { GateEditor } from './GateEditor';

export function GateDetailPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { me, can } = useSession();
  const { data: gate, error, setData } = useApi<Gate>(`/api/v1/gates/${encodeURIComponent(id ?? '')}`);
  const canEdit = !!gate && can('gates:write') && (me?.role === 'admin' || me?.gateIds.includes(gate.id));
  const canSeeHistory = can('gates:write') || can('audit:read');
  const history = useApi<{ items: GateVersion[] }>(gate && canSeeHistory ? `/api/v1/gates/${gate.id}/versions` : null);

  if (error) return <ErrorMessage error={error} />;
  if (!gate) return <p>{t('common.loading')}</p>;
  const onSaved = (g: Gate) => {
    setData(g);
    void history.reload();
  };

  return (
    <article className="gate" data-testid="gate-detail">
      <p><Link to="/gates">← {t('nav.gates')}</Link></p>
      <h1>{gateName(gate, lang)}</h1>
      <p className="muted">{[gate.nameVi, gate.nameEn, gate.nameZh].filter((n) => n && n !== gateName(gate, lang)).join(' · ')}</p>
      <dl className="facts">
        <dt>{t('gate.counterpart')}</dt>
        <dd>
          {counterpartName(gate.counterpart, lang)} {gate.counterpart.nameZh && <span lang="zh">{gate.counterpart.nameZh}</span>}
          {gate.counterpart.place && ` — ${gate.counterpart.place}`}
          {!gate.counterpart.nameZhVerified && <em> ({t('gate.unverified')})</em>}
        </dd>
        <dt>{t('gate.class')}</dt>
        <dd>{t(`class.${gate.class}`)}</dd>
        <dt>{t('gate.status')}</dt>
        <dd><span className={`badge status-${gate.status}`}>{t(`status.${gate.status}`)}</span></dd>
        {gate.plannedClass && (
          <>
            <dt>{t('gate.plannedClass')}</dt>
            <dd>{t(`class.${gate.plannedClass}`)}{gate.targetYear ? ` (${gate.targetYear})` : ''}</dd>
          </>
        )}
        <dt>{t('gate.traffic')}</dt>
        <dd>{gate.traffic.map((k) => t(`traffic.${k}`)).join(', ') || t('common.none')}</dd>
        <dt>{t('gate.capacity')}</dt>
        <dd>{t('gate.exportPerDay')}: {gate.capacity.exportPerDay} · {t('gate.importPerDay')}: {gate.capacity.importPerDay}</dd>
        <dt>{t('gate.timeZones')}</dt>
        <dd>{t('gate.vnSide')}: {gate.timeZone} · {t('gate.cnSide')}: {gate.counterpartTimeZone}</dd>
        {gate.location && (
          <>
            <dt>{t('gate.location')}</dt>
            <dd>{gate.location.lat.toFixed(4)}, {gate.location.lon.toFixed(4)}{gate.location.approximate && ` (${t('gate.approximate')})`}</dd>
          </>
        )}
        <dt>{t('gate.todayHours')}</dt>
        <dd data-testid="today-hours">
          {gate.today.open
            ? `${intervalsText(gate.today.intervals)} (${t('gate.localTime')}) = ${intervalsText(gate.today.counterpartIntervals)} (${t('gate.counterpartTime')})`
            : t('gate.closed')}
        </dd>
        <dt>{t('gate.updatedAt')}</dt>
        <dd>{formatInstant(gate.updatedAt, lang, gate.timeZone)} · {t('gate.version')} {gate.version}</dd>
      </dl>
      {(gate.notes.vi || gate.notes.en) && (
        <>
          <h2>{t('gate.notes')}</h2>
          <p>{lang === 'vi' ? (gate.notes.vi ?? gate.notes.en) : (gate.notes.en ?? gate.notes.vi)}</p>
        </>
      )}

      <h2>{t('gate.weeklyHours')}</h2>
      {gate.weeklyHours.length === 0 ? <p>{t('gate.noHours')}</p> : (
        <table className="table">
          <tbody>
            {[1, 2, 3, 4, 5, 6, 7].map((d) => {
              const hours = gate.weeklyHours.filter((h) => h.weekday === d);
              return (
                <tr key={d}>
                  <th scope="row">{t(`weekday.${d}`)}</th>
                  <td>{hours.length ? intervalsText(hours) : t('gate.closed')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      <h2>{t('gate.upcoming')}</h2>
      <table className="table" data-testid="upcoming">
        <tbody>
          {gate.upcoming.map((d) => (
            <tr key={d.date} className={d.open ? '' : 'closed'}>
              <th scope="row">{formatDate(d.date, lang)}</th>
              <td>{d.open ? `${intervalsText(d.intervals)} · ${t('gate.cnSide')} ${intervalsText(d.counterpartIntervals)}` : t('gate.closed')}</td>
              <td>{d.special ? `${t(`specialKind.${d.special.kind}`)} — ${(lang === 'en' && d.special.nameEn) || (lang === 'zh' && d.special.nameZh) || d.special.nameVi}` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('gate.specialDays')}</h2>
      <ul className="plain" data-testid="special-days">
        {gate.specialDays.map((d) => (
          <li key={d.date}>
            <strong>{formatDate(d.date, lang)}</strong> — {t(`specialKind.${d.kind}`)}
            {d.opens && ` ${d.opens}–${d.closes}`}: {(lang === 'en' && d.nameEn) || (lang === 'zh' && d.nameZh) || d.nameVi}
          </li>
        ))}
      </ul>

      {gate.planRefs.length > 0 && (
        <>
          <h2>{t('gate.planRefs')}</h2>
          <ul className="plain">
            {gate.planRefs.map((r, i) => (
              <li key={i}><strong>{r.seed} · {r.section}</strong>: {r.textVi}</li>
            ))}
          </ul>
        </>
      )}
      {gate.children.length > 0 && (
        <>
          <h2>{t('gate.children')}</h2>
          <ul className="plain">
            {gate.children.map((c) => (
              <li key={c.id}><Link to={`/gates/${c.id}`}>{lang === 'vi' ? c.nameVi : c.nameEn}</Link> — {t(`class.${c.class}`)}, {t(`status.${c.status}`)}</li>
            ))}
          </ul>
        </>
      )}
      {gate.parentId && <p>{t('gate.parent')}: <Link to={`/gates/${gate.parentId}`}>{gate.parentId}</Link></p>}

      {canEdit && <GateEditor gate={gate} onSaved={onSaved} />}
      {canEdit && <GateCalendarEditor gate={gate} onSaved={onSaved} />}
      {history.data && (
        <>
          <h2>{t('gate.history')}</h2>
          <table className="table" data-testid="gate-history">
            <thead><tr><th>{t('gate.version')}</th><th>{t('gate.changedAt')}</th><th>{t('gate.changedBy')}</th><th>{t('audit.reason')}</th></tr></thead>
            <tbody>
              {history.data.items.map((v) => (
                <tr key={v.version}><td>{v.version}</td><td>{formatInstant(v.changedAt, lang, gate.timeZone)}</td><td>{v.changedBy}</td><td>{v.reason}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </article>
  );
}
