import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { yardsApi } from './api';
import { FeedbackView } from './FeedbackView';
import { timeIn } from './labels';
import { ReasonButton } from './ReasonButton';
import { useServerList } from './useServerList';
import type { Feedback } from './yardActions';

/** Plate readings below the camera threshold: the operator confirms, corrects or rejects each. */
export function ReadingsPanel({ gateId, timeZone, version, canWrite, onDone }: { gateId: string; timeZone: string; version: unknown; canWrite: boolean; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const load = useCallback(() => yardsApi.readings(gateId), [gateId]);
  const { items, error, reload } = useServerList(load, version);
  const [corrections, setCorrections] = useState<Record<string, string>>({});
  const [feedback, setFeedback] = useState<Feedback | null>(null);

  async function run(action: () => Promise<Feedback>) {
    const result = await action().catch((e: unknown): Feedback => ({ kind: 'error', error: e }));
    setFeedback(result);
    await reload();
    onDone();
  }

  if (items.length === 0 && !error && !feedback) return null;
  return (
    <section className="panel" data-testid="readings-panel">
      <h2>{t('yard.readings.title', { n: items.length })}</h2>
      <ErrorMessage error={error} />
      <FeedbackView feedback={feedback} />
      <ul className="yard-list">
        {items.map((r) => {
          const corrected = corrections[r.id] ?? r.plate ?? r.plateRead;
          const changed = corrected.trim() !== (r.plate ?? r.plateRead);
          return (
            <li key={r.id} className="yard-truck" data-testid="reading" data-plate={r.plateRead}>
              <div className="yard-truck-head">
                <span className="plate big-plate">{r.plateRead}</span>
                <span className="badge bad">{t('yard.readings.confidence', { pct: Math.round(r.confidence * 100) })}</span>
              </div>
              <p className="small muted">{t('yard.readings.camera', { camera: r.cameraId, position: t(`yard.cameraPosition.${r.cameraPosition}`), at: timeIn(r.capturedAt, timeZone, i18n.language) })}</p>
              {canWrite && (
                <div className="row">
                  <label className="grow">
                    <span className="sr-only">{t('yard.readings.plate')}</span>
                    <input value={corrected} onChange={(e) => setCorrections({ ...corrections, [r.id]: e.target.value })} aria-label={t('yard.readings.plate')} data-testid="reading-plate" />
                  </label>
                  {changed ? (
                    <ReasonButton label={t('yard.readings.correct')} testId="reading-correct"
                      onSubmit={(reason) => run(async () => ({ kind: 'server', result: await yardsApi.confirmReading(r.id, { plate: corrected.trim(), reason }) }))} />
                  ) : (
                    <button type="button" data-testid="reading-confirm" onClick={() => void run(async () => ({ kind: 'server', result: await yardsApi.confirmReading(r.id, {}) }))}>
                      {t('yard.readings.confirm')}
                    </button>
                  )}
                  <ReasonButton label={t('yard.readings.reject')} secondary testId="reading-reject"
                    onSubmit={(reason) => run(async () => ({ kind: 'server', result: await yardsApi.rejectReading(r.id, reason) }))} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
