import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import type { DriverTripView } from '../../../../shared/schemas/yards';
import { ErrorMessage } from '../../components/ErrorMessage';
import { NoticeStrip } from '../notices/NoticeStrip';
import { yardsApi } from './api';
import { CallNotice, EtaView, LanguageButtons } from './DriverParts';
import { localName, timeIn, trilingual, useNow } from './labels';
import { extractPassToken, parsePassToken } from './offline/passVerify';
import { CameraScanner } from './QrScanner';

// The driver's phone page, no account needed: the signed pass (from the QR or its link) is the
// credential. /driver/:reference?pass=… shows the trip; /driver lets the driver scan or paste the
// pass once, and remembers it on the phone.

const PASS_KEY = 'cks.driver.pass';

/** Opens the page for a pass token: its reference is inside the signed payload. */
function driverPath(token: string): string | null {
  const parsed = parsePassToken(extractPassToken(token));
  return parsed ? `/driver/${encodeURIComponent(parsed.payload.ref)}?pass=${encodeURIComponent(extractPassToken(token))}` : null;
}

export function DriverStart() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [text, setText] = useState('');
  const [camera, setCamera] = useState(false);
  const [bad, setBad] = useState(false);
  const given = search.get('pass') ?? (search.has('another') || typeof localStorage === 'undefined' ? null : localStorage.getItem(PASS_KEY));
  useEffect(() => {
    const path = given ? driverPath(given) : null;
    if (path) navigate(path, { replace: true });
  }, [given, navigate]);
  const open = (value: string) => {
    const path = driverPath(value);
    if (path) navigate(path);
    else setBad(true);
  };
  return (
    <article className="driver-page" data-testid="driver-start">
      <LanguageButtons />
      <h1>{t('driver.start.title')}</h1>
      <p>{t('driver.start.explain')}</p>
      <button type="button" className="big" onClick={() => setCamera((c) => !c)}>{t('driver.start.scan')}</button>
      {camera && <CameraScanner onScan={(v) => { setCamera(false); open(v); }} onClose={() => setCamera(false)} />}
      <form onSubmit={(e: FormEvent) => { e.preventDefault(); open(text); }} className="driver-paste">
        <label>
          {t('driver.start.paste')}
          <input value={text} onChange={(e) => { setText(e.target.value); setBad(false); }} placeholder="CKS1.…" data-testid="driver-pass-input" />
        </label>
        <button type="submit" className="big">{t('driver.start.open')}</button>
      </form>
      {bad && <p className="alert" role="alert">{t('driver.start.notAPass')}</p>}
    </article>
  );
}

/** Beep and vibrate when the truck is called (sound only after the driver allowed it with a tap). */
function useCallAlert(calledAt: string | null) {
  const audio = useRef<AudioContext | null>(null);
  const [soundOn, setSoundOn] = useState(false);
  const seen = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    const first = seen.current === undefined;
    const changed = calledAt !== null && calledAt !== seen.current;
    seen.current = calledAt;
    if (!changed || (first && calledAt === null)) return;
    navigator.vibrate?.([400, 150, 400, 150, 400]);
    const ctx = audio.current;
    if (!ctx) return;
    for (let i = 0; i < 3; i++) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = 880;
      gain.gain.value = 0.2;
      osc.connect(gain).connect(ctx.destination);
      osc.start(ctx.currentTime + i * 0.45);
      osc.stop(ctx.currentTime + i * 0.45 + 0.3);
    }
  }, [calledAt]);
  const enableSound = () => {
    audio.current ??= new AudioContext();
    void audio.current.resume();
    setSoundOn(true);
  };
  return { soundOn, enableSound };
}

