import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { YardLane } from '../../../../shared/schemas/yards';
import { FeedbackView } from './FeedbackView';
import { localName } from './labels';
import { CameraScanner, decodeImageFile } from './QrScanner';
import { checkInByQr, checkInTyped, type Feedback, type YardScope } from './yardActions';

/**
 * Checking a truck in: by its pass QR (camera, photo, handheld scanner) or typed by hand with a
 * reason. Online the server decides; offline the pass is verified on the device and the check-in
 * waits in the outbox.
 */
export function CheckInPanel({ scope, lanes, onDone }: { scope: YardScope; lanes: YardLane[]; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const [camera, setCamera] = useState(false);
  const [token, setToken] = useState('');
  const [typed, setTyped] = useState({ text: '', reason: '', lane: '' });
  const [overCapacity, setOverCapacity] = useState(false);
  // Typing is the fallback path: folded away on a phone so the queue stays near the top.
  const [typedOpen, setTypedOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const yardFull = feedback?.kind === 'server' && feedback.result.flag?.reason === 'yard_full';

  async function run(action: () => Promise<Feedback>) {
    setBusy(true);
    try {
      const result = await action();
      setFeedback(result);
      if (result.kind !== 'error') onDone();
      return result;
    } finally {
      setBusy(false);
    }
  }

  async function scanned(text: string) {
    setCamera(false);
    await run(() => checkInByQr(scope, text));
  }

  async function submitToken(e: FormEvent) {
    e.preventDefault();
    if (!token.trim()) return;
    const text = token;
    setToken('');
    await run(() => checkInByQr(scope, text));
  }

  async function photo(file: File | undefined) {
    if (!file) return;
    const text = await decodeImageFile(file).catch(() => null);
    if (!text) return setFeedback({ kind: 'refused', verdict: 'malformed', truck: null });
    await run(() => checkInByQr(scope, text));
  }

  async function submitTyped(e: FormEvent) {
    e.preventDefault();
    const result = await run(() => checkInTyped(scope, { text: typed.text, reason: typed.reason.trim(), lane: typed.lane || undefined, overCapacity: yardFull && overCapacity }));
    if (result.kind !== 'error' && !(result.kind === 'server' && result.result.outcome === 'flagged')) {
      setTyped({ text: '', reason: '', lane: '' });
      setOverCapacity(false);
    }
  }

  return (
    <section className="panel yard-checkin" data-testid="checkin-panel">
      <h2>{t('yard.checkIn.title')}</h2>
      {!scope.online && <p className="yard-offline-note">{t('yard.checkIn.offlineNote')}</p>}
      <div className="row">
        <button type="button" className="big" onClick={() => setCamera((c) => !c)} data-testid="open-camera" aria-pressed={camera}>
          {t('yard.scan.camera')}
        </button>
        <label className="button secondary big file-button">
          {t('yard.scan.photo')}
          <input type="file" accept="image/*" capture="environment" data-testid="qr-photo" onChange={(e) => { void photo(e.target.files?.[0]); e.target.value = ''; }} />
        </label>
      </div>
      {camera && <CameraScanner onScan={(text) => void scanned(text)} onClose={() => setCamera(false)} />}
      <form className="yard-scan-form" onSubmit={(e) => void submitToken(e)}>
        <label>
          {t('yard.scan.scannerField')}
          <input name="passToken" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" data-testid="qr-input" placeholder="CKS1.…" />
        </label>
        <button type="submit" className="big" disabled={busy || !token.trim()} data-testid="qr-submit">{t('yard.scan.check')}</button>
      </form>

      <details className="yard-typed-box" open={typedOpen} onToggle={(e) => setTypedOpen(e.currentTarget.open)}>
        <summary data-testid="typed-open">{t('yard.checkIn.typedTitle')}</summary>
        <form className="yard-typed" onSubmit={(e) => void submitTyped(e)} data-testid="typed-form">
          <label>
            {t('yard.checkIn.referenceOrPlate')}
            <input name="truck" value={typed.text} onChange={(e) => setTyped({ ...typed, text: e.target.value })} required minLength={3} autoComplete="off" />
          </label>
          <label>
            {t('yard.checkIn.reason')}
            <input name="reason" value={typed.reason} onChange={(e) => setTyped({ ...typed, reason: e.target.value })} required minLength={3} placeholder={t('yard.checkIn.reasonHint')} />
          </label>
          <label>
            {t('yard.checkIn.lane')}
            <select name="lane" value={typed.lane} onChange={(e) => setTyped({ ...typed, lane: e.target.value })}>
              <option value="">{t('yard.checkIn.laneAuto')}</option>
              {lanes.map((l) => <option key={l.code} value={l.code}>{localName(l, i18n.language)}</option>)}
            </select>
          </label>
          {yardFull && scope.online && (
            <label className="inline">
              <input type="checkbox" checked={overCapacity} onChange={(e) => setOverCapacity(e.target.checked)} data-testid="over-capacity" />
              {t('yard.checkIn.overCapacity')}
            </label>
          )}
          <button type="submit" className="big" disabled={busy} data-testid="typed-submit">{t('yard.checkIn.submit')}</button>
        </form>
      </details>
      <FeedbackView feedback={feedback} />
    </section>
  );
}
