import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams, useSearchParams } from 'react-router-dom';
import type { GateSummary } from '../../../../shared/schemas/gates';
import type { Yard } from '../../../../shared/schemas/yards';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { localName } from './labels';
import { cachedYards } from './offline/store';
import { useOperator } from './useOperator';
import { yardsApi } from './api';

// /yard and /yards/:gateId: pick the gate (among the officer's) and the yard. The installed app
// opens on /yard and goes straight to the yard used last; offline, the yards this device has data
// for are offered.

export const LAST_YARD_KEY = 'cks.yard.last';

export function YardChooser() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const params = useParams();
  const [search] = useSearchParams();
  const { me, loading } = useOperator();
  const [gates, setGates] = useState<GateSummary[] | null>(null);
  const [gateId, setGateId] = useState(params.gateId ?? '');
  const [yards, setYards] = useState<Yard[] | null>(null);
  const [offline, setOffline] = useState<Awaited<ReturnType<typeof cachedYards>>>([]);
  const [error, setError] = useState<unknown>(null);
  const last = typeof localStorage !== 'undefined' ? localStorage.getItem(LAST_YARD_KEY) : null;

  useEffect(() => {
    void cachedYards().then(setOffline);
    api<{ items: GateSummary[] }>('GET', '/api/v1/gates')
      .then((r) => setGates(r.items))
      .catch(() => setGates([]));
  }, []);
  const myGates = (gates ?? []).filter((g) => (me?.gateIds.length ? me.gateIds.includes(g.id) : g.status === 'operating'));
  useEffect(() => {
    if (!gateId && myGates.length === 1) setGateId(myGates[0].id);
  }, [gateId, myGates]);
  useEffect(() => {
    if (!gateId) return;
    setYards(null);
    yardsApi.yards(gateId).then((r) => { setYards(r.items); setError(null); }).catch((e) => setError(e));
  }, [gateId]);

  if (!params.gateId && last && !search.has('choose')) return <Navigate to={`/yards/${last}`} replace />;
  if (loading) return <p>{t('common.loading')}</p>;
  if (!me) return <p className="panel">{t('yard.signInFirst')} <Link to="/login">{t('yard.status.signIn')}</Link></p>;
  if (!me.permissions.includes('yards:read')) return <p className="alert">{t('yard.noRight')}</p>;

  return (
    <article className="yard-page" data-testid="yard-chooser">
      <h1>{t('yard.chooser.title')}</h1>
      <label className="yard-field">
        {t('yard.chooser.gate')}
        <select value={gateId} onChange={(e) => setGateId(e.target.value)} data-testid="choose-gate">
          <option value="">{t('yard.chooser.pickGate')}</option>
          {myGates.map((g) => <option key={g.id} value={g.id}>{localName(g, lang)}</option>)}
        </select>
      </label>
      <ErrorMessage error={error} />
      {yards && (
        <ul className="cards">
          {yards.filter((y) => y.active).map((y) => (
            <li key={y.id} className="card">
              <h2><Link to={`/yards/${y.gateId}/${y.id}`} data-testid="choose-yard" data-yard={y.id}>{localName(y, lang)}</Link></h2>
              <p>{t('yard.occupancy', { n: y.occupancy, capacity: y.capacity })}</p>
              <p className="badges">{y.directions.map((d) => <span key={d} className="badge">{t(`yard.direction.${d}`)}</span>)}</p>
            </li>
          ))}
        </ul>
      )}
      {yards?.length === 0 && <p className="muted">{t('yard.chooser.noYards')}</p>}
      {offline.length > 0 && (
        <section className="panel">
          <h2>{t('yard.chooser.onThisDevice')}</h2>
          <ul className="plain">
            {offline.map((y) => (
              <li key={y.yardId}><Link to={`/yards/${y.gateId}/${y.yardId}`}>{localName(y.gate, lang)} · {localName(y.names, lang)}</Link></li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