export function DriverPage() {
  const { reference = '' } = useParams();
  const [search] = useSearchParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const pass = search.get('pass') ?? '';
  const now = useNow(1000);
  const [view, setView] = useState<DriverTripView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [offline, setOffline] = useState(false);
  const { soundOn, enableSound } = useCallAlert(view?.callNotice?.calledAt ?? null);

  const load = useCallback(async () => {
    try {
      const v = await yardsApi.driver(reference, pass);
      setView(v);
      setError(null);
      setOffline(false);
      localStorage.setItem(PASS_KEY, pass);
    } catch (e) {
      if (e instanceof TypeError) setOffline(true);
      else setError(e);
    }
  }, [reference, pass]);

  const refreshMs = Math.min(60, Math.max(5, view?.refreshSeconds ?? 20)) * 1000;
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), refreshMs);
    const onVisible = () => document.visibilityState === 'visible' && void load();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [load, refreshMs]);

  if (!view) {
    return (
      <article className="driver-page" data-testid="driver-page">
        <LanguageButtons />
        {error ? <ErrorMessage error={error} /> : <p>{t(offline ? 'driver.offline' : 'common.loading')}</p>}
        {error instanceof ApiError && (
          <Link to="/driver?another=1" className="button big" onClick={() => localStorage.removeItem(PASS_KEY)}>{t('driver.start.another')}</Link>
        )}
      </article>
    );
  }
  const tz = view.gate.timeZone;
  return (
    <article className="driver-page" data-testid="driver-page" data-stage={view.stage}>
      <LanguageButtons />
      <header className="driver-head">
        <p className="plate driver-plate" data-testid="driver-plate">{view.plate}</p>
        <p className="reference small">{view.reference}</p>
        <p>{localName(view.gate, lang)} · {t(`yard.direction.${view.direction}`)} · {view.plannedDate} {view.window.from}–{view.window.to}</p>
      </header>
      {offline && <p className="alert">{t('driver.offline')}</p>}
      <ErrorMessage error={error} />
      <NoticeStrip gateIds={[view.gate.id]} />
      {view.callNotice && <CallNotice notice={view.callNotice} now={now} />}
      {!soundOn && <button type="button" className="secondary" onClick={enableSound} data-testid="driver-sound">{t('driver.soundOn')}</button>}

      <section className="driver-card">
        <p className="driver-stage" data-testid="driver-stage">{t(`driver.stage.${view.stage}`)}</p>
        {view.position !== null && view.stage === 'queued' && (
          <p className="driver-big" data-testid="driver-position">
            {t('driver.position', { n: view.position })} · {t('driver.ahead', { n: view.aheadCount ?? Math.max(0, view.position - 1) })}
          </p>
        )}
        {view.eta && view.stage === 'queued' && <EtaView eta={view.eta} timeZone={tz} now={now} />}
        {view.yard && <p>{t('driver.yard', { yard: localName(view.yard, lang) })}{view.lane && <> · {t('driver.lane', { lane: localName(view.lane, lang) })}</>}</p>}
        <p>{t('driver.clearance')}: <strong data-testid="driver-clearance">{t(`yard.clearance.${view.clearanceStatus}`)}</strong></p>
      </section>

      {view.instructions.length > 0 && (
        <section className="driver-card" data-testid="driver-instructions">
          <h2>{t('driver.instructions')}</h2>
          <ul className="plain">
            {view.instructions.map((i, n) => (
              <li key={n}>{trilingual(i, lang)}{i.place && <> — {i.place}</>}{i.at && <> · {i.at}</>}</li>
            ))}
          </ul>
        </section>
      )}
      {view.notices.length > 0 && (
        <section className="driver-card" data-testid="driver-notices">
          <h2>{t('driver.notices')}</h2>
          <ul className="plain">
            {view.notices.map((n, i) => <li key={i} data-code={n.code}><span className="muted">{timeIn(n.at, tz, lang)}</span> {trilingual(n.message, lang)}</li>)}
          </ul>
        </section>
      )}
      <p className="small muted">{t('driver.updated', { at: timeIn(view.updatedAt, tz, lang) })}</p>
    </article>
  );
}
